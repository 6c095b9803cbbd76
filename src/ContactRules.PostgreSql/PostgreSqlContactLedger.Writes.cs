using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using NodaTime;
using Npgsql;

namespace ContactRules.PostgreSql;

/// <summary>
/// Group commit of the node's reservations and completions: the asynchronous writes waiting in
/// this process go to the server together, in one transaction of at most two round trips,
/// instead of one transaction each.
/// </summary>
/// <remarks>
/// <para>
/// A synchronous write runs the same steps as a batch of its own, on its caller's thread: a
/// caller that blocks a thread waits for its own round trips only. (Were it to wait for a batch
/// led by another thread, a thread pool starved by such blocked callers could stall the batch,
/// and every caller in line with it.)
/// </para>
/// <para>
/// A batch (1) begins, records the completions (one <c>UPDATE … FROM unnest(…)</c>), tries the
/// advisory lock of every person it reserves for, and reads the attempts of those whose lock it
/// got, in a statement of its own whose snapshot is taken once the locks are held; (2) decides
/// each reservation in arrival order, a person's later reservation seeing their earlier ones of
/// the same batch, then inserts the allowed ones (one <c>INSERT … SELECT FROM unnest(…)</c>) and
/// commits. A batch of completions alone is its one statement. The batch never waits for a
/// lock: a person whose lock another node holds is left to their reserver, who waits for it on a
/// connection of its own (with its own cancellation), so that one busy or stuck person delays no
/// one else, and two nodes' batches can never deadlock.
/// </para>
/// <para>
/// Completions take no advisory lock: a completion changes one reservation's outcome, and a
/// reservation decided before it committed was concurrent with it. They come first in the
/// batch, in attempt order, so that a reservation of the same batch already sees the outcome (a
/// refusal) they record.
/// </para>
/// <para>
/// What one writer does wrong stays with that writer: a decision callback that throws, a
/// cancelled reservation, a completion of an attempt that is not open, each fail alone. A batch
/// whose transaction fails fails for every writer in it, and writes nothing.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlContactLedger
{
    private const int MaxBatch = 256;

    private async Task RunWrites(List<PostgreSqlWrite> batch, bool async)
    {
        await Run(
            async connection =>
            {
                try
                {
                    await WriteBatch(connection, batch, async).ConfigureAwait(false);
                }
                catch
                {
                    await RollBack(connection, async).ConfigureAwait(false);
                    throw;
                }

                await ExplainMissedCompletions(connection, batch, async).ConfigureAwait(false);
                return true;
            },
            async,
            CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WriteBatch(NpgsqlConnection connection, List<PostgreSqlWrite> batch, bool async)
    {
        var completions = new List<CompleteWrite>();
        var keys = new List<long>();
        var reserving = new List<string>();
        var histories = new Dictionary<string, List<ContactAttempt>>(StringComparer.Ordinal);
        foreach (var write in batch)
        {
            if (write is CompleteWrite completion)
            {
                completions.Add(completion);
            }
            else if (write is ReserveWrite reservation && !histories.ContainsKey(reservation.ContactId))
            {
                histories.Add(reservation.ContactId, new List<ContactAttempt>());
                reserving.Add(reservation.ContactId);
                keys.Add(reservation.LockKey);
            }
        }

        var completed = new HashSet<long>();
        var locked = new HashSet<long>();
        using (var first = new NpgsqlBatch(connection))
        {
            if (reserving.Count > 0)
            {
                // The transaction spans two round trips; completions alone are one statement.
                first.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            }

            if (completions.Count > 0)
            {
                first.BatchCommands.Add(CompleteStatement(completions));
            }

            if (reserving.Count > 0)
            {
                first.BatchCommands.Add(keys.Count == 1
                    ? Statement("SELECT $1::bigint AS locked WHERE pg_try_advisory_xact_lock($1)", keys[0])
                    : Statement("SELECT k AS locked FROM unnest($1::bigint[]) AS k WHERE pg_try_advisory_xact_lock(k)", keys.ToArray()));
                first.BatchCommands.Add(Statement(selectHistories, reserving.ToArray(), Cutoff()));
            }

            using var reader = async ? await first.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false) : first.ExecuteReader();
            do
            {
                var kind = reader.FieldCount == 0 ? null : reader.GetName(0);
                while (async ? await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) : reader.Read())
                {
                    switch (kind)
                    {
                        case "completed":
                            completed.Add(reader.GetInt64(0));
                            break;
                        case "locked":
                            locked.Add(reader.GetInt64(0));
                            break;
                        case "contact_id":
                            histories[reader.GetString(0)].Add(ReadAttempt(reader, 1));
                            break;
                    }
                }
            }
            while (async ? await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false) : reader.NextResult());
        }

        foreach (var completion in completions)
        {
            // The first completion of an attempt records it; a second one in the same batch finds it closed.
            completion.Completed = completed.Remove(completion.AttemptId);
        }

        if (reserving.Count == 0)
        {
            return;
        }

        var granted = new List<ReserveWrite>();
        foreach (var write in batch)
        {
            if (write is not ReserveWrite reservation)
            {
                continue;
            }

            if (!locked.Contains(reservation.LockKey))
            {
                reservation.Contended = true;
                continue;
            }

            ContactDecision decision;
            try
            {
                reservation.CancellationToken.ThrowIfCancellationRequested();
                var attempts = histories[reservation.ContactId];
                decision = reservation.Decide(attempts.Count == 0 ? ContactHistory.Empty : ContactHistory.Create(attempts))
                    ?? throw new InvalidOperationException("The reservation's decision callback returned null.");
            }
            catch (Exception failure)
            {
                reservation.Failure = failure;
                continue;
            }

            reservation.Result = new ReservationResult(decision, null);
            if (decision.IsAllowed)
            {
                histories[reservation.ContactId].Add(reservation.Reservation);
                granted.Add(reservation);
            }
        }

        var ids = new List<long>(granted.Count);
        using (var second = new NpgsqlBatch(connection))
        {
            if (granted.Count > 0)
            {
                second.BatchCommands.Add(InsertStatement(granted));
            }

            second.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            using var reader = async ? await second.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false) : second.ExecuteReader();
            do
            {
                while (reader.FieldCount == 1 && (async ? await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) : reader.Read()))
                {
                    ids.Add(reader.GetInt64(0));
                }
            }
            while (async ? await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false) : reader.NextResult());
        }

        if (ids.Count != granted.Count)
        {
            // Committed, but the ids cannot be matched to their reservations: they count, and no
            // caller is told it may call.
            throw new InvalidOperationException($"The server returned {ids.Count} reservation ids for {granted.Count} reservations; none is reported as taken.");
        }

        ids.Sort();
        for (var i = 0; i < granted.Count; i++)
        {
            granted[i].Result = new ReservationResult(granted[i].Result.Decision, ids[i]);
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

        if (firsts.Count == 1)
        {
            // A batch of one (every synchronous call) takes the plain statement: arrays cost more than they save.
            var only = completions[0]; // every completion here is of this attempt; the first to arrive is recorded
            return Statement(completeAttempt, (short)only.Outcome, only.CompletedAtTicks, only.AttemptId, only.ContactId);
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

        return Statement(completeAttempts, ids, contacts, outcomes, at);
    }

    /// <summary>One statement inserting the batch's allowed reservations, in arrival order.</summary>
    private NpgsqlBatchCommand InsertStatement(List<ReserveWrite> granted)
    {
        if (granted.Count == 1)
        {
            return InsertStatement(granted[0].ContactId, granted[0].Reservation);
        }

        var contacts = new string[granted.Count];
        var at = new long[granted.Count];
        var outcomes = new short[granted.Count];
        var channels = new short[granted.Count];
        var purposes = new short[granted.Count];
        var subjects = new string?[granted.Count];
        var callers = new string?[granted.Count];
        for (var i = 0; i < granted.Count; i++)
        {
            var attempt = granted[i].Reservation;
            contacts[i] = granted[i].ContactId;
            at[i] = attempt.At.ToUnixTimeTicks();
            outcomes[i] = (short)attempt.Outcome;
            channels[i] = (short)attempt.Channel;
            purposes[i] = (short)attempt.Purpose;
            subjects[i] = attempt.Subject;
            callers[i] = attempt.Caller;
        }

        return Statement(insertAttempts, contacts, at, outcomes, channels, purposes, subjects, callers, Clock.GetCurrentInstant().ToUnixTimeTicks());
    }

    /// <summary>Tells each completion that found no open reservation why: no such attempt, or completed already.</summary>
    private async Task ExplainMissedCompletions(NpgsqlConnection connection, List<PostgreSqlWrite> batch, bool async)
    {
        List<CompleteWrite>? missed = null;
        foreach (var write in batch)
        {
            if (write is CompleteWrite { Completed: false } completion)
            {
                (missed ??= new List<CompleteWrite>()).Add(completion);
            }
        }

        if (missed is null)
        {
            return;
        }

        var ids = new long[missed.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = missed[i].AttemptId;
        }

        var found = new Dictionary<long, (string ContactId, AttemptOutcome Outcome)>();
        try
        {
            using var find = new NpgsqlCommand($"SELECT id, contact_id, outcome FROM {schema}.attempts WHERE id = ANY($1)", connection);
            find.Parameters.AddWithValue(ids);
            using var reader = async ? await find.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false) : find.ExecuteReader();
            while (async ? await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) : reader.Read())
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
            completion.Failure = found.TryGetValue(completion.AttemptId, out var attempt) && attempt.ContactId == completion.ContactId
                ? new InvalidOperationException($"Attempt {completion.AttemptId} of contact {completion.ContactId} was already completed as {attempt.Outcome}.")
                : new InvalidOperationException($"No attempt {completion.AttemptId} is recorded for contact {completion.ContactId}.");
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
