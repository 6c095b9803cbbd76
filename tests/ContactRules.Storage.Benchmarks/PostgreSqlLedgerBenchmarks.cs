using System.Threading;
using BenchmarkDotNet.Attributes;
using ContactRules.PostgreSql;
using ContactRules.Storage.Tests.PostgreSql;

namespace ContactRules.Storage.Benchmarks;

/// <summary>
/// Reserve + complete on the PostgreSQL ledger over loopback, against a throw-away server with
/// fsync and synchronous_commit on, from 1, 8 and 32 concurrent dialer threads of one node
/// (synchronous gate) or as many concurrent requests (asynchronous gate).
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlLedgerBenchmarks
{
    private const int PerInvoke = 640;

    private PostgresServer? server;
    private PostgreSqlContactLedger? ledger;
    private Workload? workload;

    [Params(1, 8, 32)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ThreadPool.SetMinThreads(64, 64);
        server = new PostgresServer(durable: true);
        ledger = PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(server.ConnectionString, Workload.Hasher) { Clock = Workload.Clock, MaxConnections = 40, Schema = "bench" });
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
        ledger!.Dispose();
        workload!.CheckPostgreSqlLedger(server!.ConnectionString);
        server.Dispose();
    }
}
