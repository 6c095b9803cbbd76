using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Washington: telephone solicitation (RCW 80.36.390; RCW 19.158.040), as amended by HB 1497,
/// in force 9 June 2022.
/// </summary>
/// <remarks>
/// <para>
/// Telephone solicitation only 08:00–20:00 at the called party's location (US-WA-01). When the
/// called party says they do not wish to be called again, the solicitor may not call them again
/// for at least one year (US-WA-COOL-01: catalogue row US-WA-01 covers both; a second id in the
/// catalogue's pattern keeps ids unique in a policy). A "do not call again" is recorded as an attempt with outcome
/// <see cref="AttemptOutcome.Refused"/>; a company opt-out is honoured for good by US-IDNC-01.
/// </para>
/// <para>
/// "At least one year" is read on local dates: a refusal on date R blocks R … R+1 year inclusive
/// (the anniversary included) and contact is allowed again from the next date. The year is
/// counted per caller and person, across all the person's numbers (the statute says "at that
/// telephone number"; any number is the stricter reading). The statute's exemptions (a call at
/// the person's request, a purchase within 12 months, business-to-business) are not applied: the
/// conservative reading. The identification within 30 seconds and the end within 10 seconds are
/// duties during the call, outside what ContactRules decides.
/// </para>
/// </remarks>
public static class WashingtonRules
{
    /// <summary>The date HB 1497 came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2022, 6, 9);

    /// <summary>US-WA-01: telephone solicitation only 08:00–20:00 at the called party's location.</summary>
    public static CallingWindow Hours { get; } = StateCallingRules.EightToEight(
        "US-WA-01",
        "RCW 80.36.390(2); RCW 19.158.040(1) (HB 1497, 2022)",
        "No telephone solicitation before 8:00 a.m. or after 8:00 p.m. at the called party's location.",
        InForceFrom,
        VerificationLevel.OfficialText,
        "Catalogue: V1 (RCW text).");

    /// <summary>
    /// US-WA-COOL-01: after the called party says they do not wish to be called again, no
    /// solicitation by that caller for at least one year: a refusal on 10 March 2025 blocks
    /// through 10 March 2026.
    /// </summary>
    public static OutcomeCooldown DoNotCallAgain { get; } = new OutcomeCooldown(
        new RuleMetadata("US-WA-COOL-01", "RCW 80.36.390(3); RCW 19.158.040(2) (HB 1497, 2022)")
        {
            Description = "If the called party states that they do not wish to be called again, the solicitor may not call them again for at least one year (the refusal's local date through its anniversary).",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (RCW text).",
            Reading = "\"At least one year\" blocks the refusal's local date through its anniversary; counted across all the person's numbers; the statute's exemptions are not applied.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = UnitedStatesRules.Telemarketing,
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Refused).ForPurposes(ContactPurpose.Marketing),
        CooldownSpan.OfPeriodAfter(Period.FromYears(1)),
        CountingKey.Caller);

    /// <summary>The <c>us-wa</c> pack: US-WA-01 and US-WA-COOL-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-wa", new ContactRule[] { Hours, DoNotCallAgain });
}
