using System;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using ContactRules.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactRules.Storage.Benchmarks;

/// <summary>Reserve + complete on the SQLite ledger, one process (WAL, synchronous=NORMAL, the default).</summary>
[MemoryDiagnoser]
public class SqliteLedgerBenchmarks
{
    private const int PerClient = 2000;

    private string folder = string.Empty;
    private SqliteContactLedger? ledger;
    private Workload? workload;

    [Params(1, 8)]
    public int Clients { get; set; }

    [Params(false, true)]
    public bool FullLedger { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ThreadPool.SetMinThreads(64, 64);
        folder = Path.Combine(Path.GetTempPath(), "contactrules-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(Path.Combine(folder, "ledger.db"), Workload.Hasher) { Clock = Workload.Clock });
        workload = new Workload(ledger, FullLedger);
    }

    [Benchmark(OperationsPerInvoke = PerClient)]
    public void ReserveAndComplete() => workload!.Run(Clients, PerClient / Clients);

    [GlobalCleanup]
    public void Cleanup()
    {
        var path = ledger!.FullPath;
        ledger.Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*), (SELECT count(*) FROM (SELECT contact_id FROM attempts GROUP BY contact_id HAVING count(*) > 4)) FROM attempts";
            using var reader = command.ExecuteReader();
            reader.Read();
            Console.WriteLine($"// ledger: {reader.GetInt64(0)} attempts, {reader.GetInt64(1)} people over the cap of 4, {workload!.Refused} refusals");
            if (reader.GetInt64(1) != 0 || workload.Refused != 0)
            {
                throw new InvalidOperationException("Cap violation or unexpected refusal during the benchmark.");
            }
        }

        Directory.Delete(folder, recursive: true);
    }
}
