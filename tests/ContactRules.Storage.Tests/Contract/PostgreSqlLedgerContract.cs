using System.Collections.Generic;
using ContactRules.PostgreSql;
using ContactRules.Storage.Tests.PostgreSql;
using NodaTime;
using Xunit;

namespace ContactRules.Storage.Tests.Contract;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlLedgerContract : LedgerContract
{
    private readonly PostgresServer server;
    private readonly List<PostgreSqlContactLedger> opened = new List<PostgreSqlContactLedger>();
    private PostgreSqlContactLedgerOptions? options;

    public PostgreSqlLedgerContract(PostgresServer server)
    {
        this.server = server;
    }

    protected override ContactLedger Open(Duration? reservationExpiry = null)
    {
        options = new PostgreSqlContactLedgerOptions(server.ConnectionString, TestData.Hasher)
        {
            Schema = server.NewSchema(),
            Clock = Clock,
            ReservationExpiry = reservationExpiry,
            MaxConnections = 8,
            // The contract is about what is recorded, not about time: a generous deadline keeps a
            // loaded shared machine from turning a slow answer into a refusal.
            OperationTimeout = Duration.FromSeconds(30),
        };
        return OpenAnotherNode();
    }

    protected override ContactLedger OpenAnotherNode()
    {
        var ledger = PostgreSqlContactLedger.Open(options!);
        opened.Add(ledger);
        return ledger;
    }

    public override void Dispose()
    {
        opened.ForEach(l => l.Dispose());
        base.Dispose();
    }
}
