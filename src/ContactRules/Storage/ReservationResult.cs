using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>What a ledger's reservation returns: the decision it committed, and the reserved attempt's id when it allowed.</summary>
internal readonly struct ReservationResult
{
    internal ReservationResult(ReservationVerdict verdict, long? attemptId)
    {
        Verdict = Preconditions.CheckNotNull(verdict, nameof(verdict));
        AttemptId = attemptId;
    }

    internal ReservationVerdict Verdict { get; }

    internal ContactDecision Decision => Verdict.Decision;

    /// <summary>The recorded reservation's id, or null when nothing was reserved.</summary>
    internal long? AttemptId { get; }
}
