using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact covered by a valid consent of the person (optionally one that names calls
/// outside the legal days and hours).
/// </summary>
/// <remarks>
/// Two optional refinements carry what some laws add to "a valid consent":
/// <see cref="DefaultTerm"/> (a consent that states no period lapses after a fixed time:
/// Australia's Do Not Call Register Act, Sch. 2 cl. 3) and <see cref="VoidedByRegistrationOn"/>
/// (registration on a national register revokes the consents given before it: Italy's RPO;
/// Belgium's DNCM yields only to an opt-in given after registration).
/// </remarks>
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

    /// <summary>
    /// When set, a consent with no <see cref="ConsentRecord.ExpiresAt"/> lapses this long after its
    /// grant, counted on the UTC calendar (Australia: 3 months). Null: such a consent holds until
    /// revoked.
    /// </summary>
    public Period? DefaultTerm { get; init; }

    /// <summary>
    /// When set, a consent granted at or before the person's registration on this register (its
    /// <see cref="OptOut.RequestedAt"/>) does not count: the registration revoked it. Null: every
    /// consent counts.
    /// </summary>
    public ContactRegistry? VoidedByRegistrationOn { get; init; }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
        => Internal.ConsentSearch.EarliestCovered(context.Request, instant, OutsideHoursOnly, DefaultTerm, VoidedByRegistrationOn);
}
