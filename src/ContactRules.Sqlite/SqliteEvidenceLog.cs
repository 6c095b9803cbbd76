using System.Collections.Generic;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactRules.Sqlite;

/// <summary>
/// The evidence log in the ledger file: entries in <c>evidence_log</c>, the head in
/// <c>evidence_head</c>, both written by the ledger in the transaction that records the event, so
/// that an event and its log entry exist together or not at all.
/// </summary>
internal sealed class SqliteEvidenceLog : IEvidenceLog
{
    private const string SelectEntries = "SELECT seq, at_ticks, kind, payload, prev_hash, hash FROM evidence_log";

    private readonly SqliteContactLedger ledger;

    internal SqliteEvidenceLog(SqliteContactLedger ledger)
    {
        this.ledger = ledger;
    }

    public LogHead GetHead()
    {
        using var lease = ledger.RentReader();
        using var command = lease.Connection.CreateCommand();
        return ReadHead(command);
    }

    public IReadOnlyList<EvidenceLogEntry> Read(long fromSequence, int maxCount)
    {
        if (maxCount <= 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(maxCount), maxCount, "maxCount must be at least 1.");
        }

        using var lease = ledger.RentReader();
        using var command = lease.Connection.CreateCommand();
        command.CommandText = SelectEntries + " WHERE seq >= $from ORDER BY seq LIMIT $max";
        command.Parameters.AddWithValue("$from", fromSequence);
        command.Parameters.AddWithValue("$max", maxCount);
        var entries = new List<EvidenceLogEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    public LogVerification Verify()
    {
        // One read transaction: the head and the entries come from the same snapshot.
        using var lease = ledger.RentReader();
        using var transaction = lease.Connection.BeginTransaction(deferred: true);
        using var command = lease.Connection.CreateCommand();
        command.Transaction = transaction;
        var head = ReadHead(command);
        return EvidenceChain.Verify(ReadAll(lease.Connection, transaction), head);
    }

    internal EvidenceLogEntry AppendIn(string kind, string payload)
    {
        LogHead head;
        using (var read = ledger.WriterCommand(string.Empty))
        {
            head = ReadHead(read);
        }

        var entry = EvidenceChain.Next(head, ledger.Clock.GetCurrentInstant(), kind, payload);
        using var insert = ledger.WriterCommand(
            "INSERT INTO evidence_log (seq, at_ticks, kind, payload, prev_hash, hash) VALUES ($seq, $at, $kind, $payload, $prev, $hash);"
            + "UPDATE evidence_head SET seq = $seq, hash = $hash WHERE id = 1;");
        insert.Parameters.AddWithValue("$seq", entry.Sequence);
        insert.Parameters.AddWithValue("$at", entry.At.ToUnixTimeTicks());
        insert.Parameters.AddWithValue("$kind", entry.Kind);
        insert.Parameters.AddWithValue("$payload", entry.Payload);
        insert.Parameters.AddWithValue("$prev", entry.PreviousHash);
        insert.Parameters.AddWithValue("$hash", entry.Hash);
        insert.ExecuteNonQuery();
        return entry;
    }

    private static LogHead ReadHead(SqliteCommand command)
    {
        command.CommandText = "SELECT seq, hash FROM evidence_head WHERE id = 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new System.IO.InvalidDataException("The evidence log's head row is missing: the ledger file was altered outside ContactRules.");
        }

        return new LogHead(reader.GetInt64(0), reader.GetString(1));
    }

    private static IEnumerable<EvidenceLogEntry> ReadAll(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectEntries + " ORDER BY seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadEntry(reader);
        }
    }

    private static EvidenceLogEntry ReadEntry(SqliteDataReader reader)
        => new EvidenceLogEntry(reader.GetInt64(0), Instant.FromUnixTimeTicks(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
}
