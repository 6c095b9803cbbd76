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
/// The ledger for many dialer nodes, on PostgreSQL. A reservation is atomic across nodes: in one
/// transaction the node takes the person's advisory lock (never a table lock, so other people's
/// reservations go on in parallel), reads the person's attempts and facts, asks for the decision,
/// and writes the reservation, the consent uses and the evidence entry; two nodes can never both
/// take the last slot, and no reservation is ever committed without its evidence.
/// </summary>
/// <remarks>
/// <para>
/// Open one instance per node with <see cref="Open"/> and share it; it is thread-safe. The
/// node's reservations and completions, synchronous and asynchronous alike, are written by a
/// thread of the ledger's own, which puts those waiting at the same moment in one transaction
/// (group commit); the node's reads go the same way through a reading thread, and its consents,
/// revocations, opt-outs and registry entries through a facts thread. Callers only wait, each
/// until its <see cref="ContactLedgerOptions.OperationTimeout"/>: a server that is stopped, frozen
/// or unreachable, or a lock held by a stuck node, gives every caller its answer at that
/// deadline. Every session of the ledger asks the server to end a transaction left idle for the
/// operation timeout plus a second (<c>idle_in_transaction_session_timeout</c>), so that a node
/// frozen between its round trips holds the evidence log's lock, which every node needs, no
/// longer. The schema is created and migrated by <see cref="Open"/> (versioned, idempotent, safe
/// when nodes start together).
/// </para>
/// <para>
/// High availability: give a multi-host connection string that targets the primary
/// (<c>Host=db1:5432,db2:5432;Target Session Attributes=primary</c>) with PostgreSQL's
/// synchronous replication (pg_auto_failover sets it up): when the primary is lost, decisions
/// refuse with <c>CORE-STORE-01</c> until the standby is promoted, then resume on it without a
/// restart (docs/storage.md).
/// </para>
/// </remarks>
public sealed partial class PostgreSqlContactLedger : ContactLedger
{
    private const int Reserved = (int)AttemptOutcome.Reserved;
    private const int MaxBatch = 256;

    /// <summary>
    /// How much longer than <see cref="ContactLedgerOptions.OperationTimeout"/> the server lets
    /// one of this node's sessions sit idle inside a transaction, or wait for a lock, before it
    /// ends the transaction itself (<see cref="SessionBound"/>).
    /// </summary>
    /// <remarks>
    /// By then every caller of the transaction has had its answer (none waits longer than the
    /// operation timeout), so the transaction serves no one, while its locks (a person's, the
    /// evidence log's) stop every other node. The second covers timer granularity and a node
    /// briefly descheduled between its two round trips, which take milliseconds when healthy.
    /// </remarks>
    internal static readonly TimeSpan ServerMargin = TimeSpan.FromSeconds(1);

    /// <summary>The SQLSTATE of a session the server ended because it sat idle in a transaction (<c>idle_in_transaction_session_timeout</c>).</summary>
    private const string IdleInTransactionTimeout = "25P03";

    private readonly PostgreSqlContactLedgerOptions options;
    private readonly NpgsqlDataSource dataSource;
    private readonly string schema;
    private readonly string attemptIds;
    private readonly LedgerWriter<PostgreSqlWrite> writes;
    private readonly LedgerWriter<ReadWork> reads;
    private readonly LedgerWriter<FactWrite> facts;
    private readonly PostgreSqlEvidenceLog log;
    private readonly HeldConnection writer;
    private readonly HeldConnection reader;
    private readonly HeldConnection factsWriter;
    private int disposed;

    private PostgreSqlContactLedger(PostgreSqlContactLedgerOptions options, NpgsqlDataSource dataSource, string attemptIds)
        : base(options)
    {
        this.options = options;
        this.dataSource = dataSource;
        this.attemptIds = attemptIds;
        schema = options.Schema;
        log = new PostgreSqlEvidenceLog(this);
        writer = new HeldConnection(dataSource);
        reader = new HeldConnection(dataSource);
        factsWriter = new HeldConnection(dataSource);
        writes = new LedgerWriter<PostgreSqlWrite>(ToString(), MaxBatch, RunWrites, work => work is ReserveWrite { Contended: true });
        reads = new LedgerWriter<ReadWork>(ToString(), MaxBatch, RunReads);
        facts = new LedgerWriter<FactWrite>(ToString(), MaxBatch, RunFacts);
    }

    /// <inheritdoc />
    public override IEvidenceLog Log => log;

    /// <summary>The schema that holds the ledger.</summary>
    public string Schema => schema;

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
        // A statement that outlives its timeout (a frozen server) is abandoned at once, rather
        // than after a further wait for the server to acknowledge the cancellation.
        builder.ConnectionStringBuilder.CancellationTimeout = -1;
        builder.ConnectionStringBuilder.MaxPoolSize = options.MaxConnections;
        builder.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(builder.ConnectionStringBuilder.MaxAutoPrepare, 32);
        // The ledger leaves no session state behind (its locks and settings are transaction-scoped),
        // so a connection going back to the pool needs no reset round trip.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        // A node frozen inside a transaction (a hung machine, a stopped process, a stalled VM)
        // keeps its locks until its transaction ends, and the evidence log's lock stops every
        // node: the server ends such a transaction itself. Set at connection start (no round trip).
        builder.ConnectionStringBuilder.Options = SessionOptions(builder.ConnectionStringBuilder.Options, options.OperationTimeout);
        var dataSource = builder.Build();
        try
        {
            PostgreSqlSchema.Migrate(dataSource, options.Schema, options.Clock.GetCurrentInstant().ToUnixTimeTicks());
            using var connection = dataSource.OpenConnection();
            using var sequence = new NpgsqlCommand($"SELECT pg_get_serial_sequence('{options.Schema}.attempts', 'id')", connection);
            var attemptIds = (string)sequence.ExecuteScalar()!;
            return new PostgreSqlContactLedger(options, dataSource, attemptIds);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Closes the node's connections and threads. Data already written stays on the server.</summary>
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            var wait = options.OperationTimeout.ToTimeSpan() + TimeSpan.FromSeconds(5);
            writes.Stop(wait);
            reads.Stop(wait);
            facts.Stop(wait);
            writer.Drop();
            reader.Drop();
            factsWriter.Drop();
            dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL contact ledger (schema {schema})";

    internal override ContactSnapshot ReadCore(Contact contact)
    {
        var work = new ReadWork(new[] { contact }, options.OperationTimeout, CancellationToken.None);
        reads.Run(work);
        return work.Result![0];
    }

    internal override async Task<ContactSnapshot> ReadCoreAsync(Contact contact, CancellationToken cancellationToken)
    {
        var work = new ReadWork(new[] { contact }, options.OperationTimeout, cancellationToken);
        await reads.RunAsync(work).ConfigureAwait(false);
        return work.Result![0];
    }

    /// <remarks>
    /// One round trip of four indexed statements (<c>= ANY($1)</c> over the distinct ids and
    /// numbers) for the whole block, instead of two round trips per person.
    /// </remarks>
    internal override IReadOnlyList<ContactSnapshot> ReadManyCore(IReadOnlyList<Contact> contacts)
    {
        var work = new ReadWork(contacts, options.OperationTimeout, CancellationToken.None);
        reads.Run(work);
        return work.Result!;
    }

    internal override ReservationResult ReserveCore(PendingReservation reservation)
    {
        var write = new ReserveWrite(reservation, AdvisoryKeys.Person(schema, reservation.ContactId), options.OperationTimeout);
        writes.Run(write);
        return write.Result;
    }

    internal override async Task<ReservationResult> ReserveCoreAsync(PendingReservation reservation)
    {
        var write = new ReserveWrite(reservation, AdvisoryKeys.Person(schema, reservation.ContactId), options.OperationTimeout);
        await writes.RunAsync(write).ConfigureAwait(false);
        return write.Result;
    }

    internal override void CompleteCore(string contactId, long attemptId, AttemptOutcome outcome)
        => writes.Run(NewCompletion(contactId, attemptId, outcome, CancellationToken.None));

    internal override Task CompleteCoreAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken)
        => writes.RunAsync(NewCompletion(contactId, attemptId, outcome, cancellationToken));

    internal override long RecordCore(string contactId, ContactAttempt attempt)
        => Run(connection =>
        {
            // Under the person's lock, so that it is ordered with their reservations.
            using var transaction = connection.BeginTransaction();
            using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Statement($"SET LOCAL lock_timeout = {LockTimeout(options.OperationTimeout.ToTimeSpan())}"));
            batch.BatchCommands.Add(Statement("SELECT pg_advisory_xact_lock($1)", AdvisoryKeys.Person(schema, contactId)));
            batch.BatchCommands.Add(Statement(
                $"INSERT INTO {schema}.attempts (contact_id, at_ticks, outcome, channel, purpose, subject, caller, recorded_at_ticks) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                contactId,
                attempt.At.ToUnixTimeTicks(),
                (short)attempt.Outcome,
                (short)attempt.Channel,
                (short)attempt.Purpose,
                attempt.Subject,
                attempt.Caller,
                Clock.GetCurrentInstant().ToUnixTimeTicks()));
            long id = 0;
            using (var reader = batch.ExecuteReader())
            {
                do
                {
                    if (reader.FieldCount == 1 && reader.GetName(0) == "id" && reader.Read())
                    {
                        id = reader.GetInt64(0);
                    }
                }
                while (reader.NextResult());
            }

            transaction.Commit();
            return id;
        });

    /// <summary>Runs <paramref name="body"/> on a pooled connection, on the caller's thread; clears the pool when the server was lost.</summary>
    internal T Run<T>(Func<NpgsqlConnection, T> body)
    {
        ThrowIfDisposed();
        NpgsqlConnection? connection = null;
        try
        {
            connection = dataSource.OpenConnection();
            return body(connection);
        }
        catch (Exception failure) when (failure is not OperationCanceledException && IsConnectionLoss(failure, connection))
        {
            // Every idle connection of the pool went down with the server: drop them all, so
            // that the first operations after a restart or a failover do not each stumble on a dead one.
            dataSource.Clear();
            throw;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    internal static NpgsqlBatchCommand Statement(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>
    /// The longest the server lets one of this node's sessions sit idle in a transaction, and the
    /// longest any of its statements waits for a lock unless its transaction sets a shorter wait:
    /// the operation timeout plus <see cref="ServerMargin"/>.
    /// </summary>
    internal static TimeSpan SessionBound(Duration operationTimeout) => operationTimeout.ToTimeSpan() + ServerMargin;

    /// <summary>
    /// The connection's startup options: <paramref name="given"/> (from the connection string),
    /// then <c>idle_in_transaction_session_timeout</c> and <c>lock_timeout</c> at
    /// <see cref="SessionBound"/>, which win over any given before them.
    /// </summary>
    internal static string SessionOptions(string? given, Duration operationTimeout)
    {
        var bound = Math.Max(1, (long)Math.Ceiling(SessionBound(operationTimeout).TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ours = $"-c idle_in_transaction_session_timeout={bound} -c lock_timeout={bound}";
        return string.IsNullOrWhiteSpace(given) ? ours : given + " " + ours;
    }

    /// <summary>A <c>lock_timeout</c> value: the time left, in whole milliseconds, at least one.</summary>
    internal static string LockTimeout(TimeSpan left) => "'" + Math.Max(1, (long)Math.Ceiling(left.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms'";

    private static bool IsConnectionLoss(Exception failure, NpgsqlConnection? connection)
        => failure switch
        {
            PostgresException postgres => postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "25006" or IdleInTransactionTimeout,
            NpgsqlException npgsql => connection is null || connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || npgsql.InnerException is IOException or SocketException or TimeoutException,
            _ => false,
        };

    private CompleteWrite NewCompletion(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return new CompleteWrite(contactId, attemptId, outcome, Clock.GetCurrentInstant().ToUnixTimeTicks(), options.OperationTimeout, cancellationToken);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            throw new ObjectDisposedException(ToString());
        }
    }

    private static ContactAttempt ReadAttempt(NpgsqlDataReader reader, int first)
        => new ContactAttempt(
            Instant.FromUnixTimeTicks(reader.GetInt64(first)),
            (AttemptOutcome)reader.GetInt16(first + 1),
            (ContactChannel)reader.GetInt16(first + 2),
            (ContactPurpose)reader.GetInt16(first + 3))
        {
            Subject = reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4),
            Caller = reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5),
        };
}
