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
    /// The earliest instant at or after <paramref name="instant"/> at which the exemption holds
    /// (equal to <paramref name="instant"/> when it holds now), or null when it never will
    /// given what is known.
    /// </summary>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>The instant, or null.</returns>
    public abstract Instant? ExemptFrom(in EvaluationContext context, Instant instant);

    /// <inheritdoc />
    public override string ToString() => Description;
}
