using System;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using ContactRules.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactRules.Storage.Benchmarks;

/// <summary>
/// Reserve + complete on the SQLite ledger, one process (WAL, synchronous=NORMAL, the default):
/// from 1, 8 and 32 dialer threads on the synchronous gate, or as many concurrent requests on the
/// asynchronous gate.
/// </summary>
[MemoryDiagnoser]
public class SqliteLedgerBenchmarks
{
    private const int PerInvoke = 2048;

    private TempFolder? folder;
    private SqliteContactLedger? ledger;
    private Workload? workload;

    [Params(1, 8, 32)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ThreadPool.SetMinThreads(64, 64);
        folder = new TempFolder();
        ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(folder.File("ledger.db"), Workload.Hasher) { Clock = Workload.Clock });
        workload = new Workload(ledger);
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public void ReserveAndComplete() => workload!.Run(Clients, PerInvoke / Clients);

    /// <summary>The same number of concurrent requests on the asynchronous gate.</summary>
    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public void ReserveAndCompleteAsync() => workload!.RunAsync(Clients, PerInvoke / Clients);

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

        folder!.Dispose();
    }
}
