using System;
using System.Collections.Immutable;
using ContactRules.Internal;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// New York: telemarketing (N.Y. Gen. Bus. Law 399-z): calling hours, and no unsolicited
/// telemarketing into an area under a declared state of emergency.
/// </summary>
/// <remarks>
/// <para>
/// Telemarketing only 08:00–21:00 at the customer's location, unless the customer expressly
/// consented to a call at a different time (US-NY-01). No unsolicited telemarketing sales call
/// to a person in a county, city, town or village under a declared state of emergency or disaster
/// emergency (US-NY-EMERG-01, 399-z(5-a), from 18 December 2019): the declared days are a
/// calendar the user feeds, as for Louisiana (<see cref="WithEmergencies(HolidayCalendar)"/>).
/// </para>
/// <para>
/// <see cref="Pack"/> carries an empty emergency calendar. Select this pack for contacts in New
/// York.
/// </para>
/// </remarks>
public static class NewYorkRules
{
    /// <summary>The citation of New York's telemarketing law.</summary>
    public const string Citation = "N.Y. Gen. Bus. Law 399-z";

    /// <summary>The date 399-z(5-a) came into force (L. 2019, ch. 680).</summary>
    public static readonly LocalDate EmergencyBanInForce = new LocalDate(2019, 12, 18);

    private static readonly HolidayCalendar NoDeclaredEmergency = HolidayCalendar.FromDates(
        "declared states of emergency in New York (none fed)",
        Array.Empty<(LocalDate, string)>());

    /// <summary>US-NY-01: telemarketing only 08:00–21:00 at the customer's location.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-NY-01", Citation + "(2)")
        {
            Description = "No telemarketing call or text before 8:00 a.m. or after 9:00 p.m. at the customer's location, unless the customer expressly consented to a call at a different time.",
            Scope = UnitedStatesRules.Telemarketing,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(
                outsideHoursOnly: true,
                "the customer's express consent to a call at a different time")),
            Reading = "Only a consent that names calls outside the legal hours lifts them. The catalogue gives no start date: applied at every date.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue row US-NY-01: V2 for the hours; the text of 399-z(2) was seen in an unofficial reproduction.",
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)));

    /// <summary>The <c>us-ny</c> pack, with no declared emergency: US-NY-01 and US-NY-EMERG-01.</summary>
    public static ContactPolicy Pack { get; } = WithEmergencies(NoDeclaredEmergency);

    /// <summary>
    /// The <c>us-ny</c> pack with the days of declared states of emergency the user feeds, on
    /// which no telemarketing is made (US-NY-EMERG-01).
    /// </summary>
    /// <param name="emergencies">The local dates of the declared emergencies.</param>
    /// <returns>The policy, with id <c>us-ny</c>.</returns>
    public static ContactPolicy WithEmergencies(HolidayCalendar emergencies)
        => new ContactPolicy("us-ny", new ContactRule[] { Hours, Emergencies(emergencies) });

    /// <summary>US-NY-EMERG-01: no telemarketing on the days of a declared state of emergency.</summary>
    /// <param name="emergencies">The local dates of the declared emergencies.</param>
    /// <returns>The rule.</returns>
    public static HolidayExclusion Emergencies(HolidayCalendar emergencies)
        => new HolidayExclusion(
            new RuleMetadata("US-NY-EMERG-01", Citation + "(5-a) (L. 2019, ch. 680)")
            {
                Description = "No unsolicited telemarketing call or text to a person in an area under a declared state of emergency or disaster emergency (the declared days, fed by the user).",
                InForce = InForcePeriod.Since(EmergencyBanInForce),
                Scope = UnitedStatesRules.Telemarketing,
                Reading = "Applied to every contact of the pack on a declared day, wherever in New York the person is (a declaration names counties, cities, towns or villages; a contact's is not known), and to every telemarketing call: the statute's exemptions for calls at the customer's express request and to established business relationships are not applied. Feed only the days of declarations that reach the person's area, when known.",
                Verification = VerificationLevel.Unconfirmed,
                VerificationNote = "Catalogue row US-NY-01: R for the emergency ban. Law-firm alerts (2019–2021) quote 399-z(5-a); a 2025 bill would limit it to declarations that find telemarketing impairs the response.",
            },
            Preconditions.CheckNotNull(emergencies, nameof(emergencies)));
}
