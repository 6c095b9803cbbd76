using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Utah: the Telephone and Facsimile Solicitation Act (Utah Code 13-25a-103(3)): no telephone
/// solicitation without prior express consent between 21:00 and 08:00, on a Sunday or on a legal
/// holiday.
/// </summary>
/// <remarks>
/// Select this pack for contacts in Utah. The catalogue gives no start date: the rules are
/// applied at every date.
/// </remarks>
public static class UtahRules
{
    /// <summary>The citation of the Act's calling times.</summary>
    public const string Citation = "Utah Code 13-25a-103(3)";

    /// <summary>The person's prior express consent, which lifts the Act's calling times.</summary>
    public static RuleExemption PriorExpressConsent { get; } = new ConsentExemption(
        outsideHoursOnly: true,
        "the person's prior express consent to be called at such times");

    /// <summary>US-UT-01: telephone solicitation only 08:00–21:00, never on Sunday, unless the person consented.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-UT-01", Citation + "(a)-(b)")
        {
            Description = "No telephone solicitation between 9:00 p.m. and 8:00 a.m. local time, nor on a Sunday, without the person's prior express consent.",
            Scope = UnitedStatesRules.Telemarketing,
            Exemptions = ImmutableArray.Create(PriorExpressConsent),
            Reading = "Only a consent that names calls outside the legal times lifts them; texts are held to the times like calls.",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: hours R, Sunday and holiday ban with consent exemption V2; the text of 13-25a-103(3) was read in an unofficial reproduction.",
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)).With(IsoDayOfWeek.Sunday));

    /// <summary>US-UT-HOL-01: no telephone solicitation on a Utah legal holiday, unless the person consented.</summary>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("US-UT-HOL-01", Citation + "(c); holidays: Utah Code 63G-1-301")
        {
            Description = "No telephone solicitation on a Utah legal holiday (Pioneer Day included), on its date or its observed day, without the person's prior express consent.",
            Scope = UnitedStatesRules.Telemarketing,
            Exemptions = ImmutableArray.Create(PriorExpressConsent),
            Reading = "Both a holiday's date and the day it is observed are refused; the federal holidays are added. Days proclaimed by the President or the governor are fed by the user (ContactPolicy.WithAddedHolidays).",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: R for the list (\"exact lists per statute\"); 63G-1-301 was read in unofficial reproductions (2022 and 2025 texts).",
        },
        UnitedStatesHolidays.Utah);

    /// <summary>The <c>us-ut</c> pack: US-UT-01 and US-UT-HOL-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-ut", new ContactRule[] { Hours, Holidays });
}
