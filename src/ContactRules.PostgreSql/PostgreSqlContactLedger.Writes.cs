using System;
using System.Collections.Generic;
using System.Threading;
using ContactRules.Storage;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <summary>
/// Group commit of the node's reservations and completions, on the ledger's writer thread: the
/// writes waiting in this node go to the server together, in one transaction of two round trips.
/// </summary>
/// <remarks>
/// <para>
/// Round trip 1: <c>BEGIN</c>; <c>lock_timeout</c> set to the longest time left to a caller of
/// the batch; the completions (one <c>UPDATE … FROM unnest(…)</c>); a try of the advisory lock of
/// every person the batch reserves for; the evidence log's lock (<c>pg_advisory_xact_lock</c>:
/// one chain, in one order, for every node); the log's head; one pre-drawn attempt id per
/// reservation; and the attempts and stored facts of the batch's people, in statements of their
/// own whose snapshots are taken once the locks are held. The reservations are then decided in
/// arrival order, each seeing those allowed before it in the batch. Round trip 2: the attempts,
/// the consent uses and the evidence entries (one <c>INSERT … SELECT FROM unnest(…)</c> each),
/// the new head, <c>COMMIT</c>. A batch of completions alone is one statement.
/// </para>
/// <para>
/// The batch never waits for a person: one whose lock another node holds goes back in line for
/// the next batch, until its caller's deadline, so that a stuck person delays no one else and two
/// nodes' batches cannot deadlock (the log lock is the only lock a batch waits for, and it is
/// taken after the person locks, which are only tried). A caller that gives up before round trip
/// 2 is sent is left out of it: nothing of it is written.
/// </para>
/// <para>
/// What one writer does wrong stays with that writer: a decision callback that throws, a
/// cancelled reservation, a completion of an attempt that is not open, each fail alone. A batch
/// whose transaction fails fails for every writer in it, and writes nothing; a batch whose
/// connection is lost after its commit was sent tells its writers that they may have been
/// recorded.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlContactLedger
{
    private void RunWrites(List<PostgreSqlWrite> batch)
    {
        var completions = new List<CompleteWrite>();
        var reservations = new List<ReserveWrite>();
        foreach (var write in batch)
        {
            switch (write)
            {
                case CompleteWrite completion:
                    // Its update runs in the first round trip: from there it goes with the batch.
                    if (completion.TryCommit())
                    {
                        completions.Add(completion);
                    }

                    break;
                case ReserveWrite reservation:
                    reservation.Contended = false;
                    reservations.Add(reservation);
                    break;
            }
        }

        if (completions.Count == 0 && reservations.Count == 0)
        {
            return;
        }

        NpgsqlConnection? connection = null;
        try
        {
            connection = writer.Open();
            if (reservations.Count == 0)
            {
                using var alone = new NpgsqlBatch(connection);
                alone.BatchCommands.Add(CompleteStatement(completions));
                using (var reader = alone.ExecuteReader())
                {
                    var completed = new HashSet<long>();
                    while (reader.Read())
                    {
                        completed.Add(reader.GetInt64(0));
                    }

                    MarkCompleted(completions, completed);
                }
            }
            else
            {
                WriteBatch(connection, completions, reservations);
            }

            ExplainMissedCompletions(connection, completions);
        }
        catch (Exception failure) when (IsConnectionLoss(failure, connection))
        {
            writer.Drop();
            dataSource.Clear();
            throw;
        }
    }

    private void WriteBatch(NpgsqlConnection connection, List<CompleteWrite> completions, List<ReserveWrite> reservations)
    {
        var keys = new List<long>();
        var contacts = new List<Contact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var longest = TimeSpan.Zero;
        foreach (var reservation in reservations)
        {
            if (seen.Add(reservation.ContactId))
            {
                keys.Add(reservation.LockKey);
            }

            contacts.Add(reservation.Reservation.Contact);
            longest = reservation.Remaining > longest ? reservation.Remaining : longest;
        }

        var people = new BulkPeople(contacts);
        var completed = new HashSet<long>();
        var locked = new HashSet<long>();
        var ids = new Queue<long>();
        var head = LogHead.Empty;
        IReadOnlyList<ContactSnapshot> snapshots;
        var open = false;
        try
        {
            using (var first = new NpgsqlBatch(connection))
            {
                first.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                open = true;
                first.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL lock_timeout = {LockTimeout(longest)}"));
                if (completions.Count > 0)
                {
                    first.BatchCommands.Add(CompleteStatement(completions));
                }

                first.BatchCommands.Add(Statement("SELECT k AS locked FROM unnest($1::bigint[]) AS k WHERE pg_try_advisory_xact_lock(k)", keys.ToArray()));
                first.BatchCommands.Add(Statement("SELECT pg_advisory_xact_lock($1) AS log_locked", AdvisoryKeys.Log(schema)));
                first.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT seq AS head_seq, hash FROM {schema}.evidence_head WHERE id = 1"));
                first.BatchCommands.Add(Statement($"SELECT nextval('{attemptIds}') AS next_id FROM generate_series(1, $1)", reservations.Count));
                AddSnapshotStatements(first, people);
                using var reader = first.ExecuteReader();
                while (true)
                {
                    var kind = reader.FieldCount == 0 ? null : reader.GetName(0);
                    if (kind == "contact_id")
                    {
                        // The four result sets of the people's snapshots come last.
                        people.Read(reader, ReadAttempt, ReadConsent, ReadOptOut, ReadRegistryEntry).GetAwaiter().GetResult();
                        break;
                    }

                    while (reader.Read())
                    {
                        switch (kind)
                        {
                            case "completed":
                                completed.Add(reader.GetInt64(0));
                                break;
                            case "locked":
                                locked.Add(reader.GetInt64(0));
                                break;
                            case "head_seq":
                                head = new LogHead(reader.GetInt64(0), reader.GetString(1));
                                break;
                            case "next_id":
                                ids.Enqueue(reader.GetInt64(0));
                                break;
                        }
                    }

                    if (!reader.NextResult())
                    {
                        throw new InvalidOperationException("The server's answer to the batch ended before the people's snapshots.");
                    }
                }

                snapshots = people.Snapshots();
            }

            Reached(ReservationStep.Locked);
            MarkCompleted(completions, completed);
            var taken = Decide(reservations, snapshots, locked);
            Reached(ReservationStep.Decided);

            // The entries follow the head in the order of the reservations left in the batch.
            var at = Clock.GetCurrentInstant();
            var attempts = new List<(long Id, ReserveWrite Write)>();
            var uses = new List<(string Contact, string Consent, long UsedAt, long Attempt)>();
            var entries = new List<EvidenceLogEntry>();
            foreach (var (write, verdict) in taken)
            {
                long? id = verdict.IsAllowed ? ids.Dequeue() : null;
                string evidence;
                try
                {
                    evidence = verdict.Evidence(id);
                }
                catch (Exception failure)
                {
                    // Its entry cannot be written: nothing of it is, and the others go on.
                    write.Failure = failure;
                    continue;
                }

                if (id is { } attemptId)
                {
                    attempts.Add((attemptId, write));
                    foreach (var consentId in verdict.ConsentUses)
                    {
                        uses.Add((write.ContactId, consentId, write.Reservation.Attempt.At.ToUnixTimeTicks(), attemptId));
                    }
                }

                var entry = EvidenceChain.Next(head, at, EvidenceKinds.Decision, evidence);
                head = new LogHead(entry.Sequence, entry.Hash);
                entries.Add(entry);
                write.Result = new ReservationResult(verdict, id);
            }

            using (var second = new NpgsqlBatch(connection))
            {
                if (attempts.Count > 0)
                {
                    second.BatchCommands.Add(InsertAttempts(attempts));
                }

                if (uses.Count > 0)
                {
                    second.BatchCommands.Add(InsertUses(uses));
                }

                if (entries.Count > 0)
                {
                    second.BatchCommands.Add(log.InsertEntries(entries));
                    second.BatchCommands.Add(Statement($"UPDATE {schema}.evidence_head SET seq = $1, hash = $2 WHERE id = 1", head.Sequence, head.Hash));
                }

                second.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                Reached(ReservationStep.Committing);
                try
                {
                    second.ExecuteNonQuery();
                    open = false;
                }
                catch (PostgresException ended) when (ended.SqlState == IdleInTransactionTimeout)
                {
                    // This node stalled between its round trips longer than the session allows
                    // (a frozen process or machine): the server ended the transaction, and its
                    // locks, before it read the commit. Nothing of the batch was recorded.
                    open = false;
                    writer.Drop();
                    var rolledBack = new TimeoutException(
                        $"The server ended this node's transaction on the ledger '{this}' because the node sat idle inside it for more than {SessionBound(options.OperationTimeout).TotalMilliseconds:0} ms "
                            + "(idle_in_transaction_session_timeout: the node stalled or was frozen between its two round trips); nothing was recorded.",
                        ended);
                    foreach (var (write, _) in taken)
                    {
                        write.Failure ??= rolledBack;
                    }

                    foreach (var completion in completions)
                    {
                        completion.Failure = rolledBack;
                    }

                    return;
                }
                catch (Exception failure) when (taken.Count > 0 && IsConnectionLoss(failure, connection))
                {
                    // Sent, and no answer: the commit may have happened.
                    open = false;
                    writer.Drop();
                    dataSource.Clear();
                    var uncertain = new UncertainCommitException(ToString(), failure);
                    foreach (var (write, _) in taken)
                    {
                        write.Failure ??= uncertain;
                    }

                    foreach (var completion in completions)
                    {
                        completion.Failure = uncertain;
                    }

                    return;
                }
            }

            Reached(ReservationStep.Committed);
        }
        catch
        {
            if (open)
            {
                RollBack(connection);
            }

            throw;
        }
    }

    /// <summary>
    /// Decides each reservation whose person the batch locked, in arrival order, on the person's
    /// snapshot plus the reservations allowed before it in the batch. Returns those still in the
    /// batch, with their verdicts: a reservation whose caller gave up meanwhile is left out
    /// (<see cref="LedgerWork.TryCommit"/>), one whose person is locked elsewhere goes back in line.
    /// </summary>
    private List<(ReserveWrite Write, ReservationVerdict Verdict)> Decide(List<ReserveWrite> reservations, IReadOnlyList<ContactSnapshot> snapshots, HashSet<long> locked)
    {
        var added = new Dictionary<string, List<ContactAttempt>>(StringComparer.Ordinal);
        var decided = new List<(ReserveWrite Write, ReservationVerdict Verdict)>();
        for (var i = 0; i < reservations.Count; i++)
        {
            var write = reservations[i];
            if (write.IsAbandoned)
            {
                continue;
            }

            if (!locked.Contains(write.LockKey))
            {
                write.Contended = true;
                continue;
            }

            ReservationVerdict verdict;
            try
            {
                write.CancellationToken.ThrowIfCancellationRequested();
                var snapshot = snapshots[i];
                if (added.TryGetValue(write.ContactId, out var earlier))
                {
                    var attempts = new List<ContactAttempt>(snapshot.History.Count + earlier.Count);
                    attempts.AddRange(snapshot.History.Attempts.ToArray());
                    attempts.AddRange(earlier);
                    snapshot = new ContactSnapshot(snapshot.Contact, ContactHistory.Create(attempts), snapshot.Facts);
                }

                verdict = write.Reservation.Decide(snapshot);
            }
            catch (Exception failure)
            {
                write.Failure = failure;
                continue;
            }

            decided.Add((write, verdict));
            if (verdict.IsAllowed)
            {
                if (!added.TryGetValue(write.ContactId, out var list))
                {
                    added.Add(write.ContactId, list = new List<ContactAttempt>());
                }

                list.Add(write.Reservation.Attempt);
            }
        }

        // The commit is about to be sent: from here a caller can no longer be told that nothing
        // was written, and one who gave up first is left out.
        return decided.FindAll(d => d.Write.TryCommit());
    }

    private static void MarkCompleted(List<CompleteWrite> completions, HashSet<long> completed)
    {
        foreach (var completion in completions)
        {
            // The first completion of an attempt records it; a second one in the same batch finds it closed.
            completion.Completed = completed.Remove(completion.AttemptId);
        }
    }

    /// <summary>
    /// One statement for the batch's completions: each attempt once, the first completion of it
    /// in arrival order, in ascending id order (two nodes' batches lock rows in one order).
    /// </summary>
    private NpgsqlBatchCommand CompleteStatement(List<CompleteWrite> completions)
    {
        var firsts = new SortedDictionary<long, CompleteWrite>();
        foreach (var completion in completions)
        {
            if (!firsts.ContainsKey(completion.AttemptId))
            {
                firsts.Add(completion.AttemptId, completion);
            }
        }

        var ids = new long[firsts.Count];
        var contacts = new string[firsts.Count];
        var outcomes = new short[firsts.Count];
        var at = new long[firsts.Count];
        var i = 0;
        foreach (var completion in firsts.Values)
        {
            ids[i] = completion.AttemptId;
            contacts[i] = completion.ContactId;
            outcomes[i] = (short)completion.Outcome;
            at[i] = completion.CompletedAtTicks;
            i++;
        }

        // a.id = ANY($1) keeps the attempts on their primary key in every plan: joined to the
        // array alone, a cached generic plan can choose to scan the whole table.
        return Statement(
            $"UPDATE {schema}.attempts AS a SET outcome = u.outcome, completed_at_ticks = u.at_ticks "
            + "FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::bigint[]) AS u(id, contact_id, outcome, at_ticks) "
            + $"WHERE a.id = ANY($1) AND a.id = u.id AND a.contact_id = u.contact_id AND a.outcome = {Reserved} RETURNING a.id AS completed",
            ids,
            contacts,
            outcomes,
            at);
    }

    /// <summary>The batch's allowed reservations, with the ids drawn for them in the first round trip.</summary>
    private NpgsqlBatchCommand InsertAttempts(List<(long Id, ReserveWrite Write)> granted)
    {
        var ids = new long[granted.Count];
        var contacts = new string[granted.Count];
        var at = new long[granted.Count];
        var outcomes = new short[granted.Count];
        var channels = new short[granted.Count];
        var purposes = new short[granted.Count];
        var subjects = new string?[granted.Count];
        var callers = new string?[granted.Count];
        for (var i = 0; i < granted.Count; i++)
        {
            var attempt = granted[i].Write.Reservation.Attempt;
            ids[i] = granted[i].Id;
            contacts[i] = granted[i].Write.ContactId;
            at[i] = attempt.At.ToUnixTimeTicks();
            outcomes[i] = (short)attempt.Outcome;
            channels[i] = (short)attempt.Channel;
            purposes[i] = (short)attempt.Purpose;
            subjects[i] = attempt.Subject;
            callers[i] = attempt.Caller;
        }

        return Statement(
            $"INSERT INTO {schema}.attempts (id, contact_id, at_ticks, outcome, channel, purpose, subject, caller, recorded_at_ticks) OVERRIDING SYSTEM VALUE "
            + "SELECT id, contact_id, at_ticks, outcome, channel, purpose, subject, caller, $9 "
            + "FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::smallint[], $5::smallint[], $6::smallint[], $7::text[], $8::text[]) "
            + "AS r(id, contact_id, at_ticks, outcome, channel, purpose, subject, caller)",
            ids,
            contacts,
            at,
            outcomes,
            channels,
            purposes,
            subjects,
            callers,
            Clock.GetCurrentInstant().ToUnixTimeTicks());
    }

    private NpgsqlBatchCommand InsertUses(List<(string Contact, string Consent, long UsedAt, long Attempt)> uses)
    {
        var contacts = new string[uses.Count];
        var consents = new string[uses.Count];
        var at = new long[uses.Count];
        var attempts = new long[uses.Count];
        for (var i = 0; i < uses.Count; i++)
        {
            (contacts[i], consents[i], at[i], attempts[i]) = uses[i];
        }

        return Statement(
            $"INSERT INTO {schema}.consent_uses (contact_id, consent_id, used_at_ticks, attempt_id) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[])",
            contacts,
            consents,
            at,
            attempts);
    }

    /// <summary>Tells each completion that found no open reservation why: no such attempt, or completed already.</summary>
    private void ExplainMissedCompletions(NpgsqlConnection connection, List<CompleteWrite> completions)
    {
        var missed = completions.FindAll(c => !c.Completed && c.Failure is null);
        if (missed.Count == 0)
        {
            return;
        }

        var ids = missed.ConvertAll(c => c.AttemptId).ToArray();
        var found = new Dictionary<long, (string ContactId, AttemptOutcome Outcome)>();
        try
        {
            using var find = new NpgsqlCommand($"SELECT id, contact_id, outcome FROM {schema}.attempts WHERE id = ANY($1)", connection);
            find.Parameters.AddWithValue(ids);
            using var reader = find.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetInt64(0)] = (reader.GetString(1), (AttemptOutcome)reader.GetInt16(2));
            }
        }
        catch (Exception failure) when (failure is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The batch is committed: only the missed completions learn that the reason could not be read.
            foreach (var completion in missed)
            {
                completion.Failure = new InvalidOperationException($"Attempt {completion.AttemptId} of contact {completion.ContactId} is not an open reservation (not recorded, or already completed); the ledger could not be read to say which.", failure);
            }

            return;
        }

        foreach (var completion in missed)
        {
            completion.Failure = NotOpen(
                completion.ContactId,
                completion.AttemptId,
                found.TryGetValue(completion.AttemptId, out var attempt) && attempt.ContactId == completion.ContactId ? attempt.Outcome : null);
        }
    }

    private static void RollBack(NpgsqlConnection connection)
    {
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            rollback.ExecuteNonQuery();
        }
        catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The connection is unusable; the server rolls the transaction back when it closes.
        }
    }
}
