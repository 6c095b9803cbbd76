namespace ContactRules;

/// <summary>
/// What <see cref="IContactHistoryStore.Reserve"/> returns: the decision taken atomically, and the
/// id of the recorded reservation when it allowed.
/// </summary>
public readonly struct ReservationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="attemptId">The recorded reservation's id, or null when nothing was recorded.</param>
    public ReservationResult(ContactDecision decision, long? attemptId)
    {
        Decision = Internal.Preconditions.CheckNotNull(decision, nameof(decision));
        AttemptId = attemptId;
    }

    /// <summary>The decision.</summary>
    public ContactDecision Decision { get; }

    /// <summary>The recorded reservation's id, or null when nothing was recorded.</summary>
    public long? AttemptId { get; }
}
