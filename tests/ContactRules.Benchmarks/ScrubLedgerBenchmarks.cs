using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Input;
using ContactRules.Cli.Scrub;
using ContactRules.Cli.Zones;
using ContactRules.Jurisdictions;
using ContactRules.Registries;
using ContactRules.Sqlite;
using ContactRules.Storage;

namespace ContactRules.Benchmarks;

/// <summary>
/// scrub with a SQLite ledger and a registry file (issue 15's target: 500,000 rows a second on
/// 1,000,000 rows), with the ledger's reads of a block overlapping the parsing of the next on a
/// second thread, and without (the same code, the read made on the scrub's thread), side by side
/// in one job. Files: <see cref="ScrubFixtures"/>.
/// </summary>
[MemoryDiagnoser]
public class ScrubLedgerBenchmarks
{
    private const int Rows = 1_000_000;

    private TempFolder folder = null!;
    private string list = null!;
    private RegistryFile registry = null!;
    private SqliteContactLedger ledger = null!;

    [Params(true, false)]
    public bool Overlap { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = new TempFolder();
        list = folder.File("list.csv");
        ScrubFixtures.WriteList(list, Rows);
        ScrubFixtures.WriteRegistry(folder.File("bloctel.crreg"), Rows);
        ScrubFixtures.WriteLedger(folder.File("ledger.db"), Rows);
        registry = RegistryFile.Open(folder.File("bloctel.crreg"));
        ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(folder.File("ledger.db"), new PhoneNumberHasher(new byte[32])));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        registry.Dispose();
        ledger.Dispose();
        folder.Dispose();
    }

    [Benchmark(Description = "scrub, ledger and registry")]
    public long Scrub()
    {
        using var input = new FileStream(list, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new CsvReader(input);
        CsvHeader.TryRead(reader, CallListScrubber.Columns, new[] { "number" }, out var header, out _);
        using var output = new CsvWriter(Stream.Null);
        var scrubber = new CallListScrubber(FranceRules.Pack, ScrubFixtures.At, NoPhoneNumberZones.Instance, ledger: ledger, registries: new[] { registry }) { OverlapLedgerReads = Overlap };
        var counts = scrubber.Run(reader, header!, output, new InputErrors("scrub", list, TextWriter.Null), (_, _) => { });
        output.Flush();
        return counts.Rows;
    }
}
