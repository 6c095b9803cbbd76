using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Internal;

namespace ContactRules;

/// <summary>
/// A history store in this process's memory, for tests, tools and single-process services. Each
/// person's history is an immutable snapshot replaced on every write, so reads take no lock and
/// allocate nothing; writes for one person are serialised.
/// </summary>
public sealed class InMemoryContactHistoryStore : IContactHistoryStore
{
    private readonly ConcurrentDictionary<string, Entry> entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
    private long lastId;

    /// <inheritdoc />
    public ContactHistory GetHistory(string contactId)
    {
        Preconditions.CheckNotNull(contactId, nameof(contactId));
        return entries.TryGetValue(contactId, out var entry) ? entry.Snapshot.History : ContactHistory.Empty;
    }

    /// <inheritdoc />
    public ReservationResult Reserve(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide)
    {
        Preconditions.CheckNotNull(contactId, nameof(contactId));
        Preconditions.CheckNotNull(decide, nameof(decide));
        Preconditions.CheckArgument(reservation.Outcome == AttemptOutcome.Reserved, nameof(reservation), $"A reservation's outcome must be Reserved; got {reservation.Outcome}.");
        var entry = entries.GetOrAdd(contactId, _ => new Entry());
        lock (entry)
        {
            var decision = decide(entry.Snapshot.History);
            if (!decision.IsAllowed)
            {
                return new ReservationResult(decision, null);
            }

            var id = Interlocked.Increment(ref lastId);
            entry.Snapshot = entry.Snapshot.Insert(reservation, id);
            return new ReservationResult(decision, id);
        }
    }

    /// <inheritdoc />
    public void Complete(string contactId, long attemptId, AttemptOutcome outcome)
    {
        Preconditions.CheckNotNull(contactId, nameof(contactId));
        Preconditions.CheckArgument(outcome != AttemptOutcome.Reserved, nameof(outcome), "An attempt is completed with its real outcome, not Reserved.");
        if (!entries.TryGetValue(contactId, out var entry))
        {
            throw new InvalidOperationException($"No attempt {attemptId} is recorded for contact {contactId}.");
        }

        lock (entry)
        {
            entry.Snapshot = entry.Snapshot.Complete(attemptId, outcome, contactId);
        }
    }

    /// <inheritdoc />
    public long Record(string contactId, ContactAttempt attempt)
    {
        Preconditions.CheckNotNull(contactId, nameof(contactId));
        var entry = entries.GetOrAdd(contactId, _ => new Entry());
        lock (entry)
        {
            var id = Interlocked.Increment(ref lastId);
            entry.Snapshot = entry.Snapshot.Insert(attempt, id);
            return id;
        }
    }

    /// <inheritdoc />
    public Task<ContactHistory> GetHistoryAsync(string contactId, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => GetHistory(contactId), cancellationToken);

    /// <inheritdoc />
    public Task<ReservationResult> ReserveAsync(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => Reserve(contactId, reservation, decide), cancellationToken);

    /// <inheritdoc />
    public Task CompleteAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => Complete(contactId, attemptId, outcome), cancellationToken);

    private sealed class Entry
    {
        private volatile Snapshot snapshot = Snapshot.Empty;

        public Snapshot Snapshot
        {
            get => snapshot;
            set => snapshot = value;
        }
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new Snapshot(Array.Empty<ContactAttempt>(), Array.Empty<long>());

        private readonly ContactAttempt[] attempts;
        private readonly long[] ids;

        private Snapshot(ContactAttempt[] attempts, long[] ids)
        {
            this.attempts = attempts;
            this.ids = ids;
            History = ContactHistory.FromSortedUnsafe(attempts, attempts.Length);
        }

        public ContactHistory History { get; }

        public Snapshot Insert(ContactAttempt attempt, long id)
        {
            // After every attempt at the same or an earlier instant: ties keep arrival order.
            var index = History.FirstIndexAfter(attempt.At);
            var newAttempts = new ContactAttempt[attempts.Length + 1];
            var newIds = new long[ids.Length + 1];
            Array.Copy(attempts, 0, newAttempts, 0, index);
            Array.Copy(ids, 0, newIds, 0, index);
            newAttempts[index] = attempt;
            newIds[index] = id;
            Array.Copy(attempts, index, newAttempts, index + 1, attempts.Length - index);
            Array.Copy(ids, index, newIds, index + 1, ids.Length - index);
            return new Snapshot(newAttempts, newIds);
        }

        public Snapshot Complete(long id, AttemptOutcome outcome, string contactId)
        {
            var index = Array.IndexOf(ids, id);
            if (index < 0)
            {
                throw new InvalidOperationException($"No attempt {id} is recorded for contact {contactId}.");
            }

            if (attempts[index].Outcome != AttemptOutcome.Reserved)
            {
                throw new InvalidOperationException($"Attempt {id} of contact {contactId} was already completed as {attempts[index].Outcome}.");
            }

            var newAttempts = (ContactAttempt[])attempts.Clone();
            newAttempts[index] = attempts[index].WithOutcome(outcome);
            return new Snapshot(newAttempts, ids);
        }
    }
}
