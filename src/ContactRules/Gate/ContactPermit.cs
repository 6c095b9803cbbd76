using System;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// Proof that a contact was allowed and reserved: hold it while dialing, then
/// <see cref="Complete"/> it with the outcome. A permit never completed keeps counting as an
/// attempt, and the history no longer tells how the call ended.
/// </summary>
public sealed class ContactPermit
{
    private readonly ContactGate gate;
    private int completed;

    internal ContactPermit(ContactGate gate, ContactRequest request, Instant reservedAt, long attemptId)
    {
        this.gate = gate;
        Request = request;
        ReservedAt = reservedAt;
        AttemptId = attemptId;
    }

    /// <summary>The contact that was allowed.</summary>
    public ContactRequest Request { get; }

    /// <summary>When the reservation was taken; it counts as an attempt from this instant.</summary>
    public Instant ReservedAt { get; }

    /// <summary>The id of the reserved attempt in the ledger.</summary>
    public long AttemptId { get; }

    /// <summary>True once <see cref="Complete"/> has recorded the outcome.</summary>
    public bool IsCompleted => Volatile.Read(ref completed) == 1;

    /// <summary>Records how the contact ended.</summary>
    /// <param name="outcome">The outcome; not <see cref="AttemptOutcome.Reserved"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is <see cref="AttemptOutcome.Reserved"/>.</exception>
    /// <exception cref="InvalidOperationException">The permit was already completed.</exception>
    /// <exception cref="TimeoutException">The ledger did not answer within its operation timeout; the message says whether the outcome may have been recorded.</exception>
    /// <exception cref="System.IO.IOException">The connection to the ledger was lost after the outcome's commit was sent: it may have been recorded.</exception>
    public void Complete(AttemptOutcome outcome)
    {
        Preconditions.CheckArgument(outcome != AttemptOutcome.Reserved, nameof(outcome), "Complete a permit with the real outcome (no-answer, conversation, ...), not Reserved.");
        if (Interlocked.CompareExchange(ref completed, 1, 0) != 0)
        {
            throw new InvalidOperationException($"The permit for attempt {AttemptId} was already completed.");
        }

        try
        {
            gate.Complete(this, outcome);
        }
        catch
        {
            Volatile.Write(ref completed, 0);
            throw;
        }
    }

    /// <summary>Records how the contact ended, without holding a thread while the store writes.</summary>
    /// <param name="outcome">The outcome; not <see cref="AttemptOutcome.Reserved"/>.</param>
    /// <param name="cancellationToken">
    /// Honoured until the outcome is committed: a cancelled call writes nothing, throws
    /// <see cref="OperationCanceledException"/>, and leaves the permit to be completed again.
    /// </param>
    /// <returns>A task that completes when the outcome is recorded.</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is <see cref="AttemptOutcome.Reserved"/>.</exception>
    /// <exception cref="InvalidOperationException">The permit was already completed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the outcome was written.</exception>
    /// <exception cref="TimeoutException">The ledger did not answer within its operation timeout; the message says whether the outcome may have been recorded.</exception>
    /// <exception cref="System.IO.IOException">The connection to the ledger was lost after the outcome's commit was sent: it may have been recorded.</exception>
    public Task CompleteAsync(AttemptOutcome outcome, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckArgument(outcome != AttemptOutcome.Reserved, nameof(outcome), "Complete a permit with the real outcome (no-answer, conversation, ...), not Reserved.");
        if (Interlocked.CompareExchange(ref completed, 1, 0) != 0)
        {
            throw new InvalidOperationException($"The permit for attempt {AttemptId} was already completed.");
        }

        return Completing(outcome, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"Permit {AttemptId} for {Request} at {ReservedAt}";

    private async Task Completing(AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await gate.CompleteAsync(this, outcome, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Volatile.Write(ref completed, 0);
            throw;
        }
    }
}
