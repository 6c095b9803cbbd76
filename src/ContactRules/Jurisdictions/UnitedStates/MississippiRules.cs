using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Mississippi: telephone solicitation hours (Miss. Code 77-3-723), on the statute's own clock.
/// </summary>
/// <remarks>
/// Monday to Saturday 08:00–20:00 Central Standard Time, never on Sunday (US-MS-01). The statute
/// names Central <em>Standard</em> Time, so the window is evaluated at the fixed offset UTC-6 all
/// year, not in America/Chicago: in July, 08:00 CST is 09:00 CDT on a Jackson wall clock. The
/// day of the week is also read on that clock. 77-3-603 allows until 21:00; the stricter 20:00
/// of 77-3-723 is applied. The 6-month relationship exemption (V2 only) is not applied, and the
/// holiday ban, repealed in 2023–24 on a date not verified, is not encoded. The catalogue gives
/// no start date: the rule is applied at every date.
/// </remarks>
public static class MississippiRules
{
    /// <summary>Central Standard Time: UTC-6 all year.</summary>
    public static DateTimeZone CentralStandardTime { get; } = DateTimeZone.ForOffset(Offset.FromHours(-6));

    /// <summary>US-MS-01: Monday–Saturday 08:00–20:00 Central Standard Time, no Sunday.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-MS-01", "Miss. Code Ann. 77-3-723")
        {
            Description = "Telephone solicitation only Monday to Saturday, 8:00 a.m. to 8:00 p.m. Central Standard Time (UTC-6 all year), never on Sunday.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1.",
            Reading = "The relationship exemption (V2 only) is not applied; 77-3-723's 20:00 is applied rather than 77-3-603's 21:00.",
            Scope = UnitedStatesRules.Telemarketing,
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 20)).With(IsoDayOfWeek.Sunday),
        CentralStandardTime);

    /// <summary>The <c>us-ms</c> pack: US-MS-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-ms", new ContactRule[] { Hours });
}
