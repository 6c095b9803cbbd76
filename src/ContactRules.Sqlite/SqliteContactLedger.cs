using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactRules.Sqlite;

/// <summary>
/// The embedded ledger: attempts, reservations, consents with their proof, opt-outs, registry
/// entries and the evidence log in one SQLite file in WAL mode. Several processes on one machine
/// may open the same file: every write is an immediate transaction, so that a reservation's
/// check and record happen with no other writer in between, in this process or another.
/// </summary>
/// <remarks>
/// <para>
/// Open it once per process with <see cref="Open"/> and share the instance; it is thread-safe.
/// Writes from this process go through one connection in turn (a queue is faster than SQLite's
/// busy-waiting); reads use pooled connections and never wait for writers.
/// </para>
/// <para>
/// Failures are never hidden: a file that is damaged, torn or not a ledger is refused at
/// <see cref="Open"/> with an <see cref="InvalidDataException"/>; an operation that cannot get
/// the file within <see cref="ContactLedgerOptions.OperationTimeout"/> throws. A
/// <see cref="ContactGate"/> turns every such failure into a <c>CORE-STORE-01</c> refusal.
/// </para>
/// </remarks>
public sealed partial class SqliteContactLedger : IContactLedger, IContactBulkReader, IDisposable
{
    private const int Reserved = (int)AttemptOutcome.Reserved;
    private const int MaxIdleReaders = 16;
    private const int MaxBatch = 256;

    // One writer at a time per file in this process: the others wait here, in order, instead
    // of polling SQLite's lock.
    private static readonly ConcurrentDictionary<string, object> WriteGates = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

    private readonly SqliteContactLedgerOptions options;
    private readonly string connectionString;
    private readonly object writeGate;
    private readonly SqliteConnection writer;
    private readonly SqliteCommand selectHistory;
    private readonly SqliteCommand insertAttempt;
    private readonly SqliteCommand completeAttempt;
    private readonly SqliteEvidenceLog log;
    private readonly SqliteCommand begin;
    private readonly SqliteCommand commit;
    private readonly SqliteCommand rollback;
    private readonly SqliteCommand savepoint;
    private readonly SqliteCommand release;
    private readonly SqliteCommand rollbackToSavepoint;
    private readonly GroupCommitQueue<SqliteWrite> writes;
    private readonly ConcurrentBag<SqliteReader> readers = new ConcurrentBag<SqliteReader>();
    private readonly int timeoutMilliseconds;
    private bool? writerFlushes;
    private int disposed;

    private SqliteContactLedger(SqliteContactLedgerOptions options, string fullPath, string connectionString, SqliteConnection writer)
    {
        this.options = options;
        this.connectionString = connectionString;
        this.writer = writer;
        FullPath = fullPath;
        timeoutMilliseconds = TimeoutMilliseconds(options.OperationTimeout);
        writeGate = WriteGates.GetOrAdd(fullPath, _ => new object());
        selectHistory = Prepare(
            "SELECT at_ticks, outcome, channel, purpose, subject, caller FROM attempts "
            + "WHERE contact_id = $contact AND (outcome <> " + Reserved + " OR at_ticks >= $cutoff) ORDER BY at_ticks, id",
            "$contact",
            "$cutoff");
        insertAttempt = Prepare(
            "INSERT INTO attempts (contact_id, at_ticks, outcome, channel, purpose, subject, caller, recorded_at_ticks) "
            + "VALUES ($contact, $at, $outcome, $channel, $purpose, $subject, $caller, $now) RETURNING id",
            "$contact",
            "$at",
            "$outcome",
            "$channel",
            "$purpose",
            "$subject",
            "$caller",
            "$now");
        completeAttempt = Prepare(
            "UPDATE attempts SET outcome = $outcome, completed_at_ticks = $now "
            + "WHERE id = $id AND contact_id = $contact AND outcome = " + Reserved + " RETURNING id",
            "$outcome",
            "$now",
            "$id",
            "$contact");
        log = new SqliteEvidenceLog(this);
        // Transactions are begun and ended by prepared statements on the writer connection rather
        // than SqliteTransaction objects, which prepare their statements anew each time.
        begin = Prepare("BEGIN IMMEDIATE");
        commit = Prepare("COMMIT");
        rollback = Prepare("ROLLBACK");
        savepoint = Prepare("SAVEPOINT work");
        release = Prepare("RELEASE work");
        rollbackToSavepoint = Prepare("ROLLBACK TO work");
        writes = new GroupCommitQueue<SqliteWrite>(RunBatch, RunBatchAsync, MaxBatch, timeoutMilliseconds, fullPath);
    }

    /// <summary>The full path of the ledger file.</summary>
    public string FullPath { get; }

    /// <inheritdoc />
    public IEvidenceLog Log => log;

    /// <inheritdoc />
    public PhoneNumberHasher PhoneNumbers => options.PhoneNumbers;

    internal IClock Clock => options.Clock;

    /// <summary>
    /// Opens the ledger file, creating it with its schema when it does not exist, and applies
    /// any migration it lacks.
    /// </summary>
    /// <param name="options">The file and settings.</param>
    /// <returns>The open ledger; dispose it when the process no longer needs it.</returns>
    /// <exception cref="InvalidDataException">The file exists but is damaged, torn, empty, not a ledger, or from a newer version.</exception>
    /// <exception cref="SqliteException">The file cannot be opened (permissions, locked beyond the timeout).</exception>
    public static SqliteContactLedger Open(SqliteContactLedgerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var fullPath = System.IO.Path.GetFullPath(options.Path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.OperationTimeout.TotalSeconds)),
        }.ToString();

        if (!File.Exists(fullPath))
        {
            CreateFile(fullPath, options);
        }

        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Configure(writer, options.OperationTimeout);
            if (!SqliteSchema.IsLedger(writer))
            {
                throw new InvalidDataException(
                    $"The file '{fullPath}' holds no ContactRules ledger: it is empty, torn or belongs to something else. "
                    + "A ledger file is written whole when created and never empty after: restore it from a backup, or move it away to start an empty ledger.");
            }

            if (options.CheckIntegrityOnOpen)
            {
                CheckIntegrity(writer, fullPath);
            }

            SqliteSchema.Migrate(writer, options.Clock.GetCurrentInstant().ToUnixTimeTicks(), fullPath);
            return new SqliteContactLedger(options, fullPath, connectionString, writer);
        }
        catch (SqliteException failure) when (IsDamage(failure))
        {
            Discard(writer);
            throw Damaged(fullPath, failure);
        }
        catch
        {
            Discard(writer);
            throw;
        }
    }

    /// <inheritdoc />
    public ContactHistory GetHistory(string contactId)
    {
        LedgerPreconditions.ContactId(contactId);
        using var reader = RentReader();
        var command = reader.Command(selectHistory.CommandText);
        command.Parameters.AddWithValue("$contact", contactId);
        command.Parameters.AddWithValue("$cutoff", Cutoff());
        return ReadHistory(command);
    }

    /// <inheritdoc />
    public ReservationResult Reserve(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide)
    {
        LedgerPreconditions.Reservation(contactId, reservation, decide);
        return Write(flush: false, () => ReserveIn(contactId, reservation, decide), isolated: false);
    }

    /// <inheritdoc />
    public void Complete(string contactId, long attemptId, AttemptOutcome outcome)
    {
        LedgerPreconditions.Completion(contactId, outcome);
        Write(flush: false, () => CompleteIn(contactId, attemptId, outcome), isolated: false);
    }

    /// <inheritdoc />
    public long Record(string contactId, ContactAttempt attempt)
    {
        LedgerPreconditions.ContactId(contactId);
        return Write(flush: false, () => InsertAttempt(contactId, attempt), isolated: false);
    }

    /// <inheritdoc />
    /// <remarks>SQLite reads are local and never wait for writers (WAL): the token is looked at before the read.</remarks>
    public Task<ContactHistory> GetHistoryAsync(string contactId, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.ContactId(contactId);
        return Read(() => GetHistory(contactId), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The reservation waits in line for the file without holding a thread; cancelled while in
    /// line, it is dropped and nothing is written. Once its group of writes has started it runs
    /// to the commit and returns.
    /// </remarks>
    public Task<ReservationResult> ReserveAsync(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.Reservation(contactId, reservation, decide);
        return WriteAsync(flush: false, () => ReserveIn(contactId, reservation, decide), isolated: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken = default)
    {
        LedgerPreconditions.Completion(contactId, outcome);
        return WriteAsync(flush: false, () => CompleteIn(contactId, attemptId, outcome), isolated: false, cancellationToken);
    }

    /// <summary>Closes the ledger's connections. Data already written stays in the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        lock (writeGate)
        {
            selectHistory.Dispose();
            insertAttempt.Dispose();
            completeAttempt.Dispose();
            foreach (var command in new[] { begin, commit, rollback, savepoint, release, rollbackToSavepoint })
            {
                command.Dispose();
            }

            writer.Dispose();
        }

        while (readers.TryTake(out var reader))
        {
            reader.Close();
        }

        using var probe = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(probe);
    }

    /// <inheritdoc />
    public override string ToString() => $"SQLite contact ledger {FullPath}";

    /// <summary>
    /// Runs <paramref name="body"/> in an immediate transaction on the writer connection, in turn
    /// with every other writer (grouped with the writes queued at the same moment, see
    /// <see cref="GroupCommitQueue{TWork}"/>); returns once it is committed.
    /// </summary>
    internal T Write<T>(bool flush, Func<T> body, bool isolated = true)
    {
        var work = NewWrite(flush, body, isolated);
        writes.Run(work);
        return (T)work.Result!;
    }

    /// <summary>As <see cref="Write{T}"/>, waiting in line without holding a thread; cancelled while in line, nothing is written.</summary>
    internal async Task<T> WriteAsync<T>(bool flush, Func<T> body, bool isolated, CancellationToken cancellationToken)
    {
        var work = NewWrite(flush, body, isolated);
        await writes.RunAsync(work, cancellationToken).ConfigureAwait(false);
        return (T)work.Result!;
    }

    /// <summary>A read as a task: SQLite reads are local and never wait for writers, so the token is looked at before it.</summary>
    internal static Task<T> Read<T>(Func<T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(read());
        }
        catch (Exception failure)
        {
            return Task.FromException<T>(failure);
        }
    }

    /// <summary>Lends a connection for reading; readers never wait for writers in WAL mode.</summary>
    internal SqliteReader RentReader()
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            throw new ObjectDisposedException(ToString());
        }

        if (readers.TryTake(out var idle))
        {
            return idle;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = " + timeoutMilliseconds.ToString(CultureInfo.InvariantCulture);
            pragma.ExecuteNonQuery();
            return new SqliteReader(connection, this);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal void Return(SqliteReader reader)
    {
        if (Volatile.Read(ref disposed) == 0 && readers.Count < MaxIdleReaders)
        {
            readers.Add(reader);
            if (Volatile.Read(ref disposed) == 0 || !readers.TryTake(out var late))
            {
                return;
            }

            reader = late;
        }

        reader.Close();
    }

    /// <summary>A command on the writer connection, for a write body (it runs inside the batch's transaction).</summary>
    internal SqliteCommand WriterCommand(string sql)
    {
        var command = writer.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private SqliteWrite NewWrite<T>(bool flush, Func<T> body, bool isolated)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            throw new ObjectDisposedException(ToString());
        }

        return new SqliteWrite(flush, isolated, () => body());
    }

    private Task RunBatchAsync(List<SqliteWrite> batch)
    {
        // SQLite does its work on the calling thread: an asynchronous leader runs the batch as a
        // synchronous one would.
        RunBatch(batch);
        return Task.CompletedTask;
    }

    private void RunBatch(List<SqliteWrite> batch)
    {
        if (!Monitor.TryEnter(writeGate, timeoutMilliseconds))
        {
            throw new TimeoutException($"The ledger '{FullPath}' was busy with other writes for longer than {options.OperationTimeout}.");
        }

        try
        {
            var flushes = options.FlushEveryWrite;
            foreach (var work in batch)
            {
                flushes |= work.Flush;
            }

            if (writerFlushes != flushes)
            {
                using var pragma = writer.CreateCommand();
                pragma.CommandText = flushes ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
                writerFlushes = flushes;
            }

            begin.ExecuteNonQuery();
            try
            {
                if (batch.Count == 1)
                {
                    batch[0].Result = batch[0].Body();
                }
                else
                {
                    RunEach(batch);
                }

                commit.ExecuteNonQuery();
            }
            catch
            {
                if (SQLitePCL.raw.sqlite3_get_autocommit(writer.Handle) == 0)
                {
                    rollback.ExecuteNonQuery();
                }

                throw;
            }
        }
        catch (SqliteException failure) when (IsDamage(failure))
        {
            throw Damaged(FullPath, failure);
        }
        finally
        {
            Monitor.Exit(writeGate);
        }
    }

    private void RunEach(List<SqliteWrite> batch)
    {
        foreach (var work in batch)
        {
            if (!work.Isolated)
            {
                try
                {
                    work.Result = work.Body();
                }
                catch (Exception failure) when (failure is not SqliteException)
                {
                    work.Failure = failure;
                }

                continue;
            }

            // A failing piece of work undoes only itself.
            savepoint.ExecuteNonQuery();
            try
            {
                work.Result = work.Body();
                release.ExecuteNonQuery();
            }
            catch (Exception failure) when (failure is not SqliteException { SqliteErrorCode: 11 or 26 })
            {
                rollbackToSavepoint.ExecuteNonQuery();
                release.ExecuteNonQuery();
                work.Failure = failure;
            }
        }
    }

    internal static object Ticks(Instant? instant) => instant is { } value ? value.ToUnixTimeTicks() : DBNull.Value;

    internal static object Nullable(string? text) => text is null ? DBNull.Value : text;

    internal static object Nullable(int? number) => number is { } value ? value : DBNull.Value;

    internal static Instant? ReadInstant(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    internal static string? ReadText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static int? ReadInt(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    private static ContactHistory ReadHistory(SqliteCommand command)
    {
        List<ContactAttempt>? attempts = null;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                (attempts ??= new List<ContactAttempt>()).Add(ReadAttempt(reader, 0));
            }
        }

        return attempts is null ? ContactHistory.Empty : ContactHistory.Create(attempts);
    }

    /// <summary>An attempt from the columns <c>at_ticks, outcome, channel, purpose, subject, caller</c>, from <paramref name="first"/> on.</summary>
    internal static ContactAttempt ReadAttempt(SqliteDataReader reader, int first)
        => new ContactAttempt(
            Instant.FromUnixTimeTicks(reader.GetInt64(first)),
            (AttemptOutcome)reader.GetInt32(first + 1),
            (ContactChannel)reader.GetInt32(first + 2),
            (ContactPurpose)reader.GetInt32(first + 3))
        {
            Subject = ReadText(reader, first + 4),
            Caller = ReadText(reader, first + 5),
        };

    /// <summary>
    /// Closes a connection to a file that was refused, and empties its pool: a restored file is a
    /// new file, and a pooled handle would still read the refused one.
    /// </summary>
    private static void Discard(SqliteConnection connection)
    {
        SqliteConnection.ClearPool(connection);
        connection.Dispose();
    }

    private static void Configure(SqliteConnection connection, Duration timeout)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + TimeoutMilliseconds(timeout).ToString(CultureInfo.InvariantCulture) + "; PRAGMA journal_mode";
        var mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            command.ExecuteNonQuery();
        }
    }

    private static void CreateFile(string fullPath, SqliteContactLedgerOptions options)
    {
        // Built aside and moved into place whole, so that a file at the ledger's path always holds
        // a ledger: an empty or schema-less file there is damage, never "a new ledger".
        var building = fullPath + ".creating-" + Guid.NewGuid().ToString("N");
        var builder = new SqliteConnectionStringBuilder { DataSource = building, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        try
        {
            using (var connection = new SqliteConnection(builder))
            {
                connection.Open();
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = "PRAGMA journal_mode = WAL";
                    command.ExecuteNonQuery();
                }

                SqliteSchema.Migrate(connection, options.Clock.GetCurrentInstant().ToUnixTimeTicks(), fullPath);
            }

            try
            {
                File.Move(building, fullPath);
            }
            catch (IOException) when (File.Exists(fullPath))
            {
                // Another process created the ledger first: use theirs.
            }
        }
        finally
        {
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
            {
                if (File.Exists(leftover))
                {
                    File.Delete(leftover);
                }
            }
        }
    }

    private static void CheckIntegrity(SqliteConnection connection, string fullPath)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(5)";
        var problems = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                problems.Add(reader.GetString(0));
            }
        }

        if (problems.Count != 1 || problems[0] != "ok")
        {
            throw new InvalidDataException(
                $"The ledger file '{fullPath}' is damaged (SQLite quick_check: {string.Join("; ", problems)}). Restore it from a backup; nothing was read from it.");
        }
    }

    private static bool IsDamage(SqliteException failure)
        => failure.SqliteErrorCode is 11 or 26; // SQLITE_CORRUPT, SQLITE_NOTADB

    private static InvalidDataException Damaged(string fullPath, SqliteException failure)
        => new InvalidDataException($"The ledger file '{fullPath}' is damaged or is not a ledger ({failure.Message}). Restore it from a backup; nothing was read from it.", failure);

    private static int TimeoutMilliseconds(Duration timeout) => (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));

    private ReservationResult ReserveIn(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide)
    {
        selectHistory.Parameters["$contact"].Value = contactId;
        selectHistory.Parameters["$cutoff"].Value = Cutoff();
        var decision = decide(ReadHistory(selectHistory));
        return decision.IsAllowed ? new ReservationResult(decision, InsertAttempt(contactId, reservation)) : new ReservationResult(decision, null);
    }

    private int CompleteIn(string contactId, long attemptId, AttemptOutcome outcome)
    {
        completeAttempt.Parameters["$outcome"].Value = (int)outcome;
        completeAttempt.Parameters["$now"].Value = options.Clock.GetCurrentInstant().ToUnixTimeTicks();
        completeAttempt.Parameters["$id"].Value = attemptId;
        completeAttempt.Parameters["$contact"].Value = contactId;
        if (completeAttempt.ExecuteScalar() is not null)
        {
            return 0;
        }

        using var find = WriterCommand("SELECT outcome FROM attempts WHERE id = $id AND contact_id = $contact");
        find.Parameters.AddWithValue("$id", attemptId);
        find.Parameters.AddWithValue("$contact", contactId);
        var found = find.ExecuteScalar();
        throw found is null
            ? new InvalidOperationException($"No attempt {attemptId} is recorded for contact {contactId}.")
            : new InvalidOperationException($"Attempt {attemptId} of contact {contactId} was already completed as {(AttemptOutcome)Convert.ToInt32(found, CultureInfo.InvariantCulture)}.");
    }

    private long InsertAttempt(string contactId, ContactAttempt attempt)
    {
        insertAttempt.Parameters["$contact"].Value = contactId;
        insertAttempt.Parameters["$at"].Value = attempt.At.ToUnixTimeTicks();
        insertAttempt.Parameters["$outcome"].Value = (int)attempt.Outcome;
        insertAttempt.Parameters["$channel"].Value = (int)attempt.Channel;
        insertAttempt.Parameters["$purpose"].Value = (int)attempt.Purpose;
        insertAttempt.Parameters["$subject"].Value = Nullable(attempt.Subject);
        insertAttempt.Parameters["$caller"].Value = Nullable(attempt.Caller);
        insertAttempt.Parameters["$now"].Value = options.Clock.GetCurrentInstant().ToUnixTimeTicks();
        return Convert.ToInt64(insertAttempt.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private long Cutoff() => options.ReservationCutoff() is { } cutoff ? cutoff.ToUnixTimeTicks() : long.MinValue;

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = writer.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
