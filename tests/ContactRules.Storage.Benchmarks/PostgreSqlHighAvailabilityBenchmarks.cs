using System.Threading;
using BenchmarkDotNet.Attributes;
using ContactRules.PostgreSql;
using ContactRules.Storage.Tests.PostgreSql;

namespace ContactRules.Storage.Benchmarks;

/// <summary>
/// Reserve + complete on the PostgreSQL ledger of a highly available cluster on this machine
/// (pg_auto_failover: a primary with a synchronous standby, every commit acknowledged once the
/// standby has it), through the multi-host connection string, from 32 dialer threads or 32
/// concurrent asynchronous requests: the figure to set beside the single server's.
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlHighAvailabilityBenchmarks
{
    private const int PerInvoke = 640;

    private PostgresHighAvailability? cluster;
    private PostgreSqlContactLedger? ledger;
    private Workload? workload;

    [Params(32)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ThreadPool.SetMinThreads(64, 64);
        cluster = new PostgresHighAvailability();
        ledger = PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(cluster.ConnectionString, Workload.Hasher) { Clock = Workload.Clock, MaxConnections = 40, Schema = "bench" });
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
        workload!.CheckPostgreSqlLedger(cluster!.ConnectionString);
        cluster.Dispose();
    }
}
