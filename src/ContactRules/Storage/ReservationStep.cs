namespace ContactRules.Storage;

/// <summary>
/// The steps of one reservation inside a ledger, in order. A ledger reports each to
/// <see cref="ContactLedger.StepReached"/> (null outside tests), so that a test can kill the
/// process, or the connection, at every step and check that either everything of the reservation
/// was recorded or nothing.
/// </summary>
internal enum ReservationStep
{
    /// <summary>The transaction is open and the person's lock held; nothing read yet.</summary>
    Locked = 1,

    /// <summary>The person's snapshot was read and the decision taken; nothing written yet.</summary>
    Decided = 2,

    /// <summary>The reserved attempt was written (not committed).</summary>
    AttemptWritten = 3,

    /// <summary>The consent uses were written (not committed).</summary>
    UsesWritten = 4,

    /// <summary>The evidence entry was written (not committed).</summary>
    EvidenceWritten = 5,

    /// <summary>The commit is about to be sent.</summary>
    Committing = 6,

    /// <summary>The commit is confirmed; the caller has not been answered yet.</summary>
    Committed = 7,
}
