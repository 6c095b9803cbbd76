using ContactRules.PostgreSql;
using ContactRules.Storage.Tests.PostgreSql;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Storage.Tests.Evidence;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlLogTamperTests : LogTamperContract
{
    private readonly PostgresServer server;
    private readonly string schema;
    private PostgreSqlContactLedger? ledger;

    public PostgreSqlLogTamperTests(PostgresServer server)
    {
        this.server = server;
        schema = server.NewSchema();
    }

    protected override string DropGuards => $"DROP TRIGGER evidence_log_no_change ON {schema}.evidence_log";

    protected override ContactLedger Open(FakeClock clock)
        => ledger = PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(server.ConnectionString, TestData.Hasher) { Schema = schema, Clock = clock, MaxConnections = 4 });

    protected override void Tamper(string sql) => server.Execute(sql.Replace("{s}", schema + ".", System.StringComparison.Ordinal));

    public override void Dispose()
    {
        ledger?.Dispose();
        base.Dispose();
    }
}
