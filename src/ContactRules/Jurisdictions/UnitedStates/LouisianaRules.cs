using System;
using ContactRules.Internal;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Louisiana: the Public Service Commission's telephone solicitation rules (LPSC General Order
/// R-29617; La. R.S. 45:844.31, 45:811).
/// </summary>
/// <remarks>
/// <para>
/// Monday to Saturday 08:00–20:00 at the called party's location, never on Sunday (US-LA-01); never
/// on a legal holiday (US-LA-HOL-01, <see cref="UnitedStatesHolidays.Louisiana"/> plus the
/// holidays a governor declares, which the user feeds); no telephonic solicitation at all on the
/// days of a declared state of emergency while the Commission staffs the emergency operations
/// centre (US-LA-EMERG-01, a calendar the user feeds: the declarations cannot be computed).
/// </para>
/// <para>
/// <see cref="Pack"/> carries an empty emergency calendar: it knows no declaration. Build the
/// policy with <see cref="WithEmergencies(HolidayCalendar)"/> and keep the calendar current. The
/// catalogue gives no start date: the rules are applied at every date. The consent and
/// business-to-business exemptions are not applied: the conservative reading. Select this pack
/// for contacts in Louisiana.
/// </para>
/// </remarks>
public static class LouisianaRules
{
    /// <summary>The citation of the LPSC rules.</summary>
    public const string Citation = "LPSC General Order R-29617; La. R.S. 45:844.31";

    private static readonly HolidayCalendar NoDeclaredEmergency = HolidayCalendar.FromDates(
        "declared states of emergency (none fed)",
        Array.Empty<(LocalDate, string)>());

    /// <summary>US-LA-01: Monday–Saturday 08:00–20:00 at the called party's location, no Sunday.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-LA-01", Citation)
        {
            Description = "Telephonic solicitation only Monday to Saturday, 8:00 a.m. to 8:00 p.m. at the called party's location, never on Sunday.",
            Scope = UnitedStatesRules.Telemarketing,
            Reading = "The consent and business-to-business exemptions are not applied. The catalogue gives no start date: applied at every date.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V1 (LPSC notice); V2.",
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 20)).With(IsoDayOfWeek.Sunday));

    /// <summary>US-LA-HOL-01: no telephonic solicitation on a Louisiana legal holiday.</summary>
    public static HolidayExclusion LegalHolidays { get; } = Holidays(UnitedStatesHolidays.Louisiana);

    /// <summary>The <c>us-la</c> pack, with no declared emergency: US-LA-01, US-LA-HOL-01, US-LA-EMERG-01.</summary>
    public static ContactPolicy Pack { get; } = WithEmergencies(NoDeclaredEmergency);

    /// <summary>
    /// The <c>us-la</c> pack with the days of declared states of emergency the user feeds, on
    /// which no telephonic solicitation is made (US-LA-EMERG-01).
    /// </summary>
    /// <param name="emergencies">The local dates of the declared emergencies.</param>
    /// <returns>The policy, with id <c>us-la</c>.</returns>
    public static ContactPolicy WithEmergencies(HolidayCalendar emergencies)
        => new ContactPolicy("us-la", new ContactRule[] { Hours, LegalHolidays, Emergencies(emergencies) });

    /// <summary>
    /// The <c>us-la</c> pack with the days of declared states of emergency and the holidays a
    /// governor declared ad hoc (for example 3 July 2023), both fed by the user.
    /// </summary>
    /// <param name="emergencies">The local dates of the declared emergencies.</param>
    /// <param name="declaredHolidays">The holidays declared by the governor, added to the legal holidays.</param>
    /// <returns>The policy, with id <c>us-la</c>.</returns>
    public static ContactPolicy WithEmergencies(HolidayCalendar emergencies, HolidayCalendar declaredHolidays)
    {
        Preconditions.CheckNotNull(declaredHolidays, nameof(declaredHolidays));
        return WithEmergencies(emergencies).WithAddedHolidays(LegalHolidays.Id, declaredHolidays);
    }

    /// <summary>US-LA-EMERG-01: no telephonic solicitation on the days of a declared state of emergency.</summary>
    /// <param name="emergencies">The local dates of the declared emergencies.</param>
    /// <returns>The rule.</returns>
    public static HolidayExclusion Emergencies(HolidayCalendar emergencies)
        => new HolidayExclusion(
            new RuleMetadata("US-LA-EMERG-01", Citation + "; LPSC emergency notice")
            {
                Description = "No telephonic solicitation at all during a declared state of emergency for which the Commission staffs the emergency operations centre (the declared days, fed by the user).",
                Scope = UnitedStatesRules.Telemarketing,
                Reading = "No exemption applies during an emergency, consent included.",
                Verification = VerificationLevel.OfficialText,
                VerificationNote = "Catalogue: V1 (LPSC emergency notice).",
            },
            Preconditions.CheckNotNull(emergencies, nameof(emergencies)));

    private static HolidayExclusion Holidays(HolidayCalendar calendar)
        => new HolidayExclusion(
            new RuleMetadata("US-LA-HOL-01", Citation + "; holidays: La. R.S. 1:55")
            {
                Description = "No telephonic solicitation on a legal holiday (La. R.S. 1:55, the general election day of even-numbered years, the federal holidays), including holidays declared by the governor.",
                Scope = UnitedStatesRules.Telemarketing,
                Reading = "\"Legal holidays\" are read as the union of R.S. 1:55(A)(1), the general election day of every even-numbered year (a holiday of the state's offices under 1:55, not of 1:55(A)(1)), Inauguration Day (Baton Rouge only, applied statewide) and the federal holidays with their observed weekdays. The parish Saturdays of 1:55(A)(1) are not: the Commission's rule allows Saturdays.",
                Verification = VerificationLevel.Unconfirmed,
                VerificationNote = "Catalogue: V1 (LPSC notice) for the ban; R for whether 1:55 includes election days. R.S. 1:55(A)(1) was read in the statute's text (legis.la.gov); the election day only in secondary sources.",
            },
            calendar);
}
