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
/// read, decision and writes happen with no other writer in between, in this process or another.
/// </summary>
/// <remarks>
/// <para>
/// Open it once per process with <see cref="Open"/> and share the instance; it is thread-safe.
/// Writes from this process are run by a thread of the ledger's own, which groups the writes
/// queued at the same moment into one transaction (each in its own savepoint, in arrival order);
/// reads use pooled connections and never wait for writers.
/// </para>
/// <para>
/// Failures are never hidden. <see cref="Open"/> refuses a file that is damaged, torn, empty, not
/// a ledger or from a newer version with an <see cref="InvalidDataException"/>, and a file this
/// process cannot write with an <see cref="UnauthorizedAccessException"/>; a refused file is left
/// exactly as it was. An operation that cannot get the file within
/// <see cref="ContactLedgerOptions.OperationTimeout"/> fails at that deadline. A
/// <see cref="ContactGate"/> turns every such failure into a <c>CORE-STORE-01</c> refusal.
/// </para>
/// </remarks>
public sealed partial class SqliteContactLedger : ContactLedger
{
    private const int Reserved = (int)AttemptOutcome.Reserved;
    private const int MaxIdleReaders = 16;
    private const int MaxBatch = 256;

    private readonly SqliteContactLedgerOptions options;
    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly SqliteCommand selectHistory;
    private readonly SqliteCommand insertAttempt;
    private readonly SqliteCommand completeAttempt;
    private readonly SqliteCommand insertUse;
    private readonly SqliteCommand begin;
    private readonly SqliteCommand commit;
    private readonly SqliteCommand rollback;
    private readonly SqliteCommand savepoint;
    private readonly SqliteCommand release;
    private readonly SqliteCommand rollbackToSavepoint;
    private readonly SqliteEvidenceLog log;
    private readonly LedgerWriter<SqliteWrite> writes;
    private readonly ConcurrentBag<SqliteReader> readers = new ConcurrentBag<SqliteReader>();
    private readonly int timeoutMilliseconds;
    private int writerBusyTimeout;
    private bool? writerFlushes;
    private int disposed;

    private SqliteContactLedger(SqliteContactLedgerOptions options, string fullPath, string connectionString, SqliteConnection writer)
        : base(options)
    {
        this.options = options;
        this.connectionString = connectionString;
        this.writer = writer;
        FullPath = fullPath;
        timeoutMilliseconds = TimeoutMilliseconds(options.OperationTimeout);
        writerBusyTimeout = timeoutMilliseconds;
        selectHistory = Prepare(SelectHistory, "$contact", "$cutoff");
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
        insertUse = Prepare(
            "INSERT INTO consent_uses (contact_id, consent_id, used_at_ticks, attempt_id) "
            + "SELECT $contact, $consent, $used, $attempt WHERE EXISTS (SELECT 1 FROM consents WHERE contact_id = $contact AND consent_id = $consent)",
            "$contact",
            "$consent",
            "$used",
            "$attempt");
        log = new SqliteEvidenceLog(this);
        // Transactions are begun and ended by prepared statements on the writer connection rather
        // than SqliteTransaction objects, which prepare their statements anew each time.
        begin = Prepare("BEGIN IMMEDIATE");
        commit = Prepare("COMMIT");
        rollback = Prepare("ROLLBACK");
        savepoint = Prepare("SAVEPOINT work");
        release = Prepare("RELEASE work");
        rollbackToSavepoint = Prepare("ROLLBACK TO work");
        writes = new LedgerWriter<SqliteWrite>(fullPath, MaxBatch, RunBatch);
    }

    /// <summary>The full path of the ledger file.</summary>
    public string FullPath { get; }

    /// <inheritdoc />
    public override IEvidenceLog Log => log;

    private static string SelectHistory
        => "SELECT at_ticks, outcome, channel, purpose, subject, caller FROM attempts "
            + "WHERE contact_id = $contact AND (outcome <> " + Reserved + " OR at_ticks >= $cutoff) ORDER BY at_ticks, id";

    /// <summary>
    /// Opens the ledger file, creating it with its schema when it does not exist, and applies
    /// any migration it lacks. A file that is refused is left exactly as it was: it is inspected
    /// (its header, then read-only through SQLite) before anything may write to it.
    /// </summary>
    /// <param name="options">The file and settings.</param>
    /// <returns>The open ledger; dispose it when the process no longer needs it.</returns>
    /// <exception cref="InvalidDataException">The file exists but is damaged, torn, empty, not a ledger, or from a newer version.</exception>
    /// <exception cref="UnauthorizedAccessException">The file, or the folder where SQLite keeps its <c>-wal</c> and <c>-shm</c> files, cannot be written by this process (permissions, a read-only file system).</exception>
    /// <exception cref="SqliteException">The file cannot be opened for another reason (locked by another process beyond the timeout).</exception>
    public static SqliteContactLedger Open(SqliteContactLedgerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var fullPath = System.IO.Path.GetFullPath(options.Path);
        if (!File.Exists(fullPath))
        {
            CreateFile(fullPath, options);
        }

        Inspect(fullPath, options);
        var connectionString = ConnectionString(fullPath, SqliteOpenMode.ReadWrite, options.OperationTimeout, pooling: true);
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Configure(writer, options.OperationTimeout);
            SqliteSchema.Migrate(writer, options.Clock.GetCurrentInstant().ToUnixTimeTicks(), fullPath);
            return new SqliteContactLedger(options, fullPath, connectionString, writer);
        }
        catch (SqliteException failure) when (IsDamage(failure))
        {
            Discard(writer);
            throw SqliteFile.Damaged(fullPath, failure.Message, failure);
        }
        catch (SqliteException failure) when (IsDenied(failure))
        {
            Discard(writer);
            throw Unwritable(fullPath, failure);
        }
        catch
        {
            Discard(writer);
            throw;
        }
    }

    /// <summary>Closes the ledger's connections and its writer thread. Data already written stays in the file.</summary>
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        writes.Stop(TimeSpan.FromMilliseconds(timeoutMilliseconds) + TimeSpan.FromSeconds(5));
        foreach (var command in new[] { selectHistory, insertAttempt, completeAttempt, insertUse, begin, commit, rollback, savepoint, release, rollbackToSavepoint })
        {
            command.Dispose();
        }

        writer.Dispose();
        while (readers.TryTake(out var reader))
        {
            reader.Close();
        }

        using var probe = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(probe);
    }

    /// <inheritdoc />
    public override string ToString() => $"SQLite contact ledger {FullPath}";

    internal override ContactSnapshot ReadCore(Contact contact)
    {
        using var lease = RentReader();
        var command = lease.Command(SelectHistory + ";" + SelectFacts);
        command.Parameters.AddWithValue("$contact", contact.Id);
        command.Parameters.AddWithValue("$cutoff", ReservationCutoffTicks());
        command.Parameters.AddWithValue("$phone", Nullable(contact.PhoneNumber));
        using var reader = command.ExecuteReader();
        return ReadSnapshot(contact, reader);
    }

    /// <remarks>SQLite reads are local and never wait for writers (WAL): the token is looked at before the read.</remarks>
    internal override Task<ContactSnapshot> ReadCoreAsync(Contact contact, CancellationToken cancellationToken) => Read(() => ReadCore(contact), cancellationToken);

    internal override ReservationResult ReserveCore(PendingReservation reservation)
        => Write<ReservationResult>(NewWrite(flush: false, reservation: true, () => ReserveIn(reservation), reservation.CancellationToken));

    internal override async Task<ReservationResult> ReserveCoreAsync(PendingReservation reservation)
        => await WriteAsync<ReservationResult>(NewWrite(flush: false, reservation: true, () => ReserveIn(reservation), reservation.CancellationToken)).ConfigureAwait(false);

    internal override void CompleteCore(string contactId, long attemptId, AttemptOutcome outcome)
        => Write<int>(NewWrite(flush: false, reservation: false, () => CompleteIn(contactId, attemptId, outcome), CancellationToken.None));

    internal override Task CompleteCoreAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken)
        => WriteAsync<int>(NewWrite(flush: false, reservation: false, () => CompleteIn(contactId, attemptId, outcome), cancellationToken));

    internal override long RecordCore(string contactId, ContactAttempt attempt)
        => Write<long>(NewWrite(flush: false, reservation: false, () => InsertAttempt(contactId, attempt), CancellationToken.None));

    /// <summary>Runs <paramref name="work"/> on the writer thread, in turn; returns once it is committed.</summary>
    internal T Write<T>(SqliteWrite work)
    {
        writes.Run(work);
        return (T)work.Result!;
    }

    /// <summary>As <see cref="Write{T}"/>, waiting without holding a thread.</summary>
    internal async Task<T> WriteAsync<T>(SqliteWrite work)
    {
        await writes.RunAsync(work).ConfigureAwait(false);
        return (T)work.Result!;
    }

    internal SqliteWrite NewWrite(bool flush, bool reservation, Func<object?> body, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            throw new ObjectDisposedException(ToString());
        }

        return new SqliteWrite(options.OperationTimeout, cancellationToken, flush, reservation, body);
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

    internal static object Ticks(Instant? instant) => instant is { } value ? value.ToUnixTimeTicks() : DBNull.Value;

    internal static object Nullable(string? text) => text is null ? DBNull.Value : text;

    internal static object Nullable(int? number) => number is { } value ? value : DBNull.Value;

    internal static Instant? ReadInstant(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    internal static string? ReadText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static int? ReadInt(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

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

    private static string ConnectionString(string fullPath, SqliteOpenMode mode, Duration timeout, bool pooling)
        => new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            Pooling = pooling,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        }.ToString();

    /// <summary>
    /// Everything that can refuse a file, done before anything may write to it: its bytes (empty,
    /// not SQLite, cut short), whether this process may write it, then, read-only through SQLite,
    /// whether it holds a ledger of a version this package knows, and SQLite's quick check.
    /// </summary>
    private static void Inspect(string fullPath, SqliteContactLedgerOptions options)
    {
        SqliteFile.Inspect(fullPath);
        try
        {
            // Opening for writing writes nothing; it fails when the file is read-only to this process.
            using (new FileStream(fullPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
            }
        }
        catch (UnauthorizedAccessException failure)
        {
            throw Unwritable(fullPath, failure);
        }

        var readOnly = new SqliteConnection(ConnectionString(fullPath, SqliteOpenMode.ReadOnly, options.OperationTimeout, pooling: false));
        try
        {
            readOnly.Open();
            using (var pragma = readOnly.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = " + TimeoutMilliseconds(options.OperationTimeout).ToString(CultureInfo.InvariantCulture);
                pragma.ExecuteNonQuery();
            }

            if (!SqliteSchema.IsLedger(readOnly))
            {
                throw SqliteFile.NoLedger(fullPath, "it has no ContactRules schema (another application's database, or an empty one)");
            }

            SqliteSchema.RefuseNewer(readOnly, fullPath);
            if (options.CheckIntegrityOnOpen)
            {
                CheckIntegrity(readOnly, fullPath);
            }
        }
        catch (SqliteException failure) when (IsDamage(failure))
        {
            throw SqliteFile.Damaged(fullPath, failure.Message, failure);
        }
        finally
        {
            Discard(readOnly);
        }
    }

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
        catch (SqliteException failure) when (IsDenied(failure))
        {
            throw Unwritable(fullPath, failure);
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
            throw SqliteFile.Damaged(fullPath, "SQLite quick_check: " + string.Join("; ", problems));
        }
    }

    private static bool IsDamage(SqliteException failure)
        => failure.SqliteErrorCode is 11 or 26; // SQLITE_CORRUPT, SQLITE_NOTADB

    private static bool IsDenied(SqliteException failure)
        => failure.SqliteErrorCode is 3 or 8 or 14 or 23; // SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_AUTH

    private static UnauthorizedAccessException Unwritable(string fullPath, Exception failure)
        => new UnauthorizedAccessException(
            $"The ledger file '{fullPath}' cannot be written by this process ({failure.Message}): a ledger records every decision, so it needs write access to the file and to its folder (SQLite keeps its -wal and -shm files there). The file was left as it was.",
            failure);

    private static int TimeoutMilliseconds(Duration timeout) => (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));

    private static ContactHistory ReadHistory(SqliteDataReader reader)
    {
        List<ContactAttempt>? attempts = null;
        while (reader.Read())
        {
            (attempts ??= new List<ContactAttempt>()).Add(ReadAttempt(reader, 0));
        }

        return attempts is null ? ContactHistory.Empty : ContactHistory.Create(attempts);
    }

    /// <summary>A snapshot from the result sets of <see cref="SelectHistory"/> then <see cref="SelectFacts"/>.</summary>
    private static ContactSnapshot ReadSnapshot(Contact contact, SqliteDataReader reader)
    {
        var history = ReadHistory(reader);
        reader.NextResult();
        return new ContactSnapshot(contact, history, ReadFacts(reader));
    }

    /// <summary>
    /// The batch: one immediate transaction, each work in a savepoint of its own (a work that
    /// fails undoes only itself), committed together. Its busy timeout is the shortest time left
    /// to the callers of the batch, so that no caller waits for another process beyond its deadline.
    /// </summary>
    private void RunBatch(List<SqliteWrite> batch)
    {
        var flushes = options.FlushEveryWrite;
        var reserving = false;
        var busy = int.MaxValue;
        foreach (var work in batch)
        {
            flushes |= work.Flush;
            reserving |= work.IsReservation;
            busy = Math.Min(busy, Math.Max(1, work.RemainingMilliseconds));
        }

        using (var pragma = writer.CreateCommand())
        {
            if (writerFlushes != flushes)
            {
                pragma.CommandText = flushes ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
                writerFlushes = flushes;
            }

            if (Math.Abs(busy - writerBusyTimeout) > 50)
            {
                pragma.CommandText = "PRAGMA busy_timeout = " + busy.ToString(CultureInfo.InvariantCulture);
                pragma.ExecuteNonQuery();
                writerBusyTimeout = busy;
            }
        }

        try
        {
            begin.ExecuteNonQuery();
            try
            {
                foreach (var work in batch)
                {
                    // The file is ours until the commit: from here the work can only be committed
                    // with the batch, or fail with it. A caller that gave up before is left out.
                    if (!work.TryCommit())
                    {
                        continue;
                    }

                    savepoint.ExecuteNonQuery();
                    try
                    {
                        work.Result = work.Body();
                        release.ExecuteNonQuery();
                    }
                    catch (Exception failure) when (failure is not SqliteException)
                    {
                        rollbackToSavepoint.ExecuteNonQuery();
                        release.ExecuteNonQuery();
                        work.Failure = failure;
                    }
                }

                if (reserving)
                {
                    Reached(ReservationStep.Committing);
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
            throw SqliteFile.Damaged(FullPath, failure.Message, failure);
        }
        catch (SqliteException failure) when (failure.SqliteErrorCode == 5)
        {
            // SQLITE_BUSY: another process held the file past every caller's deadline.
            throw new TimeoutException($"The ledger '{FullPath}' was locked by another process for longer than the operation timeout ({failure.Message}); nothing was recorded.", failure);
        }

        if (reserving)
        {
            Reached(ReservationStep.Committed);
        }
    }

    /// <summary>
    /// One reservation, inside the batch's transaction (the file's write lock is held, so no
    /// other writer in this process or another comes in between): read the person, decide, and
    /// write the attempt, the consent uses and the evidence entry.
    /// </summary>
    private ReservationResult ReserveIn(PendingReservation reservation)
    {
        Reached(ReservationStep.Locked);
        reservation.CancellationToken.ThrowIfCancellationRequested();
        ContactSnapshot snapshot;
        using (var read = WriterCommand(SelectHistory + ";" + SelectFacts))
        {
            read.Parameters.AddWithValue("$contact", reservation.ContactId);
            read.Parameters.AddWithValue("$cutoff", ReservationCutoffTicks());
            read.Parameters.AddWithValue("$phone", Nullable(reservation.Contact.PhoneNumber));
            using var reader = read.ExecuteReader();
            snapshot = ReadSnapshot(reservation.Contact, reader);
        }

        var verdict = reservation.Decide(snapshot);
        Reached(ReservationStep.Decided);
        long? id = null;
        if (verdict.IsAllowed)
        {
            id = InsertAttempt(reservation.ContactId, reservation.Attempt);
            Reached(ReservationStep.AttemptWritten);
            foreach (var consentId in verdict.ConsentUses)
            {
                InsertUse(reservation.ContactId, consentId, reservation.Attempt.At, id);
            }

            Reached(ReservationStep.UsesWritten);
        }

        log.AppendIn(EvidenceKinds.Decision, verdict.Evidence(id));
        Reached(ReservationStep.EvidenceWritten);
        return new ReservationResult(verdict, id);
    }

    private int CompleteIn(string contactId, long attemptId, AttemptOutcome outcome)
    {
        completeAttempt.Parameters["$outcome"].Value = (int)outcome;
        completeAttempt.Parameters["$now"].Value = Clock.GetCurrentInstant().ToUnixTimeTicks();
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
        throw NotOpen(contactId, attemptId, found is null ? null : (AttemptOutcome)Convert.ToInt32(found, CultureInfo.InvariantCulture));
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
        insertAttempt.Parameters["$now"].Value = Clock.GetCurrentInstant().ToUnixTimeTicks();
        return Convert.ToInt64(insertAttempt.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void InsertUse(string contactId, string consentId, Instant usedAt, long? attemptId)
    {
        insertUse.Parameters["$contact"].Value = contactId;
        insertUse.Parameters["$consent"].Value = consentId;
        insertUse.Parameters["$used"].Value = usedAt.ToUnixTimeTicks();
        insertUse.Parameters["$attempt"].Value = attemptId is { } id ? id : DBNull.Value;
        if (insertUse.ExecuteNonQuery() != 1)
        {
            throw UnknownConsent(contactId, consentId);
        }
    }

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
