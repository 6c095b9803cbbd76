using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Italy: the telemarketing code of conduct approved by the Garante per la protezione dei dati
/// personali (in force 28 September 2024), binding on its signatories: calls Monday to Friday
/// 09:00–20:00, on Saturdays and on the eves of holidays 10:00–19:00, never on Sundays or
/// holidays. An opt-in pack, <c>it-code</c>, separate from <c>it</c>: combine <c>it+it-code</c>
/// when the caller or its principal signed the code.
/// </summary>
/// <remarks>
/// Three rules: the weekly hours (IT-CODE-01), no calls on a national holiday (IT-CODE-HOL-01)
/// and the Saturday hours on the eve of a national holiday (IT-CODE-EVE-01). Times are the
/// called person's local time. The code covers telemarketing calls; texts are outside it.
/// </remarks>
public static class ItalianTelemarketingCodeRules
{
    /// <summary>The citation of the code.</summary>
    public const string Citation = "Codice di condotta per le attività di telemarketing e teleselling (Garante privacy, approved 2024; in force 28 September 2024), hours of calls";

    /// <summary>The date the code came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2024, 9, 28);

    /// <summary>Telemarketing calls.</summary>
    public static RuleScope MarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    private const string Source = "Catalogue 11.4: V2 (secondary sources on the code; its text was not seen).";

    /// <summary>IT-CODE-01: Monday–Friday 09:00–20:00, Saturday 10:00–19:00, never on Sunday.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("IT-CODE-01", Citation)
        {
            Description = "Telemarketing calls only Monday to Friday 9:00–20:00 and Saturday 10:00–19:00, never on Sunday, in the called person's local time.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = MarketingCalls,
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = Source,
        },
        WeeklyHours.Weekdays(LocalTimeInterval.Hours(9, 20)).With(IsoDayOfWeek.Saturday, LocalTimeInterval.Hours(10, 19)));

    /// <summary>IT-CODE-HOL-01: no telemarketing call on an Italian national holiday.</summary>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("IT-CODE-HOL-01", Citation)
        {
            Description = "No telemarketing call on an Italian national holiday.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = MarketingCalls,
            Reading = "Holidays are the national ones (Legge 260/1949, with 4 October from 2026); a local patron saint's day is not known for a contact and is not applied.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = Source,
        },
        ItalianHolidays.National);

    /// <summary>IT-CODE-EVE-01: on the eve of a national holiday, telemarketing calls only 10:00–19:00.</summary>
    public static CalendarDayHours Eves { get; } = new CalendarDayHours(
        new RuleMetadata("IT-CODE-EVE-01", Citation)
        {
            Description = "On the eve of an Italian national holiday (prefestivo), telemarketing calls only 10:00–19:00, as on Saturdays.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = MarketingCalls,
            Reading = "A pre-holiday is the day before a national holiday, whatever day of the week it is; a holiday that follows another (25 and 26 December) makes the first both a holiday and an eve, and the holiday rule refuses it whole.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = Source,
        },
        ItalianHolidays.Eves,
        LocalTimeInterval.Hours(10, 19));

    /// <summary>The <c>it-code</c> pack: IT-CODE-01, IT-CODE-HOL-01 and IT-CODE-EVE-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("it-code", new ContactRule[] { Hours, Holidays, Eves });
}
