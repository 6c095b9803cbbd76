using System.Collections.Generic;
using ContactRules.Sqlite;
using NodaTime;

namespace ContactRules.Storage.Tests.Contract;

public sealed class SqliteLedgerContract : LedgerContract
{
    private readonly TempFolder folder = new TempFolder();
    private readonly List<SqliteContactLedger> opened = new List<SqliteContactLedger>();
    private SqliteContactLedgerOptions? options;

    protected override ContactLedger Open(Duration? reservationExpiry = null)
    {
        // The contract is about what is recorded, not about time (see the PostgreSQL contract).
        options = new SqliteContactLedgerOptions(folder.File("ledger.db"), TestData.Hasher) { Clock = Clock, ReservationExpiry = reservationExpiry, OperationTimeout = Duration.FromSeconds(30) };
        return OpenAnotherNode();
    }

    protected override ContactLedger OpenAnotherNode()
    {
        var ledger = SqliteContactLedger.Open(options!);
        opened.Add(ledger);
        return ledger;
    }

    public override void Dispose()
    {
        opened.ForEach(l => l.Dispose());
        folder.Dispose();
        base.Dispose();
    }
}
