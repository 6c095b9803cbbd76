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
/// <item>"sqlite-ledger": a ledger where every tenth person has two earlier calls; the rows are
/// decided in blocks whose people the ledger reads together.</item>
/// <item>"sqlite-ledger+registry": both, as issue 15's target (500,000 rows a second) has them.</item>
/// </list>
/// Rows: 1,000,000 (ScrubFixtures); divide the rows by the mean time for rows per second.
/// </remarks>
[MemoryDiagnoser]
public class ScrubSourcesBenchmarks
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 10, 10, 0);

    private TempFolder folder = null!;
    private string list = null!;
    private RegistryFile? registry;
    private SqliteContactLedger? ledger;

    [Params("none", "registry", "sqlite-ledger", "sqlite-ledger+registry")]
    public string Source { get; set; } = "none";

    private int Rows => 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        folder = new TempFolder();
        list = folder.File("list.csv");
        ScrubFixtures.WriteList(list, Rows);
        if (Source.Contains("registry", StringComparison.Ordinal))
        {
            var path = folder.File("bloctel.crreg");
            ScrubFixtures.WriteRegistry(path, Rows);
            registry = RegistryFile.Open(path);
        }

        if (Source.StartsWith("sqlite-ledger", StringComparison.Ordinal))
        {
            var path = folder.File("ledger.db");
            ScrubFixtures.WriteLedger(path, Rows);
            ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, new PhoneNumberHasher(new byte[32])));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        registry?.Dispose();
        ledger?.Dispose();
        folder.Dispose();
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

}
