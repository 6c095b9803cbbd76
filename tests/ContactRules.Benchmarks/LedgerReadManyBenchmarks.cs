using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using ContactRules.Sqlite;
using ContactRules.Storage;

namespace ContactRules.Benchmarks;

/// <summary>
/// The storage layer's bulk read alone, as scrub uses it: the 1,000,000 people of the scrub's
/// list read from the SQLite ledger of <see cref="ScrubFixtures"/> (every tenth person called
/// twice, nothing else stored) in blocks of 1,024 through <see cref="ContactLedger.ReadMany"/>.
/// </summary>
[MemoryDiagnoser]
public class LedgerReadManyBenchmarks
{
    private const int Rows = 1_000_000;
    private const int Block = 1024;

    private readonly List<Contact[]> blocks = new();
    private TempFolder folder = null!;
    private SqliteContactLedger ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        folder = new TempFolder();
        ScrubFixtures.WriteLedger(folder.File("ledger.db"), Rows);
        ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(folder.File("ledger.db"), new PhoneNumberHasher(new byte[32])));
        for (var start = 0; start < Rows; start += Block)
        {
            var block = new Contact[Math.Min(Block, Rows - start)];
            for (var i = 0; i < block.Length; i++)
            {
                block[i] = new Contact("cust-" + (start + i).ToString(CultureInfo.InvariantCulture)) { PhoneNumber = ScrubFixtures.Number(start + i) };
            }

            blocks.Add(block);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ledger.Dispose();
        folder.Dispose();
    }

    /// <summary>Reads every block; returns the attempts read (200,000), so that nothing is optimised away.</summary>
    [Benchmark(Description = "ReadMany, 1,000,000 people in blocks of 1,024")]
    public long ReadMany()
    {
        long attempts = 0;
        foreach (var block in blocks)
        {
            foreach (var snapshot in ledger.ReadMany(block))
            {
                attempts += snapshot.History.Count;
            }
        }

        return attempts;
    }
}
