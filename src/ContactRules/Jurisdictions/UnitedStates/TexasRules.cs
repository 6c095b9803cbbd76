using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Texas: telephone solicitation hours (Tex. Bus. &amp; Com. Code 301.051), extended to text
/// messages by SB 140 from 1 September 2025.
/// </summary>
/// <remarks>
/// <para>
/// Monday to Saturday 09:00–21:00 and Sunday 12:00–21:00 at the called party's location: for
/// calls at every date (US-TX-01), and for texts from 1 September 2025, when SB 140 made text and
/// image messages telephone solicitations (US-TX-02). Before that date a marketing text to Texas
/// is held only to the federal hours (US-HOURS-01).
/// </para>
/// <para>
/// The catalogue gives no start date for the hours: US-TX-01 is applied at every date. The
/// exemptions of 304.004 (an established business relationship, debt collection) belong to the
/// Texas no-call list; debt collection is outside this pack's scope anyway, and no relationship
/// exemption is applied to the hours: the conservative reading. Select this pack for contacts in
/// Texas.
/// </para>
/// </remarks>
public static class TexasRules
{
    /// <summary>The date SB 140 came into force: texts are telephone solicitations from then on.</summary>
    public static readonly LocalDate TextsAreSolicitationsFrom = new LocalDate(2025, 9, 1);

    private static readonly WeeklyHours SolicitationHours
        = WeeklyHours.EveryDay(LocalTimeInterval.Hours(9, 21)).With(IsoDayOfWeek.Sunday, LocalTimeInterval.Hours(12, 21));

    /// <summary>US-TX-01: solicitation calls Monday–Saturday 09:00–21:00, Sunday 12:00–21:00.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-TX-01", "Tex. Bus. & Com. Code 301.051")
        {
            Description = "No telephone solicitation call before 9:00 a.m. or after 9:00 p.m. on a weekday or Saturday, or before noon or after 9:00 p.m. on a Sunday, at the called party's location.",
            Scope = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing }),
            Reading = "No relationship exemption is applied to the hours (304.004's exemptions belong to the no-call list). Applied at every date: the catalogue gives none.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: hours V2, exemptions V1.",
        },
        SolicitationHours);

    /// <summary>US-TX-02: from 1 September 2025, solicitation texts are held to the same hours.</summary>
    public static CallingWindow TextHours { get; } = new CallingWindow(
        new RuleMetadata("US-TX-02", "Tex. Bus. & Com. Code ch. 302 and 301.051, as amended by SB 140 (2025)")
        {
            Description = "Text and image messages are telephone solicitations from 1 September 2025: no solicitation text before 9:00 a.m. or after 9:00 p.m. on a weekday or Saturday, or before noon or after 9:00 p.m. on a Sunday, at the called party's location.",
            InForce = InForcePeriod.Since(TextsAreSolicitationsFrom),
            Scope = new RuleScope(channels: new[] { ContactChannel.Sms }, purposes: new[] { ContactPurpose.Marketing }),
            Reading = "Read at the called party's location, as for calls (one secondary source says Texas local time; the called party's zone is the same for a Texas resident and safer for one outside). A consent-based text program is not exempted from the hours: the settlement of November 2025 exempted it from registration only.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue row US-TX-02: V2; law-firm alerts on SB 140 (2025).",
        },
        SolicitationHours);

    /// <summary>The <c>us-tx</c> pack: US-TX-01 and US-TX-02.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-tx", new ContactRule[] { Hours, TextHours });
}
