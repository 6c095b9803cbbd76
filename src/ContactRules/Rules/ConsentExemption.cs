using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact covered by a consent of the person that counts at the instant of the
/// contact under the exemption's <see cref="ConsentReading"/> (optionally only a consent to calls
/// outside the legal days and hours, or only a consent to a precise slot).
/// </summary>
/// <remarks>
/// What a law adds to "a valid consent" is in the <see cref="ConsentReading"/>: a default term
/// for a consent that states no period (Australia), registration voiding earlier consents
/// (Italy's RPO, Belgium's DNCM), France's one-year limit and withdrawal in a call.
/// </remarks>
public sealed class ConsentExemption : RuleExemption, IReadsConsents
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
    /// Only consents to be called at a precise date and time (<see cref="ConsentRecord.Slot"/>)
    /// count, and only inside their slot (France from 11 August 2026, D223-9 as rewritten).
    /// </summary>
    public bool SlotOnly { get; init; }

    /// <summary>How the exemption reads the person's consents; <see cref="ConsentReading.Plain"/> by default.</summary>
    public ConsentReading ConsentReading { get; init; } = ConsentReading.Plain;

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
        => ConsentReading.EarliestCounting(context, instant, Filter);

    /// <inheritdoc />
    ConsentStanding IReadsConsents.StandingOf(ConsentRecord consent, in EvaluationContext context, Instant instant)
        => ConsentReading.StandingAt(consent, context, instant, Filter);

    private ConsentFilter Filter => SlotOnly ? ConsentFilter.Slot : OutsideHoursOnly ? ConsentFilter.OutsideHours : ConsentFilter.Any;
}
