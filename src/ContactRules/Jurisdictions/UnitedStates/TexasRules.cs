using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Texas: telephone solicitation hours (Tex. Bus. &amp; Com. Code 301.051).
/// </summary>
/// <remarks>
/// Monday to Saturday 09:00–21:00 and Sunday 12:00–21:00 at the called party's location
/// (US-TX-01). The catalogue gives no start date: the rule is applied at every date. The
/// exemptions of 304.004 (an established business relationship, debt collection) belong to the
/// Texas no-call list; debt collection is outside this pack's scope anyway, and no relationship
/// exemption is applied to the hours: the conservative reading. Select this pack for contacts in
/// Texas.
/// </remarks>
public static class TexasRules
{
    /// <summary>US-TX-01: Monday–Saturday 09:00–21:00, Sunday 12:00–21:00.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-TX-01", "Tex. Bus. & Com. Code 301.051")
        {
            Description = "No telephone solicitation before 9:00 a.m. or after 9:00 p.m. on a weekday or Saturday, or before noon or after 9:00 p.m. on a Sunday, at the called party's location.",
            Scope = UnitedStatesRules.Telemarketing,
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(9, 21)).With(IsoDayOfWeek.Sunday, LocalTimeInterval.Hours(12, 21)));

    /// <summary>The <c>us-tx</c> pack: US-TX-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-tx", new ContactRule[] { Hours });
}
