using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact covered by a valid consent of the person (optionally one that names calls
/// outside the legal days and hours).
/// </summary>
public sealed class ConsentExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="outsideHoursOnly">Only consents that say the person accepts calls outside the legal days and hours count.</param>
    /// <param name="description">What the exemption is, in plain words.</param>
    public ConsentExemption(bool outsideHoursOnly, string description)
        : base(description)
    {
        OutsideHoursOnly = outsideHoursOnly;
    }

    /// <summary>Only consents that name calls outside the legal days and hours count.</summary>
    public bool OutsideHoursOnly { get; }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
        => Internal.ConsentSearch.EarliestCovered(context.Request, instant, OutsideHoursOnly);
}
