using System;
using System.Threading;
using ContactRules.Storage;

namespace ContactRules.PostgreSql;

/// <summary>A reservation or a completion waiting in the node's line for its batch, and its result.</summary>
internal abstract class PostgreSqlWrite : GroupCommitWork
{
    protected PostgreSqlWrite(string contactId) => ContactId = contactId;

    internal string ContactId { get; }
}

/// <summary>A reservation: decided on the person's history once the batch holds their lock.</summary>
internal sealed class ReserveWrite : PostgreSqlWrite
{
    internal ReserveWrite(string contactId, long lockKey, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken)
        : base(contactId)
    {
        LockKey = lockKey;
        Reservation = reservation;
        Decide = decide;
        CancellationToken = cancellationToken;
    }

    /// <summary>The person's advisory lock, which the batch tries to take before it reads.</summary>
    internal long LockKey { get; }

    internal ContactAttempt Reservation { get; }

    internal Func<ContactHistory, ContactDecision> Decide { get; }

    /// <summary>Honoured up to the decision: a reservation cancelled before it is decided writes nothing.</summary>
    internal CancellationToken CancellationToken { get; }

    internal ReservationResult Result { get; set; }

    /// <summary>
    /// True when the batch found the person's lock held by another node: the reserver then waits
    /// for it on a connection of its own, so that the batch never waits for one person.
    /// </summary>
    internal bool Contended { get; set; }
}

/// <summary>A completion: the reservation's real outcome.</summary>
internal sealed class CompleteWrite : PostgreSqlWrite
{
    internal CompleteWrite(string contactId, long attemptId, AttemptOutcome outcome, long completedAtTicks)
        : base(contactId)
    {
        AttemptId = attemptId;
        Outcome = outcome;
        CompletedAtTicks = completedAtTicks;
    }

    internal long AttemptId { get; }

    internal AttemptOutcome Outcome { get; }

    internal long CompletedAtTicks { get; }

    /// <summary>True once the batch found the reservation still open and recorded the outcome.</summary>
    internal bool Completed { get; set; }
}

/// <summary>An asynchronous facts read waiting in the node's line for its batch, and its result.</summary>
internal sealed class FactsRead : GroupCommitWork
{
    internal FactsRead(Contact contact) => Contact = contact;

    internal Contact Contact { get; }

    internal ContactFacts? Result { get; set; }
}
