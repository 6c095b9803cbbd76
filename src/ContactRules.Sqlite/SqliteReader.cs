using System;
using System.Collections.Generic;
using System.Text;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;

namespace ContactRules.Sqlite;

/// <summary>
/// A reading connection lent by the ledger, with its commands kept prepared between uses and
/// the bulk read's buffers kept from block to block; disposing it gives it back.
/// </summary>
internal sealed class SqliteReader : IDisposable
{
    private readonly SqliteContactLedger ledger;
    private readonly Dictionary<string, SqliteCommand> commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
    private BulkPeople? bulk;

    internal SqliteReader(SqliteConnection connection, SqliteContactLedger ledger)
    {
        Connection = connection;
        this.ledger = ledger;
    }

    internal SqliteConnection Connection { get; }

    /// <summary>The text of a bulk read's JSON arrays, reused.</summary>
    internal StringBuilder Json { get; } = new StringBuilder();

    /// <summary>The people of a bulk read, in buffers reused from block to block.</summary>
    internal BulkPeople People(IReadOnlyList<Contact> contacts)
    {
        if (bulk is null)
        {
            bulk = new BulkPeople(contacts);
        }
        else
        {
            bulk.Reset(contacts);
        }

        return bulk;
    }

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
