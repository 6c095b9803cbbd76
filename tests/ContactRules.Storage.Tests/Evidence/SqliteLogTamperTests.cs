using ContactRules.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime.Testing;

namespace ContactRules.Storage.Tests.Evidence;

public sealed class SqliteLogTamperTests : LogTamperContract
{
    private readonly TempFolder folder = new TempFolder();
    private SqliteContactLedger? ledger;

    protected override string DropGuards => "DROP TRIGGER evidence_log_no_update; DROP TRIGGER evidence_log_no_delete;";

    protected override ContactLedger Open(FakeClock clock)
        => ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(folder.File("ledger.db"), TestData.Hasher) { Clock = clock });

    protected override void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={folder.File("ledger.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{s}", string.Empty, System.StringComparison.Ordinal);
        command.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        ledger?.Dispose();
        folder.Dispose();
        base.Dispose();
    }
}
