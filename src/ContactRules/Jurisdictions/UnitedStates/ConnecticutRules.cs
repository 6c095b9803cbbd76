using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Connecticut: telephonic sales calls (Conn. Gen. Stat. ch. 743m, 42-284 ff.) as amended by
/// Public Act 23-98 (SB 1058), in force 1 October 2023.
/// </summary>
/// <remarks>
/// Telephonic sales calls only 09:00–20:00 at the called party's location (US-CT-01, until then
/// 09:00–21:00, not encoded), and only with the person's prior express written consent, live or
/// automated (US-CT-CONS-01: catalogue row US-CT-01 covers both; a second id in the catalogue's pattern keeps ids unique in a policy).
/// The consent record passed must be the written consent the Act asks for. The Act's listed
/// exemptions were not verified one by one and are not applied: the conservative reading. The
/// disclosure within 10 seconds is a duty during the call, outside what ContactRules decides.
/// </remarks>
public static class ConnecticutRules
{
    /// <summary>The date PA 23-98 came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2023, 10, 1);

    /// <summary>The citation of the Act.</summary>
    public const string Citation = "Conn. Gen. Stat. 42-288a (PA 23-98, SB 1058)";

    /// <summary>US-CT-01: telephonic sales calls only 09:00–20:00 at the called party's location.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-CT-01", Citation)
        {
            Description = "No telephonic sales call or text before 9:00 a.m. or after 8:00 p.m. local time at the called party's location.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = UnitedStatesRules.Telemarketing,
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(9, 20)));

    /// <summary>US-CT-CONS-01: no telephonic sales call without the person's prior express written consent.</summary>
    public static ConsentRequirement Consent { get; } = new ConsentRequirement(
        new RuleMetadata("US-CT-CONS-01", Citation)
        {
            Description = "No telephonic sales call or text, live or automated, without the person's prior express written consent.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = UnitedStatesRules.Telemarketing,
        });

    /// <summary>The <c>us-ct</c> pack: US-CT-01 and US-CT-CONS-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-ct", new ContactRule[] { Hours, Consent });
}
