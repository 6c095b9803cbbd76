using System;
using System.IO;
using System.Linq;
using ContactRules.Cli.Scrub;
using ContactRules.Cli.Zones;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// <c>registry build</c>, <c>registry info</c> and <c>scrub --registry</c> end to end on
/// fixtures/us-dnc-export.txt, a US DNC-style export (10-digit numbers, a header):
/// <code>
/// 1 phone
/// 2 2025550123
/// 3 2025550124
/// 4 +12025550125
/// 5 2025550123      (listed twice)
/// 6 20255501x6      (not a number)
/// 7                 (blank)
/// 8 2025550127
/// </code>
/// 8 lines read, 4 distinct numbers (…0123, …0124, …0125, …0127), 1 duplicate, 1 malformed line.
/// </summary>
public class RegistryTests
{
    private static string Export => TestFiles.Fixture("us-dnc-export.txt");

    private static CliRun Build(string export, string output, params string[] more)
        => CliRun.Run(string.Empty, null, new[] { "registry", "build", export, "--registry", "us-dnc", "--snapshot", "2026-11-01", "--country-code", "1", "--header", "--out", output }.Concat(more).ToArray());

    /// <summary>A clean export: the fixture without its malformed line.</summary>
    private static string CleanExport(TempFolder folder)
    {
        var path = folder.File("clean.txt");
        File.WriteAllLines(path, File.ReadAllLines(Export).Where(line => !line.Contains('x', StringComparison.Ordinal)));
        return path;
    }

    [Fact]
    public void A_malformed_line_is_reported_with_line_and_column_and_the_file_is_not_written()
    {
        using var folder = new TempFolder();
        var output = folder.File("us-dnc.crreg");

        var run = Build(Export, output);

        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(folder.Path));
        Assert.Equal($"{Export}: 8 lines read, 4 numbers, 1 duplicates (kept once), 1 malformed lines.", Assert.Single(run.Lines));
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"contactrules registry build: {Export}, line 6, column 1: unexpected character 'x' in a phone number; the field holds 10 characters", errors[0]);
        Assert.StartsWith($"contactrules registry build: 1 lines of {Export} are not phone numbers (at most 0 allowed by --max-rejected): each may be a protected number, so the registry file '{output}' was not written.", errors[1], StringComparison.Ordinal);

        // The malformed line's text is not echoed.
        Assert.DoesNotContain("20255501x6", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_malformed_lines_are_left_out_and_still_exit_code_2()
    {
        using var folder = new TempFolder();
        var output = folder.File("us-dnc.crreg");

        var run = Build(Export, output, "--max-rejected", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.True(File.Exists(output));
        Assert.StartsWith($"{output}: us-dnc snapshot of 2026-11-01T00:00:00Z, 4 numbers, ", run.Lines[1], StringComparison.Ordinal);
        Assert.Contains($"1 malformed lines of {Export} were left out of '{output}' (allowed by --max-rejected)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_line_in_a_CSV_column_is_reported_at_the_column_where_its_field_starts()
    {
        using var folder = new TempFolder();
        var export = folder.File("export.csv");
        File.WriteAllText(export, "name,phone\nAda,+12025550123\n\"Bob\",+1202555O124\n");

        var run = CliRun.Run(string.Empty, null, "registry", "build", export, "--registry", "us-dnc", "--snapshot", "2026-11-01", "--column", "2", "--header", "--out", folder.File("r.crreg"));

        // Line 3: the second field starts after '"Bob",' (6 characters): column 7; the letter O is not a digit.
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"contactrules registry build: {export}, line 3, column 7: unexpected character 'O' in a phone number; the field holds 12 characters", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_export_is_exit_code_0_and_info_reads_it_back()
    {
        using var folder = new TempFolder();
        var output = folder.File("us-dnc.crreg");

        var build = Build(CleanExport(folder), output);
        var info = CliRun.Run(string.Empty, null, "registry", "info", output);

        Assert.Equal(0, build.ExitCode);
        Assert.Equal(string.Empty, build.Stderr);
        Assert.Equal(0, info.ExitCode);
        Assert.StartsWith($"{output}: us-dnc snapshot of 2026-11-01T00:00:00Z, 4 numbers, ", Assert.Single(info.Lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--registry", "us-dnx", "contactrules registry build: --registry: unknown register 'us-dnx'; expected one of bloctel, us-dnc,")]
    [InlineData("--snapshot", "1 Nov 2026", "contactrules registry build: --snapshot: '1 Nov 2026' is not a date; expected YYYY-MM-DD")]
    [InlineData("--country-code", "01", "contactrules registry build: --country-code: '01' is not a country calling code")]
    public void A_bad_option_is_exit_code_2(string option, string value, string error)
    {
        using var folder = new TempFolder();
        var args = new[] { "registry", "build", Export, "--registry", "us-dnc", "--snapshot", "2026-11-01", "--country-code", "1", "--out", folder.File("r.crreg") };
        args[Array.IndexOf(args, option) + 1] = value;

        var run = CliRun.Run(string.Empty, null, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("torn")]
    [InlineData("flipped")]
    [InlineData("missing")]
    public void A_torn_corrupt_or_missing_registry_file_is_exit_code_2_for_info_and_scrub(string damage)
    {
        using var folder = new TempFolder();
        var output = folder.File("us-dnc.crreg");
        Assert.Equal(0, Build(CleanExport(folder), output).ExitCode);
        var bytes = File.ReadAllBytes(output);
        switch (damage)
        {
            case "torn":
                File.WriteAllBytes(output, bytes.Take(bytes.Length - 3).ToArray());
                break;
            case "flipped":
                bytes[^1] ^= 0x55;
                File.WriteAllBytes(output, bytes);
                break;
            default:
                File.Delete(output);
                break;
        }

        var list = folder.File("list.csv");
        File.WriteAllText(list, "number,timeZones\n+12025550199,America/New_York\n");
        var info = CliRun.Run(string.Empty, null, "registry", "info", output);
        var scrub = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "us", "--at", "2026-11-10T15:00:00Z", "--registry", output);

        var expected = damage switch
        {
            "torn" => "is torn",
            "flipped" => "fails its checksum",
            _ => $"there is no registry file '{output}'",
        };
        Assert.Equal(2, info.ExitCode);
        Assert.Contains(expected, info.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, scrub.ExitCode);
        Assert.Empty(scrub.Lines);
        Assert.StartsWith("contactrules scrub: --registry: ", scrub.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, scrub.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Scrub under the us pack with the registry (snapshot 1 November 2026), list in New York:
    /// <list type="bullet">
    /// <item>Tue 10 November 2026 15:00Z = 10:00 EST, inside 08:00–21:00 (US-HOURS-01). +12025550123
    /// is in the snapshot: US-DNC-01 refuses (47 CFR 64.1200(c)(2); the snapshot lists it, so it is
    /// protected from the snapshot's date at the latest, and registrations do not expire: no next
    /// instant). +12025550199 is not: allowed; the snapshot is 9 days old, within 31.</item>
    /// <item>Tue 15 December 2026 15:00Z: the snapshot is 44 days old, more than the 31 days
    /// 64.1200(c)(2) allows: every row is refused by US-DNC-01, listed or not.</item>
    /// </list>
    /// </summary>
    [Fact]
    public void Scrub_looks_every_number_up_and_the_snapshot_date_feeds_the_freshness_rule()
    {
        using var folder = new TempFolder();
        var output = folder.File("us-dnc.crreg");
        Assert.Equal(0, Build(CleanExport(folder), output).ExitCode);
        var list = folder.File("list.csv");
        File.WriteAllText(list, "number,contactId,timeZones\n+12025550123,N-1,America/New_York\n+12025550199,N-2,America/New_York\n+12025550124,N-3,America/New_York\n");

        var fresh = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "us", "--at", "2026-11-10T15:00:00Z", "--registry", output);
        var stale = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "us", "--at", "2026-12-15T15:00:00Z", "--registry", output);

        Assert.Equal(0, fresh.ExitCode);
        Assert.StartsWith("2,+12025550123,N-1,refused,,,US-DNC-01,", fresh.Lines[1], StringComparison.Ordinal);
        Assert.Equal("3,+12025550199,N-2,allowed,,,,", fresh.Lines[2]);
        Assert.StartsWith("4,+12025550124,N-3,refused,,,US-DNC-01,", fresh.Lines[3], StringComparison.Ordinal);
        Assert.Contains($"looking numbers up in {output}: us-dnc snapshot of 2026-11-01T00:00:00Z, 4 numbers.", fresh.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, stale.ExitCode);
        Assert.All(stale.Lines.Skip(1), line => Assert.Contains(",refused,", line, StringComparison.Ordinal));
        Assert.Contains("more than 31 days before the contact", stale.Lines[2], StringComparison.Ordinal);
    }

    /// <summary>
    /// Rows that differ only in their number share every other deciding column: the kept outcome
    /// must depend on the number's membership in each registry, or a listed number would get an
    /// unlisted one's "allowed". The list alternates listed and unlisted numbers.
    /// </summary>
    [Fact]
    public void With_registries_kept_outcomes_give_the_same_file_as_deciding_every_row_alone()
    {
        using var folder = new TempFolder();
        var output = folder.File("us-dnc.crreg");
        Assert.Equal(0, Build(CleanExport(folder), output).ExitCode);
        var list = folder.File("list.csv");
        File.WriteAllLines(list, new[] { "number,timeZones" }.Concat(Enumerable.Range(120, 10).Select(n => $"+12025550{n},America/New_York")));
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 10, 15, 0));
        var sources = new ScrubSources(null, null, null, new[] { output });

        ScrubCommand.Run(list, "us", folder.File("kept.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock, sources: sources);
        ScrubCommand.Run(list, "us", folder.File("alone.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock, cacheOutcomes: false, sources: sources);

        Assert.Equal(File.ReadAllBytes(folder.File("alone.csv")), File.ReadAllBytes(folder.File("kept.csv")));

        // …0120 to …0129: …0123, …0124, …0125 and …0127 are listed: 4 refused, 6 allowed.
        var decisions = File.ReadAllLines(folder.File("kept.csv")).Skip(1).Select(l => l.Split(',')[3]).ToArray();
        Assert.Equal(new[] { "allowed", "allowed", "allowed", "refused", "refused", "refused", "allowed", "refused", "allowed", "allowed" }, decisions);
    }
}
