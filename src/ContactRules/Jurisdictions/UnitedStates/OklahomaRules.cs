using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Oklahoma: the Telephone Solicitation Act of 2022 (15 O.S. 775C.1 ff., HB 3168), in force
/// 1 November 2022.
/// </summary>
/// <remarks>
/// Commercial telephonic sales calls only 08:00–20:00 at the called party's location
/// (US-OK-01), and at most 3 in any 24 hours to a person on the same subject matter, from any
/// number (US-OK-FREQ-01: catalogue row US-OK-01 covers both; a second id in the catalogue's pattern keeps ids unique in a policy).
/// The Act's exemptions (an established business relationship among them) were not verified
/// rule by rule and are not applied: the conservative reading. Select this pack for contacts in
/// Oklahoma; texts are counted and limited like calls.
/// </remarks>
public static class OklahomaRules
{
    /// <summary>The date HB 3168 came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2022, 11, 1);

    /// <summary>The citation of the Act.</summary>
    public const string Citation = "15 O.S. 775C.1 ff. (Telephone Solicitation Act of 2022, HB 3168)";

    /// <summary>US-OK-01: commercial telephonic sales calls only 08:00–20:00 at the called party's location.</summary>
    public static CallingWindow Hours { get; } = StateCallingRules.EightToEight(
        "US-OK-01",
        Citation,
        "No commercial telephonic sales call or text before 8:00 a.m. or after 8:00 p.m. local time at the called party's location.",
        InForceFrom,
        VerificationLevel.OfficialText,
        "Catalogue: V1 (enrolled bill); V2.");

    /// <summary>US-OK-FREQ-01: at most 3 commercial telephonic sales calls in any 24 hours on the same subject matter, from any number.</summary>
    public static FrequencyCap Frequency { get; } = StateCallingRules.ThreeInAny24HoursPerSubject(
        "US-OK-FREQ-01",
        Citation,
        "No more than 3 commercial telephonic sales calls or texts to a person in a 24-hour period on the same subject matter, regardless of the number used.",
        InForceFrom,
        VerificationLevel.OfficialText,
        "Catalogue: V1 (enrolled bill); V2.");

    /// <summary>The <c>us-ok</c> pack: US-OK-01 and US-OK-FREQ-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-ok", new ContactRule[] { Hours, Frequency });
}
