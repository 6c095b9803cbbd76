using System.Collections.Generic;
using ContactRules.Storage;
using NodaTime;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <summary>
/// The evidence log on the server: entries in <c>evidence_log</c>, the head in
/// <c>evidence_head</c>. Every write that appends (a node's batch of reservations, a consent, a
/// revocation, an opt-out) takes the log's advisory lock in its own transaction, so that the
/// entries of every node form one chain, each written with the event it records.
/// </summary>
internal sealed class PostgreSqlEvidenceLog : IEvidenceLog
{
    private readonly PostgreSqlContactLedger ledger;
    private readonly string schema;

    internal PostgreSqlEvidenceLog(PostgreSqlContactLedger ledger)
    {
        this.ledger = ledger;
        schema = ledger.Schema;
    }

    public LogHead GetHead() => ledger.Run(connection => ReadHead(connection, null));

    public IReadOnlyList<EvidenceLogEntry> Read(long fromSequence, int maxCount)
    {
        if (maxCount <= 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(maxCount), maxCount, "maxCount must be at least 1.");
        }

        return ledger.Run(connection =>
        {
            using var command = new NpgsqlCommand($"SELECT seq, at_ticks, kind, payload, prev_hash, hash FROM {schema}.evidence_log WHERE seq >= $1 ORDER BY seq LIMIT $2", connection);
            command.Parameters.AddWithValue(fromSequence);
            command.Parameters.AddWithValue(maxCount);
            var entries = new List<EvidenceLogEntry>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(ReadEntry(reader));
            }

            return entries;
        });
    }

    public LogVerification Verify()
        => ledger.Run(connection =>
        {
            // One repeatable-read snapshot: the head and the entries agree.
            using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var head = ReadHead(connection, transaction);
            using var command = new NpgsqlCommand($"SELECT seq, at_ticks, kind, payload, prev_hash, hash FROM {schema}.evidence_log ORDER BY seq", connection, transaction);
            command.CommandTimeout = 0;
            using var reader = command.ExecuteReader();
            return EvidenceChain.Verify(Entries(reader), head);
        });

    /// <summary>Appends one entry in the caller's transaction, which holds the log's lock.</summary>
    internal void AppendIn(NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, string payload)
    {
        var head = ReadHead(connection, transaction);
        var entry = EvidenceChain.Next(head, ledger.Clock.GetCurrentInstant(), kind, payload);
        using var write = new NpgsqlBatch(connection, transaction);
        write.BatchCommands.Add(InsertEntries(new[] { entry }));
        write.BatchCommands.Add(PostgreSqlContactLedger.Statement($"UPDATE {schema}.evidence_head SET seq = $1, hash = $2 WHERE id = 1", entry.Sequence, entry.Hash));
        write.ExecuteNonQuery();
    }

    /// <summary>One statement inserting <paramref name="entries"/>, already chained to the head.</summary>
    internal NpgsqlBatchCommand InsertEntries(IReadOnlyList<EvidenceLogEntry> entries)
    {
        var sequences = new long[entries.Count];
        var at = new long[entries.Count];
        var kinds = new string[entries.Count];
        var payloads = new string[entries.Count];
        var previous = new string[entries.Count];
        var hashes = new string[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            sequences[i] = entries[i].Sequence;
            at[i] = entries[i].At.ToUnixTimeTicks();
            kinds[i] = entries[i].Kind;
            payloads[i] = entries[i].Payload;
            previous[i] = entries[i].PreviousHash;
            hashes[i] = entries[i].Hash;
        }

        return PostgreSqlContactLedger.Statement(
            $"INSERT INTO {schema}.evidence_log (seq, at_ticks, kind, payload, prev_hash, hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])",
            sequences,
            at,
            kinds,
            payloads,
            previous,
            hashes);
    }

    private static IEnumerable<EvidenceLogEntry> Entries(NpgsqlDataReader reader)
    {
        while (reader.Read())
        {
            yield return ReadEntry(reader);
        }
    }

    private static EvidenceLogEntry ReadEntry(NpgsqlDataReader reader)
        => new EvidenceLogEntry(reader.GetInt64(0), Instant.FromUnixTimeTicks(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));

    private LogHead ReadHead(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand($"SELECT seq, hash FROM {schema}.evidence_head WHERE id = 1", connection, transaction);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new System.IO.InvalidDataException($"The evidence log's head row is missing from schema {schema}: the ledger was altered outside ContactRules.");
        }

        return new LogHead(reader.GetInt64(0), reader.GetString(1));
    }
}
