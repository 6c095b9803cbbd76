using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using NodaTime;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <summary>
/// The ledger for many dialer nodes, on PostgreSQL. <see cref="Reserve"/> is atomic across nodes:
/// in one transaction it takes an advisory lock on the person (never a table lock, so other
/// people's reservations go on in parallel), reads the person's attempts, asks for the decision
/// and records the reservation; two nodes can never both take the last slot.
/// The asynchronous reservations and completions waiting in one node share one transaction
/// (group commit, with the same guarantees for each).
/// </summary>
/// <remarks>
/// <para>
/// Open one instance per node with <see cref="Open"/> and share it; it is thread-safe and holds
/// a connection pool of <see cref="PostgreSqlContactLedgerOptions.MaxConnections"/>. The schema
/// is created and migrated by <see cref="Open"/> (versioned, idempotent, safe when nodes start
/// together).
/// </para>
/// <para>
/// Failures are never hidden: an unreachable server, a command that outlives
/// <see cref="ContactLedgerOptions.OperationTimeout"/> or a lock wait that does, all throw; a
/// <see cref="ContactGate"/> turns them into <c>CORE-STORE-01</c> refusals. When the connection
/// to the server is lost, the pool is cleared so that work resumes as soon as the server is back.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlContactLedger : IContactLedger, IContactBulkReader, IDisposable
{
    private const int Reserved = (int)AttemptOutcome.Reserved;

    private readonly PostgreSqlContactLedgerOptions options;
    private readonly NpgsqlDataSource dataSource;
    private readonly string schema;
    private readonly string selectHistory;
    private readonly string insertAttempt;
    private readonly string selectHistories;
    private readonly string completeAttempt;
    private readonly string completeAttempts;
    private readonly string insertAttempts;
    private readonly GroupCommitQueue<PostgreSqlWrite> writes;
    private readonly GroupCommitQueue<FactsRead> factReads;
    private readonly PostgreSqlEvidenceLog log;
    private int disposed;

    private PostgreSqlContactLedger(PostgreSqlContactLedgerOptions options, NpgsqlDataSource dataSource)
    {
        this.options = options;
        this.dataSource = dataSource;
        schema = options.Schema;
        selectHistory = $"SELECT at_ticks, outcome, channel, purpose, subject, caller FROM {schema}.attempts "
            + $"WHERE contact_id = $1 AND (outcome <> {Reserved} OR at_ticks >= $2) ORDER BY at_ticks, id";
        insertAttempt = $"INSERT INTO {schema}.attempts (contact_id, at_ticks, outcome, channel, purpose, subject, caller, recorded_at_ticks) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
        selectHistories = $"SELECT contact_id, at_ticks, outcome, channel, purpose, subject, caller FROM {schema}.attempts "
            + $"WHERE contact_id = ANY($1) AND (outcome <> {Reserved} OR at_ticks >= $2) ORDER BY contact_id, at_ticks, id";
        completeAttempt = $"UPDATE {schema}.attempts SET outcome = $1, completed_at_ticks = $2 WHERE id = $3 AND contact_id = $4 AND outcome = {Reserved} RETURNING id AS completed";
        // a.id = ANY($1) keeps the attempts on their primary key in every plan: joined to the
        // array alone, a cached generic plan can choose to scan the whole table.
        completeAttempts = $"UPDATE {schema}.attempts AS a SET outcome = u.outcome, completed_at_ticks = u.at_ticks "
            + "FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::bigint[]) AS u(id, contact_id, outcome, at_ticks) "
            + $"WHERE a.id = ANY($1) AND a.id = u.id AND a.contact_id = u.contact_id AND a.outcome = {Reserved} RETURNING a.id AS completed";
        // Inserted in the order of the arrays (ORDER BY ord), so the identity values, taken row by
        // row, rise in that order: sorted, the returned ids are the reservations' in order.
        insertAttempts = $"INSERT INTO {schema}.attempts (contact_id, at_ticks, outcome, channel, purpose, subject, caller, recorded_at_ticks) "
            + "SELECT contact_id, at_ticks, outcome, channel, purpose, subject, caller, $8 "
            + "FROM unnest($1::text[], $2::bigint[], $3::smallint[], $4::smallint[], $5::smallint[], $6::text[], $7::text[]) "
            + "WITH ORDINALITY AS r(contact_id, at_ticks, outcome, channel, purpose, subject, caller, ord) ORDER BY ord RETURNING id AS reserved";
        var timeoutMilliseconds = (int)Math.Min(int.MaxValue, Math.Ceiling(options.OperationTimeout.TotalMilliseconds));
        // Only asynchronous writes wait in this line (a synchronous one runs alone: RunAlone); the
        // queue's synchronous runner is there for completeness.
        writes = new GroupCommitQueue<PostgreSqlWrite>(
            batch => RunWrites(batch, async: false).GetAwaiter().GetResult(),
            batch => RunWrites(batch, async: true),
            MaxBatch,
            timeoutMilliseconds,
            ToString());
        factReads = new GroupCommitQueue<FactsRead>(
            batch => ReadFactsBatch(batch, async: false).GetAwaiter().GetResult(),
            batch => ReadFactsBatch(batch, async: true),
            MaxBatch,
            timeoutMilliseconds,
            ToString());
        log = new PostgreSqlEvidenceLog(this, timeoutMilliseconds);
    }

    /// <inheritdoc />
    public IEvidenceLog Log => log;

    /// <inheritdoc />
    public PhoneNumberHasher PhoneNumbers => options.PhoneNumbers;

    /// <summary>The schema that holds the ledger.</summary>
    public string Schema => schema;

    internal IClock Clock => options.Clock;

    /// <summary>Connects to the server, creates the ledger's schema when missing and applies any migration it lacks.</summary>
    /// <param name="options">The server, schema and settings.</param>
    /// <returns>The open ledger; dispose it when the node shuts down.</returns>
    /// <exception cref="InvalidDataException">The schema was migrated by a newer version of this package.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refused the migration.</exception>
    public static PostgreSqlContactLedger Open(PostgreSqlContactLedgerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var seconds = Math.Max(1, (int)Math.Ceiling(options.OperationTimeout.TotalSeconds));
        builder.ConnectionStringBuilder.CommandTimeout = seconds;
        builder.ConnectionStringBuilder.Timeout = seconds;
        builder.ConnectionStringBuilder.MaxPoolSize = options.MaxConnections;
        builder.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(builder.ConnectionStringBuilder.MaxAutoPrepare, 32);
        // The ledger leaves no session state behind (its locks and settings are transaction-scoped),
        // so a connection going back to the pool needs no reset round trip.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        var dataSource = builder.Build();
        try
        {
            PostgreSqlSchema.Migrate(dataSource, options.Schema, options.Clock.GetCurrentInstant().ToUnixTimeTicks());
            return new PostgreSqlContactLedger(options, dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ContactHistory GetHistory(string contactId)
    {
        LedgerPreconditions.ContactId(contactId);
        return Run(connection => ReadHistory(connection, contactId, async: false, CancellationToken.None), async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public Task<ContactHistory> GetHistoryAsync(string contactId, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.ContactId(contactId);
        return Run(connection => ReadHistory(connection, contactId, async: true, cancellationToken), async: true, cancellationToken);
    }

    /// <inheritdoc />
    public ReservationResult Reserve(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide)
    {
        LedgerPreconditions.Reservation(contactId, reservation, decide);
        var write = new ReserveWrite(contactId, AdvisoryKeys.Person(schema, contactId), reservation, decide, CancellationToken.None);
        RunAlone(write);
        return write.Contended
            ? Run(connection => ReserveOn(connection, contactId, reservation, decide, async: false, CancellationToken.None), async: false, CancellationToken.None).GetAwaiter().GetResult()
            : write.Result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The token is honoured while the reservation waits in the node's line, up to the moment it
    /// is decided, and while it waits for the person's lock when another node holds it (the
    /// server is asked to cancel the wait); nothing is written for a cancelled reservation. The
    /// round trip that inserts and commits it is bounded by the command timeout only, so that a
    /// committed reservation is never reported as cancelled.
    /// </remarks>
    public async Task<ReservationResult> ReserveAsync(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.Reservation(contactId, reservation, decide);
        var write = new ReserveWrite(contactId, AdvisoryKeys.Person(schema, contactId), reservation, decide, cancellationToken);
        ThrowIfDisposed();
        await writes.RunAsync(write, cancellationToken).ConfigureAwait(false);
        return write.Contended
            ? await Run(connection => ReserveOn(connection, contactId, reservation, decide, async: true, cancellationToken), async: true, cancellationToken).ConfigureAwait(false)
            : write.Result;
    }

    /// <inheritdoc />
    public void Complete(string contactId, long attemptId, AttemptOutcome outcome)
    {
        LedgerPreconditions.Completion(contactId, outcome);
        RunAlone(NewCompletion(contactId, attemptId, outcome));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The token is honoured while the completion waits in the node's line; the batch that
    /// carries it is bounded by the command timeout only, and a recorded outcome is never
    /// reported as cancelled.
    /// </remarks>
    public Task CompleteAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.Completion(contactId, outcome);
        ThrowIfDisposed();
        return writes.RunAsync(NewCompletion(contactId, attemptId, outcome), cancellationToken);
    }

    /// <inheritdoc />
    public long Record(string contactId, ContactAttempt attempt)
    {
        LedgerPreconditions.ContactId(contactId);
        return WriteUnderPersonLock(contactId, InsertStatement(contactId, attempt), async: false, CancellationToken.None).GetAwaiter().GetResult()!.Value;
    }

    /// <summary>Closes the node's connections. Data already written stays on the server.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL contact ledger (schema {schema})";

    /// <summary>Runs <paramref name="body"/> on a pooled connection; clears the pool when the server was lost.</summary>
    internal T Run<T>(Func<NpgsqlConnection, T> body)
        => Run(connection => Task.FromResult(body(connection)), async: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="body"/> on a pooled connection, synchronously (the task is then
    /// complete when returned) or asynchronously; clears the pool when the server was lost.
    /// </summary>
    internal async Task<T> Run<T>(Func<NpgsqlConnection, Task<T>> body, bool async, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        NpgsqlConnection? connection = null;
        try
        {
            connection = async ? await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false) : dataSource.OpenConnection();
            return await body(connection).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException && IsConnectionLoss(failure, connection))
        {
            // Every idle connection of the pool went down with the server: drop them all, so
            // that the first operations after a restart do not each stumble on a dead one.
            dataSource.Clear();
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                if (async)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    connection.Dispose();
                }
            }
        }
    }

    private async Task<ContactHistory> ReadHistory(NpgsqlConnection connection, string contactId, bool async, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(selectHistory, connection);
        command.Parameters.AddWithValue(contactId);
        command.Parameters.AddWithValue(Cutoff());
        using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
        return await ReadHistory(reader, async, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReservationResult> ReserveOn(NpgsqlConnection connection, string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, bool async, CancellationToken cancellationToken)
    {
        try
        {
            // Waits for the person's lock (the batch found it held by another node).
            // One round trip: begin, lock the person, read their attempts. The read is a
            // statement of its own, so its snapshot is taken after the lock is granted and
            // sees every reservation committed by whoever held the lock before.
            ContactHistory history;
            using (var begin = new NpgsqlBatch(connection))
            {
                begin.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                begin.BatchCommands.Add(LockPerson(contactId));
                begin.BatchCommands.Add(Statement(selectHistory, contactId, Cutoff()));
                using var reader = async ? await begin.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : begin.ExecuteReader();
                while (reader.FieldCount == 0 || reader.GetName(0) != "at_ticks")
                {
                    _ = async ? await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) : reader.NextResult();
                }

                history = await ReadHistory(reader, async, cancellationToken).ConfigureAwait(false);
            }

            var decision = decide(history);
            using var finish = new NpgsqlBatch(connection);
            if (!decision.IsAllowed)
            {
                finish.BatchCommands.Add(new NpgsqlBatchCommand("ROLLBACK"));
                _ = async ? await finish.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) : finish.ExecuteNonQuery();
                return new ReservationResult(decision, null);
            }

            // Last moment to cancel: after this, the insert and its commit are on their way, and
            // a committed reservation must come back with its id.
            cancellationToken.ThrowIfCancellationRequested();
            finish.BatchCommands.Add(InsertStatement(contactId, reservation));
            finish.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            return new ReservationResult(decision, await ReturnedId(finish, async).ConfigureAwait(false));
        }
        catch
        {
            await RollBack(connection, async).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs one synchronous write as a batch of its own, on the caller's thread: a blocked
    /// thread then waits for its own round trips only, never for a batch that other threads
    /// (perhaps starved of thread-pool threads) are running.
    /// </summary>
    private void RunAlone(PostgreSqlWrite write)
    {
        RunWrites(new List<PostgreSqlWrite>(1) { write }, async: false).GetAwaiter().GetResult();
        write.ThrowIfFailed();
    }

    private CompleteWrite NewCompletion(string contactId, long attemptId, AttemptOutcome outcome)
        => new CompleteWrite(contactId, attemptId, outcome, Clock.GetCurrentInstant().ToUnixTimeTicks());

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            throw new ObjectDisposedException(ToString());
        }
    }

    /// <summary>
    /// Runs one write in a transaction that holds the person's advisory lock, so that it is
    /// ordered with their reservations: begin, lock, write and commit in one round trip. The
    /// token is honoured until the round trip is sent, not during it.
    /// </summary>
    /// <returns>The id the write returned, or null when it touched no row.</returns>
    private Task<long?> WriteUnderPersonLock(string contactId, NpgsqlBatchCommand write, bool async, CancellationToken cancellationToken)
        => Run(
            async connection =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    using var batch = new NpgsqlBatch(connection);
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                    batch.BatchCommands.Add(LockPerson(contactId));
                    batch.BatchCommands.Add(write);
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                    return await ReturnedId(batch, async).ConfigureAwait(false);
                }
                catch
                {
                    await RollBack(connection, async).ConfigureAwait(false);
                    throw;
                }
            },
            async,
            cancellationToken);

    /// <summary>Runs a batch and returns the value of its <c>RETURNING id</c>, or null when it returned no row.</summary>
    private static async Task<long?> ReturnedId(NpgsqlBatch batch, bool async)
    {
        long? id = null;
        using var reader = async ? await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false) : batch.ExecuteReader();
        do
        {
            if (reader.FieldCount == 1 && reader.GetName(0) == "id" && (async ? await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) : reader.Read()))
            {
                id = reader.GetInt64(0);
            }
        }
        while (async ? await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false) : reader.NextResult());
        return id;
    }

    private NpgsqlBatchCommand LockPerson(string contactId) => Statement("SELECT pg_advisory_xact_lock($1)", AdvisoryKeys.Person(schema, contactId));

    internal static NpgsqlBatchCommand Statement(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    internal static async Task RollBack(NpgsqlConnection connection, bool async)
    {
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            _ = async ? await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) : rollback.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The connection is unusable; the server rolls the transaction back when it closes.
        }
    }

    private static bool IsConnectionLoss(Exception failure, NpgsqlConnection? connection)
        => failure switch
        {
            PostgresException postgres => postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
            NpgsqlException npgsql => connection is null || connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || npgsql.InnerException is IOException or SocketException,
            _ => false,
        };

    private static async Task<ContactHistory> ReadHistory(NpgsqlDataReader reader, bool async, CancellationToken cancellationToken)
    {
        List<ContactAttempt>? attempts = null;
        while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
        {
            (attempts ??= new List<ContactAttempt>()).Add(ReadAttempt(reader, 0));
        }

        return attempts is null ? ContactHistory.Empty : ContactHistory.Create(attempts);
    }

    private NpgsqlBatchCommand InsertStatement(string contactId, ContactAttempt attempt)
        => Statement(
            insertAttempt,
            contactId,
            attempt.At.ToUnixTimeTicks(),
            (short)attempt.Outcome,
            (short)attempt.Channel,
            (short)attempt.Purpose,
            attempt.Subject,
            attempt.Caller,
            Clock.GetCurrentInstant().ToUnixTimeTicks());

    private long Cutoff() => options.ReservationCutoff() is { } cutoff ? cutoff.ToUnixTimeTicks() : long.MinValue;
}
