using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Virginia: the Virginia Telephone Privacy Protection Act (Va. Code 59.1-510 ff.), as amended by
/// SB 1339 (2025), in force 1 January 2026.
/// </summary>
/// <remarks>
/// <para>
/// Telephone solicitation calls and texts only 08:00–21:00 at the called person's location,
/// unless the person consented to be called at other hours (US-VA-01). A person who replied STOP
/// or UNSUBSCRIBE to a solicitation text must not be texted again for at least 10 years
/// (US-VA-STOP-01, from 1 January 2026); ContactRules honours it from the reply on and never
/// lifts it, as it does every company opt-out. Record the reply as a company <see cref="OptOut"/>
/// at the instant it was received (<see cref="RevocationReplies"/> tells which replies are).
/// </para>
/// <para>
/// Select this pack for contacts in Virginia (a Virginia area code, or a Virginia resident).
/// The catalogue cites 59.1-514 for the hours; the hours are in 59.1-511 and the opt-out in
/// 59.1-514, as the secondary sources read them.
/// </para>
/// </remarks>
public static class VirginiaRules
{
    /// <summary>The date SB 1339 came into force.</summary>
    public static readonly LocalDate TextOptOutInForce = new LocalDate(2026, 1, 1);

    /// <summary>US-VA-01: telephone solicitation only 08:00–21:00 at the called person's location.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-VA-01", "Va. Code 59.1-511 (Virginia Telephone Privacy Protection Act; catalogue: 59.1-514)")
        {
            Description = "No telephone solicitation call or text before 8:00 a.m. or after 9:00 p.m. at the called person's location, unless the person consented to be called at other hours.",
            Scope = UnitedStatesRules.Telemarketing,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(
                outsideHoursOnly: true,
                "the called person's prior consent to be called outside 8:00 a.m.–9:00 p.m.")),
            Reading = "Only a consent that names calls outside the legal hours lifts them: a consent to solicitation in general does not.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue row US-VA-01 (V2 for the hours); the section number from secondary summaries of the Act.",
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)));

    /// <summary>
    /// US-VA-STOP-01: after a person replied STOP or UNSUBSCRIBE to a solicitation text, no
    /// solicitation text for at least 10 years (honoured for good).
    /// </summary>
    public static OptOutSuppression TextStop { get; } = OptOutSuppression.Company(
        new RuleMetadata("US-VA-STOP-01", "Va. Code 59.1-514, as amended by SB 1339 (2025)")
        {
            Description = "A person who replied STOP or UNSUBSCRIBE to a solicitation text must not receive another for at least 10 years; honoured from the reply on, and never lifted by ContactRules.",
            InForce = InForcePeriod.Since(TextOptOutInForce),
            Scope = new RuleScope(channels: new[] { ContactChannel.Sms }, purposes: new[] { ContactPurpose.Marketing }),
            Reading = "The law's 10 years are a minimum: ContactRules never lifts an opt-out by itself. A company opt-out that names no channel covers texts too.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue row US-VA-01 gives V2 / R; SB 1339 and its 1 January 2026 date were seen in law-firm and government-relations summaries.",
        });

    /// <summary>The <c>us-va</c> pack: US-VA-01 and US-VA-STOP-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-va", new ContactRule[] { Hours, TextStop });
}
