using System;
using System.Threading;
using System.Threading.Tasks;

namespace ContactRules;

/// <summary>
/// Where a <see cref="ContactGate"/> reads and records attempts. Implementations must make
/// <see cref="Reserve"/> atomic per person: the decision and the recording of the reservation
/// happen with no other reservation for that person in between, so that concurrent dialers can
/// never take the same last slot.
/// </summary>
/// <remarks>
/// <para>
/// Every operation has a synchronous and an asynchronous form with the same meaning; the
/// asynchronous ones are what a dialer service serving many requests at once calls (through
/// <see cref="ContactGate.TryReserveAsync"/>), so that a request waiting for the store holds no
/// thread.
/// </para>
/// <para>
/// Cancellation: an asynchronous operation throws <see cref="OperationCanceledException"/> only
/// when its token was cancelled <em>and nothing was written</em>. Once a write is committed it is
/// never reported as cancelled: the operation returns its result, because a reservation that
/// counts must come back with its id. Waits for the store are bounded by the store's own timeout
/// whether or not a token is given; a timeout is a failure (an exception other than
/// <see cref="OperationCanceledException"/>), never a cancellation.
/// </para>
/// </remarks>
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

    /// <summary>The attempts made to a person, oldest first; see <see cref="GetHistory"/>.</summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="cancellationToken">Stops the read; nothing is written either way.</param>
    /// <returns>The history; empty for an unknown person.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ContactHistory> GetHistoryAsync(string contactId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically: reads the person's history, asks <paramref name="decide"/>, and when the
    /// decision allows, records <paramref name="reservation"/>; see <see cref="Reserve"/>.
    /// </summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="reservation">The attempt to record, with outcome <see cref="AttemptOutcome.Reserved"/>.</param>
    /// <param name="decide">The decision for the current history.</param>
    /// <param name="cancellationToken">
    /// Honoured until the reservation is committed: a cancelled call records nothing and throws
    /// <see cref="OperationCanceledException"/>. After the commit, the call returns the recorded
    /// reservation even if the token is cancelled meanwhile.
    /// </param>
    /// <returns>The decision, and the recorded attempt's id when it allowed.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before anything was recorded.</exception>
    Task<ReservationResult> ReserveAsync(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of a reserved attempt; see <see cref="Complete"/>.</summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="attemptId">The id returned by <see cref="Reserve"/> or <see cref="ReserveAsync"/>.</param>
    /// <param name="outcome">The outcome; not <see cref="AttemptOutcome.Reserved"/>.</param>
    /// <param name="cancellationToken">Honoured until the outcome is committed: a cancelled call writes nothing.</param>
    /// <returns>A task that completes when the outcome is recorded.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before the outcome was written.</exception>
    Task CompleteAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken = default);
}
