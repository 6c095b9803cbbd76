using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Input;
using ContactRules.Cli.Scrub;
using ContactRules.Cli.Zones;
using ContactRules.Jurisdictions;
using ContactRules.Registries;
using ContactRules.Sqlite;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Benchmarks;

/// <summary>
/// Throughput of <c>contactrules scrub</c> with what it reads besides the list: a Bloctel
/// registry file (<c>--registry</c>) and a SQLite ledger (<c>--ledger</c>). The list is the one of
/// <see cref="ScrubBenchmarks"/> (French mobile numbers, Paris and overseas zones), decided at
/// Tue 10 March 2026 10:00Z under the fr pack and written to a null stream.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>"none": the list alone (the baseline, with the decision cache).</item>
/// <item>"registry": a 2,000,000-number Bloctel snapshot holding every tenth number of the list;
/// each row is looked up (the cache key carries the membership), so a tenth of the rows are
/// refused by FR-LIST-01.</item>
/// <item>"sqlite-ledger": a ledger where every tenth person has two earlier calls; every row is
/// decided on its own through a gate on the ledger (two reads: facts and history).</item>
/// </list>
/// Rows: 1,000,000 for "none" and "registry", 100,000 for "sqlite-ledger"; divide the rows by
/// the mean time for rows per second.
/// </remarks>
[MemoryDiagnoser]
public class ScrubSourcesBenchmarks
{
    private static readonly string[] Zones =
    {
        "Europe/Paris", "Europe/Paris", "Europe/Paris", "Indian/Reunion", "America/Martinique", "Europe/Paris;Indian/Reunion", "America/Guadeloupe", "Indian/Mayotte",
    };

    private static readonly Instant At = Instant.FromUtc(2026, 3, 10, 10, 0);

    private string folder = null!;
    private string list = null!;
    private RegistryFile? registry;
    private SqliteContactLedger? ledger;

    [Params("none", "registry", "sqlite-ledger")]
    public string Source { get; set; } = "none";

    private int Rows => Source == "sqlite-ledger" ? 100_000 : 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), $"contactrules-scrub-sources-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        list = Path.Combine(folder, "list.csv");
        using (var writer = new StreamWriter(list, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
        {
            writer.WriteLine("number,contactId,timeZones,channel,purpose,caller,subject,campaign");
            for (var i = 0; i < Rows; i++)
            {
                writer.WriteLine($"{Number(i)},cust-{i.ToString(CultureInfo.InvariantCulture)},{Zones[i % Zones.Length]},voice,marketing,operator,offer-{(i % 7).ToString(CultureInfo.InvariantCulture)},retention");
            }
        }

        if (Source == "registry")
        {
            // Every tenth number of the list, and as many again outside it.
            var numbers = Enumerable.Range(0, Rows / 10).Select(i => Number(i * 10))
                .Concat(Enumerable.Range(0, 1_900_000).Select(i => "+337" + i.ToString("D8", CultureInfo.InvariantCulture)));
            var path = Path.Combine(folder, "bloctel.crreg");
            RegistryFileBuilder.Build(numbers, path, new RegistryBuildOptions(ContactRegistry.Bloctel, Instant.FromUtc(2026, 3, 1, 0, 0)));
            registry = RegistryFile.Open(path);
        }
        else if (Source == "sqlite-ledger")
        {
            var path = Path.Combine(folder, "ledger.db");
            using (var writing = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, new PhoneNumberHasher(new byte[32]))))
            {
                for (var i = 0; i < Rows; i += 10)
                {
                    var id = "cust-" + i.ToString(CultureInfo.InvariantCulture);
                    writing.Record(id, new ContactAttempt(Instant.FromUtc(2026, 3, 2, 9, 30), AttemptOutcome.NoAnswer) { Caller = "operator" });
                    writing.Record(id, new ContactAttempt(Instant.FromUtc(2026, 3, 3, 9, 30), AttemptOutcome.NoAnswer) { Caller = "operator" });
                }
            }

            ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, new PhoneNumberHasher(new byte[32])));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        registry?.Dispose();
        ledger?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Description = "scrub with sources")]
    public long Scrub()
    {
        using var input = new FileStream(list, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new CsvReader(input);
        CsvHeader.TryRead(reader, CallListScrubber.Columns, new[] { "number" }, out var header, out _);
        using var output = new CsvWriter(Stream.Null);
        var registries = registry is null ? Array.Empty<RegistryFile>() : new[] { registry };
        var scrubber = new CallListScrubber(FranceRules.Pack, At, NoPhoneNumberZones.Instance, ledger: ledger, registries: registries);
        var counts = scrubber.Run(reader, header!, output, new InputErrors("scrub", list, TextWriter.Null), (_, _) => { });
        output.Flush();
        return counts.Rows;
    }

    private static string Number(int i) => "+336" + i.ToString("D8", CultureInfo.InvariantCulture);
}
