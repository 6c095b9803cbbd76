using System;

namespace ContactRules;

/// <summary>
/// Where a <see cref="ContactGate"/> reads and records attempts. Implementations must make
/// <see cref="Reserve"/> atomic per person: the decision and the recording of the reservation
/// happen with no other reservation for that person in between, so that concurrent dialers can
/// never take the same last slot.
/// </summary>
public interface IContactHistoryStore
{
    /// <summary>The attempts made to a person, oldest first.</summary>
    /// <param name="contactId">The person's id.</param>
    /// <returns>The history; empty for an unknown person.</returns>
    ContactHistory GetHistory(string contactId);

    /// <summary>
    /// Atomically: reads the person's history, asks <paramref name="decide"/>, and when the
    /// decision allows, records <paramref name="reservation"/>.
    /// </summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="reservation">The attempt to record, with outcome <see cref="AttemptOutcome.Reserved"/>.</param>
    /// <param name="decide">The decision for the current history.</param>
    /// <returns>The decision, and the recorded attempt's id when it allowed.</returns>
    ReservationResult Reserve(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide);

    /// <summary>Records the outcome of a reserved attempt.</summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="attemptId">The id returned by <see cref="Reserve"/>.</param>
    /// <param name="outcome">The outcome; not <see cref="AttemptOutcome.Reserved"/>.</param>
    void Complete(string contactId, long attemptId, AttemptOutcome outcome);

    /// <summary>Records an attempt made outside the gate (imported history, a manual call).</summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="attempt">The attempt.</param>
    /// <returns>The recorded attempt's id.</returns>
    long Record(string contactId, ContactAttempt attempt);
}
