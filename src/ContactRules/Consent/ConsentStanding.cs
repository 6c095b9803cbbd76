namespace ContactRules.Rules;

/// <summary>How a rule that reads consents holds one consent record at an instant.</summary>
internal enum ConsentStanding
{
    /// <summary>The rule does not count it: not its kind of consent (another channel, not a slot consent, outside its period), or not yet granted or already over by its own record.</summary>
    NotCounted = 0,

    /// <summary>The rule counts it: a contact at the instant may rely on it.</summary>
    Counts = 1,

    /// <summary>
    /// By its own record it would count, but the law ended it before the instant (a term limit, a
    /// withdrawal in a call, a later opt-out or registration, a revocation of another consent that
    /// sweeps it): no rule's decision may show it as relied on.
    /// </summary>
    Ended = 2,
}
