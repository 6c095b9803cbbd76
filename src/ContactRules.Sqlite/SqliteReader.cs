using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace ContactRules.Sqlite;

/// <summary>
/// A reading connection lent by the ledger, with its commands kept prepared between uses;
/// disposing it gives it back.
/// </summary>
internal sealed class SqliteReader : IDisposable
{
    private readonly SqliteContactLedger ledger;
    private readonly Dictionary<string, SqliteCommand> commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);

    internal SqliteReader(SqliteConnection connection, SqliteContactLedger ledger)
    {
        Connection = connection;
        this.ledger = ledger;
    }

    internal SqliteConnection Connection { get; }

    /// <summary>The connection's prepared command for <paramref name="sql"/>, with no parameter set.</summary>
    internal SqliteCommand Command(string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = null;
        return command;
    }

    public void Dispose() => ledger.Return(this);

    internal void Close()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
