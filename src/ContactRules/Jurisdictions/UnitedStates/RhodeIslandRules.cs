using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Rhode Island: unsolicited telephonic sales calls only during the "hours of operation" (R.I.
/// Gen. Laws 5-61-3.6, 5-61-2): Monday to Friday 09:00–18:00 and Saturday 10:00–17:00, never on
/// a Sunday or a state or federal holiday.
/// </summary>
/// <remarks>
/// Select this pack for contacts in Rhode Island. The catalogue gives no start date: the rules
/// are applied at every date.
/// </remarks>
public static class RhodeIslandRules
{
    /// <summary>The citation of the Telephone Sales Solicitation Act's hours.</summary>
    public const string Citation = "R.I. Gen. Laws 5-61-3.6 and 5-61-2 (\"hours of operation\")";

    /// <summary>US-RI-01: Monday–Friday 09:00–18:00, Saturday 10:00–17:00, no Sunday.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-RI-01", Citation)
        {
            Description = "Unsolicited telephonic sales calls only Monday to Friday 9:00 a.m.–6:00 p.m. and Saturday 10:00 a.m.–5:00 p.m. at the called party's location, never on Sunday.",
            Scope = UnitedStatesRules.Telemarketing,
            Reading = "Texts are held to the hours like calls, and the hours are read at the called party's location (the statute names no clock).",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: V1 for 5-61-3.6, R for the hours; the definition in 5-61-2 was read in an unofficial reproduction.",
        },
        WeeklyHours.Weekdays(LocalTimeInterval.Hours(9, 18)).With(IsoDayOfWeek.Saturday, LocalTimeInterval.Hours(10, 17)));

    /// <summary>US-RI-HOL-01: no unsolicited telephonic sales call on a state or federal holiday.</summary>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("US-RI-HOL-01", Citation + "; holidays: R.I. Gen. Laws 25-1-1; 5 U.S.C. 6103")
        {
            Description = "No unsolicited telephonic sales call on a Rhode Island state holiday or a federal holiday, Saturdays included.",
            Scope = UnitedStatesRules.Telemarketing,
            Reading = "5-61-2 takes holidays out of the weekday hours; a holiday on a Saturday is refused too. The holidays are those of 25-1-1 (with the days state employees observe them, and the general election day of every even-numbered year) and the federal ones with their observed weekdays.",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: R. 25-1-1 was read in an unofficial reproduction.",
        },
        UnitedStatesHolidays.RhodeIsland);

    /// <summary>The <c>us-ri</c> pack: US-RI-01 and US-RI-HOL-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-ri", new ContactRule[] { Hours, Holidays });
}
