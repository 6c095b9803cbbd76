using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
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
    private readonly GroupCommitQueue<Pending> appends;

    internal PostgreSqlEvidenceLog(PostgreSqlContactLedger ledger, int timeoutMilliseconds)
    {
        this.ledger = ledger;
        schema = ledger.Schema;
        appends = new GroupCommitQueue<Pending>(
            batch => WriteBatch(batch, async: false).GetAwaiter().GetResult(),
            batch => WriteBatch(batch, async: true),
            MaxBatch,
            timeoutMilliseconds,
            ledger.ToString());
    }

    public EvidenceLogEntry Append(string kind, string payload)
    {
        // Group commit: every node's appends are serialised by the log's lock, so the appends
        // waiting in this process go in one transaction, in arrival order, and each caller
        // returns once its entry is committed.
        var pending = NewPending(kind, payload);
        appends.Run(pending);
        return pending.Entry!;
    }

    public async Task<EvidenceLogEntry> AppendAsync(string kind, string payload, CancellationToken cancellationToken = default)
    {
        var pending = NewPending(kind, payload);
        await appends.RunAsync(pending, cancellationToken).ConfigureAwait(false);
        return pending.Entry!;
    }

    public LogHead GetHead() => ledger.Run(connection => ReadHead(connection, null, async: false).GetAwaiter().GetResult());

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
            var head = ReadHead(connection, transaction, async: false).GetAwaiter().GetResult();
            using var command = new NpgsqlCommand($"SELECT seq, at_ticks, kind, payload, prev_hash, hash FROM {schema}.evidence_log ORDER BY seq", connection, transaction);
            command.CommandTimeout = 0;
            using var reader = command.ExecuteReader();
            return EvidenceChain.Verify(Entries(reader), head);
        });

    internal EvidenceLogEntry AppendIn(NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, string payload)
        => AppendAll(connection, transaction, new[] { (kind, payload) }, async: false).GetAwaiter().GetResult()[0];

    /// <summary>Takes the log's lock, reads the head once, and writes the entries after it with the new head in one round trip.</summary>
    private async Task<List<EvidenceLogEntry>> AppendAll(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(string Kind, string Payload)> events, bool async)
    {
        using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            take.Parameters.AddWithValue(AdvisoryKeys.Log(schema));
            _ = async ? await take.ExecuteNonQueryAsync().ConfigureAwait(false) : take.ExecuteNonQuery();
        }

        var head = await ReadHead(connection, transaction, async).ConfigureAwait(false);
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
        _ = async ? await write.ExecuteNonQueryAsync().ConfigureAwait(false) : write.ExecuteNonQuery();
        return entries;
    }

    private static Pending NewPending(string kind, string payload)
    {
        LedgerPreconditions.Text(kind, nameof(kind));
        return new Pending(kind, payload ?? throw new System.ArgumentNullException(nameof(payload)));
    }

    /// <summary>Writes a batch of appends in one transaction; every entry is committed when it returns.</summary>
    private Task<int> WriteBatch(List<Pending> batch, bool async)
        => ledger.Run(
            async connection =>
            {
                using var transaction = async ? await connection.BeginTransactionAsync().ConfigureAwait(false) : connection.BeginTransaction();
                var entries = await AppendAll(connection, transaction, batch.ConvertAll(p => (p.Kind, p.Payload)), async).ConfigureAwait(false);
                if (async)
                {
                    await transaction.CommitAsync().ConfigureAwait(false);
                }
                else
                {
                    transaction.Commit();
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Entry = entries[i];
                }

                return batch.Count;
            },
            async,
            CancellationToken.None);

    private static IEnumerable<EvidenceLogEntry> Entries(NpgsqlDataReader reader)
    {
        while (reader.Read())
        {
            yield return ReadEntry(reader);
        }
    }

    private static EvidenceLogEntry ReadEntry(NpgsqlDataReader reader)
        => new EvidenceLogEntry(reader.GetInt64(0), Instant.FromUnixTimeTicks(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));

    private async Task<LogHead> ReadHead(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool async)
    {
        using var command = new NpgsqlCommand($"SELECT seq, hash FROM {schema}.evidence_head WHERE id = 1", connection, transaction);
        using var reader = async ? await command.ExecuteReaderAsync().ConfigureAwait(false) : command.ExecuteReader();
        if (!(async ? await reader.ReadAsync().ConfigureAwait(false) : reader.Read()))
        {
            throw new System.IO.InvalidDataException($"The evidence log's head row is missing from schema {schema}: the ledger was altered outside ContactRules.");
        }

        return new LogHead(reader.GetInt64(0), reader.GetString(1));
    }

    private sealed class Pending : GroupCommitWork
    {
        public Pending(string kind, string payload)
        {
            Kind = kind;
            Payload = payload;
        }

        public string Kind { get; }

        public string Payload { get; }

        public EvidenceLogEntry? Entry { get; set; }
    }
}
