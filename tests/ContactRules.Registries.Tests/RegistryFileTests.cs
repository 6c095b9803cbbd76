using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ContactRules.Jurisdictions;
using CsCheck;
using NodaTime;
using Xunit;

namespace ContactRules.Registries.Tests;

public sealed class RegistryFileTests : IDisposable
{
    private static readonly Instant Snapshot = Instant.FromUtc(2026, 11, 2, 0, 0);
    private readonly TempFolder folder = new TempFolder();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_built_registry_finds_its_numbers_and_only_them()
    {
        var path = Build("+33612345678\n+33612345679\n+12025550123\n", ContactRegistry.Bloctel);
        using var registry = RegistryFile.Open(path);
        Assert.Equal(3, registry.Count);
        Assert.Equal(ContactRegistry.Bloctel, registry.Registry);
        Assert.Equal(Snapshot, registry.SnapshotAt);
        Assert.True(registry.Contains("+33612345678"));
        Assert.True(registry.Contains("+12025550123"));
        Assert.False(registry.Contains("+33612345670"));
        Assert.False(registry.Contains("+3361234567"));
        Assert.Throws<ArgumentException>(() => registry.Contains("+1"));
    }

    [Fact]
    public void National_numbers_get_the_default_country_code_and_csv_columns_are_read()
    {
        var export = "phone,registered\n202-555-0123,2020-01-01\n(303) 555 0199,2021-05-05\r\n\n+447700900123,2022-01-01\n";
        var path = Build(export, ContactRegistry.UsDnc, new RegistryBuildOptions(ContactRegistry.UsDnc, Snapshot) { DefaultCountryCode = "1", HasHeader = true });
        using var registry = RegistryFile.Open(path);
        Assert.Equal(3, registry.Count);
        Assert.True(registry.Contains("+12025550123"));
        Assert.True(registry.Contains("+13035550199"));
        Assert.True(registry.Contains("+447700900123"));
    }

    [Fact]
    public void Duplicates_are_written_once_and_counted()
    {
        var exportPath = folder.File("export.txt");
        File.WriteAllText(exportPath, "+33612345678\n+33612345678\n+33611111111\n");
        var result = RegistryFileBuilder.Build(exportPath, folder.File("dup.crreg"), new RegistryBuildOptions(ContactRegistry.Bloctel, Snapshot));
        Assert.Equal(2, result.Numbers);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(3, result.LinesRead);
    }

    [Fact]
    public void A_line_that_is_not_a_number_fails_the_build_with_its_line_number()
    {
        var exportPath = folder.File("bad.txt");
        File.WriteAllText(exportPath, "+33612345678\nhello\n+33611111111\n0612345678\n");
        var error = Assert.Throws<RegistryFormatException>(() =>
            RegistryFileBuilder.Build(exportPath, folder.File("bad.crreg"), new RegistryBuildOptions(ContactRegistry.Bloctel, Snapshot)));
        Assert.Contains("2 line(s) are not phone numbers", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2: expected an E.164 number", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: expected an E.164 number", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("bad.crreg")));
    }

    [Fact]
    public void Rejected_lines_can_be_allowed_explicitly_and_are_reported()
    {
        var exportPath = folder.File("bad.txt");
        File.WriteAllText(exportPath, "+33612345678\nhello\n");
        var result = RegistryFileBuilder.Build(exportPath, folder.File("ok.crreg"), new RegistryBuildOptions(ContactRegistry.Bloctel, Snapshot) { MaxRejectedLines = 1, DefaultCountryCode = "33" });
        Assert.Equal(1, result.Rejected);
        Assert.Equal("line 2: unexpected character 'h' in a phone number (found 'hello')", Assert.Single(result.FirstRejections));
    }

    [Fact]
    public void A_truncated_file_is_reported_as_torn_never_read_as_empty()
    {
        var path = Build("+33612345678\n+33612345679\n", ContactRegistry.Bloctel);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.Take(bytes.Length - 1).ToArray());
        var error = Assert.Throws<RegistryFormatException>(() => RegistryFile.Open(path));
        Assert.Contains("torn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_fails_the_checksum()
    {
        var path = Build("+33612345678\n+33612345679\n+33612345680\n", ContactRegistry.Bloctel);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<RegistryFormatException>(() => RegistryFile.Open(path));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_file_is_not_taken_for_a_registry()
    {
        var path = folder.File("not-a-registry.crreg");
        File.WriteAllText(path, new string('x', 200));
        Assert.Contains("not a ContactRules registry file", Assert.Throws<RegistryFormatException>(() => RegistryFile.Open(path)).Message, StringComparison.Ordinal);
        File.WriteAllText(path, "short");
        Assert.Contains("shorter than the 64-byte header", Assert.Throws<RegistryFormatException>(() => RegistryFile.Open(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_reject_numbers_that_are_not_E164()
    {
        using var registry = RegistryFile.Open(Build("+33612345678\n", ContactRegistry.Bloctel));
        Assert.Throws<ArgumentException>(() => registry.Contains("0612345678"));
    }

    [Fact]
    public void Random_sets_of_numbers_are_found_exactly()
        => Gen.Long[10_000_000_000L, 19_999_999_999L].HashSet[0, 3000].Select(Gen.Long[10_000_000_000L, 19_999_999_999L].Array[50]).Sample(
            (numbers, probes) =>
            {
                var path = folder.File(Guid.NewGuid().ToString("N") + ".crreg");
                RegistryFileBuilder.Build(numbers.Select(n => "+" + n), path, new RegistryBuildOptions(ContactRegistry.UsDnc, Snapshot));
                using var registry = RegistryFile.Open(path);
                return registry.Count == numbers.Count
                    && numbers.Take(200).All(n => registry.Contains("+" + n))
                    && probes.All(p => registry.Contains("+" + p) == numbers.Contains(p));
            },
            iter: 60);

    [Fact]
    public void A_batch_lookup_answers_as_the_lookups_one_at_a_time_do()
        => Gen.Long[10_000_000_000L, 19_999_999_999L].HashSet[1, 3000].Select(Gen.Long[1_000_000_000L, 99_999_999_999L].Array[0, 70]).Sample(
            (numbers, probes) =>
            {
                var path = folder.File(Guid.NewGuid().ToString("N") + ".crreg");
                RegistryFileBuilder.Build(numbers.Select(n => "+" + n), path, new RegistryBuildOptions(ContactRegistry.UsDnc, Snapshot));
                using var registry = RegistryFile.Open(path);

                // Registered numbers, numbers in no bucket (below the smallest, above the largest) and others, mixed.
                var asked = numbers.Take(40).Concat(probes).Select(n => "+" + n).OrderBy(n => n.GetHashCode(StringComparison.Ordinal)).ToArray();
                var found = new bool[asked.Length];
                registry.ContainsMany(asked, found);
                return asked.Select(registry.Contains).SequenceEqual(found)
                    && asked.Zip(found).All(p => p.Second == numbers.Contains(long.Parse(p.First.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)));
            },
            iter: 60);

    [Fact]
    public void A_batch_lookup_rejects_a_number_that_is_not_E164_and_a_short_answer_span()
    {
        using var registry = RegistryFile.Open(Build("+33612345678\n", ContactRegistry.Bloctel));
        Assert.Throws<ArgumentException>(() => registry.ContainsMany(new[] { "+33612345678", "0612345678" }, new bool[2]));
        Assert.Throws<ArgumentException>(() => registry.ContainsMany(new[] { "+33612345678" }, Array.Empty<bool>()));
    }

    [Fact]
    public void Screening_records_a_registered_number_so_that_the_pack_refuses_it()
    {
        // FR-LIST-01 (Bloctel) is in force until 10 August 2026; screening against a snapshot of
        // 1 June 2026 records the entry as effective on that date at the latest.
        var snapshot = Instant.FromUtc(2026, 6, 1, 0, 0);
        var path = Build("+33612345678\n", ContactRegistry.Bloctel, new RegistryBuildOptions(ContactRegistry.Bloctel, snapshot));
        using var registry = RegistryFile.Open(path);
        var registered = new ContactRequest(new Contact("c-1") { PhoneNumber = "+33612345678", TimeZones = ImmutableArray.Create(Paris) });
        var other = new ContactRequest(new Contact("c-2") { PhoneNumber = "+33699999999", TimeZones = ImmutableArray.Create(Paris) });
        var tuesday = Paris.AtStrictly(new LocalDateTime(2026, 6, 9, 11, 0)).ToInstant();

        var screened = RegistryScreening.Screen(registered, new[] { registry });
        Assert.Equal(snapshot, screened.RegistrySnapshotAt);
        var decision = FranceRules.Pack.Evaluate(screened, tuesday, ContactHistory.Empty);
        Assert.Contains(decision.Violations, v => v.RuleId == "FR-LIST-01" && v.Kind == RuleKind.Registry);
        Assert.True(FranceRules.Pack.Evaluate(RegistryScreening.Screen(other, new[] { registry }), tuesday, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void Screening_a_contact_without_a_number_is_an_error()
    {
        using var registry = RegistryFile.Open(Build("+33612345678\n", ContactRegistry.Bloctel));
        var error = Assert.Throws<ArgumentException>(() => RegistryScreening.Screen(new ContactRequest(new Contact("c-1")), new[] { registry }));
        Assert.Contains("no phone number", error.Message, StringComparison.Ordinal);
    }

    private string Build(string export, ContactRegistry registry, RegistryBuildOptions? options = null)
    {
        var exportPath = folder.File(Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(exportPath, export);
        var path = folder.File(Guid.NewGuid().ToString("N") + ".crreg");
        RegistryFileBuilder.Build(exportPath, path, options ?? new RegistryBuildOptions(registry, Snapshot));
        return path;
    }
}
