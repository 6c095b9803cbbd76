using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// France: the rules of the Code de la consommation on telephone canvassing, each as it reads in
/// the law.
/// </summary>
/// <remarks>
/// Article D223-9 (décret n° 2022-1313 du 13 octobre 2022, in force 1 March 2023) applies to every
/// commercial canvassing call to a consumer, existing customers included (the decree's notice
/// says so explicitly): Monday to Friday, 10:00–13:00 and 14:00–20:00 in the consumer's zone,
/// never on a public holiday; at most 4 calls or attempts in 30 calendar days per professional,
/// its subcontractors included; nothing for 60 full days after a refusal. Express prior consent
/// lifts the days and hours only. Whether D223-9 survives the 11 August 2026 reform unchanged is
/// not confirmed; the conservative reading keeps applying it.
/// </remarks>
public static class FranceRules
{
    /// <summary>The citation of article D223-9.</summary>
    public const string D223_9 = "Code de la consommation, art. D223-9";

    /// <summary>The date D223-9 came into force.</summary>
    public static readonly LocalDate D223_9InForce = new LocalDate(2023, 3, 1);

    /// <summary>Commercial canvassing by telephone: the calls D223-9 governs.</summary>
    public static RuleScope Canvassing { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>"Sauf consentement exprès et préalable": consent to calls outside the legal days and hours.</summary>
    public static RuleExemption ConsentOutsideHours { get; } = new ConsentExemption(
        outsideHoursOnly: true,
        "the consumer's express and prior consent to be called outside the legal days and hours (D223-9 al. 2)");

    /// <summary>FR-HOURS-01: Monday to Friday, 10:00–13:00 and 14:00–20:00, in the consumer's zone.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("FR-HOURS-01", D223_9 + " al. 1-2 (décret n° 2022-1313)")
        {
            Description = "Canvassing calls only Monday to Friday, 10:00–13:00 and 14:00–20:00 in the consumer's time zone, unless the consumer gave express prior consent.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ConsentOutsideHours),
        },
        WeeklyHours.Weekdays(LocalTimeInterval.Hours(10, 13), LocalTimeInterval.Hours(14, 20)));

    /// <summary>FR-HOL-01: no canvassing call on the public holidays of Code du travail art. L3133-1.</summary>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("FR-HOL-01", D223_9 + " al. 1; Code du travail, art. L3133-1")
        {
            Description = "No canvassing call on the eleven public holidays of Code du travail art. L3133-1, unless the consumer gave express prior consent.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ConsentOutsideHours),
        },
        FrenchHolidays.National);

    /// <summary>FR-FREQ-01: at most 4 calls or attempts per 30 calendar days, per professional and its subcontractors.</summary>
    public static FrequencyCap Frequency { get; } = new FrequencyCap(
        new RuleMetadata("FR-FREQ-01", D223_9 + " al. 3")
        {
            Description = "A professional, directly or through a third party acting for it, may not canvass or attempt to canvass the same consumer more than 4 times in 30 calendar days; every attempt counts, answered or not.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
        },
        maxAttempts: 4,
        FrequencyWindow.OfCalendarDays(30),
        CountingKey.Caller,
        AttemptFilter.Any.OnChannels(ContactChannel.Voice).ForPurposes(ContactPurpose.Marketing));

    /// <summary>FR-COOL-01: no contact or attempt for 60 full calendar days after a refusal during a conversation.</summary>
    public static OutcomeCooldown RefusalCooldown { get; } = new OutcomeCooldown(
        new RuleMetadata("FR-COOL-01", D223_9 + " al. 3")
        {
            Description = "After the consumer refuses the canvassing during a conversation, the professional may not contact or attempt to contact them for 60 full calendar days: a refusal on day R blocks R … R+60.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Refused),
        CooldownSpan.OfFullDaysAfter(60),
        CountingKey.Caller);

    /// <summary>The <c>fr</c> pack.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("fr", new ContactRule[] { Hours, Holidays, Frequency, RefusalCooldown });
}
