using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// A circumstance in which a rule does not refuse (a consent, a contract in progress, a live
/// agent). Exemptions are checked only when the rule would refuse.
/// </summary>
public abstract class RuleExemption
{
    /// <summary>Creates an exemption.</summary>
    /// <param name="description">What the exemption is, in plain words.</param>
    protected RuleExemption(string description)
    {
        Description = Internal.Preconditions.CheckNotEmpty(description, nameof(description));
    }

    /// <summary>What the exemption is, in plain words.</summary>
    public string Description { get; }

    /// <summary>
    /// The local dates on which the law provides the exemption; always by default. An exemption
    /// with dates holds only at instants whose local date lies in the period in <em>every</em>
    /// candidate zone (with no zone, everywhere on Earth): where the zone is uncertain, the
    /// stricter reading wins, as for a rule's own dates.
    /// </summary>
    public InForcePeriod InForce { get; init; } = InForcePeriod.Always;

    /// <summary>
    /// The earliest instant at or after <paramref name="instant"/> at which the exemption holds
    /// (equal to <paramref name="instant"/> when it holds now), or null when it never will
    /// given what is known.
    /// </summary>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>The instant, or null.</returns>
    public abstract Instant? ExemptFrom(in EvaluationContext context, Instant instant);

    /// <summary>
    /// <see cref="ExemptFrom"/> within the exemption's dates: the earliest instant at or after
    /// <paramref name="instant"/> at which the exemption is provided in every zone and holds, or
    /// null when it never will.
    /// </summary>
    internal Instant? EarliestHolding(in EvaluationContext context, Instant instant)
    {
        if (ReferenceEquals(InForce, InForcePeriod.Always))
        {
            return ExemptFrom(context, instant);
        }

        if (InForce.EarliestInForceEverywhere(instant, context.Zones) is not { } provided
            || ExemptFrom(context, provided) is not { } holds)
        {
            return null;
        }

        // The period is one stretch of time: past its end in some zone, it never holds again.
        return holds == provided || InForce.EarliestInForceEverywhere(holds, context.Zones) == holds ? holds : null;
    }

    /// <summary>True when the law provides the exemption at <paramref name="instant"/> in every zone (its dates, not whether it holds).</summary>
    internal bool IsProvidedAt(in EvaluationContext context, Instant instant)
        => ReferenceEquals(InForce, InForcePeriod.Always) || InForce.EarliestInForceEverywhere(instant, context.Zones) == instant;

    /// <inheritdoc />
    public override string ToString() => Description;
}
