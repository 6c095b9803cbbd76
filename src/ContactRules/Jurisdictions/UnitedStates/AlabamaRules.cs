using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Alabama: telephone solicitation only Monday to Saturday 08:00–20:00, never on a Sunday or a
/// state holiday.
/// </summary>
/// <remarks>
/// The catalogue (regulations.md 2.4, 11.3) gives the hours from a secondary table and the
/// Sunday and holiday ban as [R], citing Ala. Code 8-19A and the Public Service Commission's
/// telephone rules, whose reach beyond telephone utilities is disputed. The protective reading
/// is encoded: the ban applies to every telephone solicitation call and text, with no consent
/// exemption. Select this pack for contacts in Alabama.
/// </remarks>
public static class AlabamaRules
{
    /// <summary>The citation the catalogue gives.</summary>
    public const string Citation = "Ala. Code 8-19A (Alabama Telemarketing Act) and the Alabama Public Service Commission's telephone solicitation rules, as secondary sources read them";

    /// <summary>US-AL-01: Monday–Saturday 08:00–20:00 at the called party's location, no Sunday.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-AL-01", Citation)
        {
            Description = "Telephone solicitation only Monday to Saturday, 8:00 a.m. to 8:00 p.m. at the called party's location, never on Sunday.",
            Scope = UnitedStatesRules.Telemarketing,
            Reading = "No consent exemption is applied (secondary sources mention one for Sundays only). The catalogue gives no start date: applied at every date.",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: hours V2 (a vendor's table), Sunday and holiday ban R; the statute text was not seen.",
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 20)).With(IsoDayOfWeek.Sunday));

    /// <summary>US-AL-HOL-01: no telephone solicitation on an Alabama state holiday or a federal holiday.</summary>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("US-AL-HOL-01", Citation + "; holidays: Ala. Code 1-3-8")
        {
            Description = "No telephone solicitation on a state holiday of Ala. Code 1-3-8 (on its date and on its observed weekday) or a federal holiday.",
            Scope = UnitedStatesRules.Telemarketing,
            Reading = "The holiday list is the union of Ala. Code 1-3-8, Juneteenth and the federal holidays, each on its date and on the weekday it is observed; Mardi Gras, a holiday in Baldwin and Mobile counties only, is applied to all of Alabama.",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: R. The list of 1-3-8 was read in an unofficial reproduction and press reports.",
        },
        UnitedStatesHolidays.Alabama);

    /// <summary>The <c>us-al</c> pack: US-AL-01 and US-AL-HOL-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-al", new ContactRule[] { Hours, Holidays });
}
