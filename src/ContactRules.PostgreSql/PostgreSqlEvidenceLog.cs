using System.Collections.Generic;
using ContactRules.Storage;
using NodaTime;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <summary>
/// The evidence log on the server: entries in <c>evidence_log</c>, the head in
/// <c>evidence_head</c>. Appends from every node take the log's advisory lock, so that they form
/// one chain; a consent event and its entry are written in one transaction.
/// </summary>
internal sealed class PostgreSqlEvidenceLog : IEvidenceLog
{
    private const int MaxBatch = 500;

    private readonly PostgreSqlContactLedger ledger;
    private readonly string schema;
    private readonly List<Pending> queue = new List<Pending>();
    private bool draining;

    internal PostgreSqlEvidenceLog(PostgreSqlContactLedger ledger)
    {
        this.ledger = ledger;
        schema = ledger.Schema;
    }

    public EvidenceLogEntry Append(string kind, string payload)
    {
        LedgerPreconditions.Text(kind, nameof(kind));
        if (payload is null)
        {
            throw new System.ArgumentNullException(nameof(payload));
        }

        // Group commit: every node's appends are serialised by the log's lock, so the appends
        // waiting in this process go in one transaction, in arrival order, and each caller
        // returns once its entry is committed.
        var pending = new Pending(kind, payload);
        bool lead;
        lock (queue)
        {
            queue.Add(pending);
            lead = !draining;
            draining = true;
        }

        while (true)
        {
            if (lead)
            {
                Drain(pending);
                break;
            }

            lock (queue)
            {
                while (!pending.Done && draining)
                {
                    System.Threading.Monitor.Wait(queue);
                }

                if (pending.Done)
                {
                    break;
                }

                // The last leader handed over with our entry still queued: lead.
                draining = true;
                lead = true;
            }
        }

        if (pending.Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return pending.Entry!;
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

    internal EvidenceLogEntry AppendIn(NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, string payload)
        => AppendAll(connection, transaction, new[] { (kind, payload) })[0];

    /// <summary>Takes the log's lock, reads the head once, and writes the entries after it with the new head in one round trip.</summary>
    private List<EvidenceLogEntry> AppendAll(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(string Kind, string Payload)> events)
    {
        using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            take.Parameters.AddWithValue(AdvisoryKeys.Log(schema));
            take.ExecuteNonQuery();
        }

        var head = ReadHead(connection, transaction);
        var at = ledger.Clock.GetCurrentInstant();
        var entries = new List<EvidenceLogEntry>(events.Count);
        using var write = new NpgsqlBatch(connection, transaction);
        foreach (var (kind, payload) in events)
        {
            var entry = EvidenceChain.Next(head, at, kind, payload);
            head = new LogHead(entry.Sequence, entry.Hash);
            entries.Add(entry);
            write.BatchCommands.Add(PostgreSqlContactLedger.Statement(
                $"INSERT INTO {schema}.evidence_log (seq, at_ticks, kind, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6)",
                entry.Sequence,
                entry.At.ToUnixTimeTicks(),
                entry.Kind,
                entry.Payload,
                entry.PreviousHash,
                entry.Hash));
        }

        write.BatchCommands.Add(PostgreSqlContactLedger.Statement($"UPDATE {schema}.evidence_head SET seq = $1, hash = $2 WHERE id = 1", head.Sequence, head.Hash));
        write.ExecuteNonQuery();
        return entries;
    }

    /// <summary>
    /// Writes batches until <paramref name="own"/> is written, then hands the lead to a waiting
    /// caller, so that no caller keeps writing others' entries while its own has returned.
    /// </summary>
    private void Drain(Pending own)
    {
        while (true)
        {
            List<Pending> batch;
            lock (queue)
            {
                if (own.Done || queue.Count == 0)
                {
                    draining = false;
                    System.Threading.Monitor.PulseAll(queue);
                    return;
                }

                batch = queue.GetRange(0, System.Math.Min(MaxBatch, queue.Count));
                queue.RemoveRange(0, batch.Count);
            }

            try
            {
                ledger.Run(connection =>
                {
                    using var transaction = connection.BeginTransaction();
                    var entries = AppendAll(connection, transaction, batch.ConvertAll(p => (p.Kind, p.Payload)));
                    transaction.Commit();
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Entry = entries[i];
                    }

                    return batch.Count;
                });
            }
            catch (System.Exception failure)
            {
                foreach (var pending in batch)
                {
                    pending.Failure = failure;
                }
            }

            lock (queue)
            {
                foreach (var pending in batch)
                {
                    pending.Done = true;
                }

                System.Threading.Monitor.PulseAll(queue);
            }
        }
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

    private sealed class Pending
    {
        public Pending(string kind, string payload)
        {
            Kind = kind;
            Payload = payload;
        }

        public string Kind { get; }

        public string Payload { get; }

        public EvidenceLogEntry? Entry { get; set; }

        public System.Exception? Failure { get; set; }

        public bool Done { get; set; }
    }
}
