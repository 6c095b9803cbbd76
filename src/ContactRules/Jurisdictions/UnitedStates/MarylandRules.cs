using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Maryland: the Stop the Spam Calls Act of 2023 (SB 90; Md. Code, Com. Law 14-4501 ff.), in
/// force 1 January 2024.
/// </summary>
/// <remarks>
/// Telephone solicitation calls and texts only 08:00–20:00 at the called party's location
/// (US-MD-01), and at most 3 in any 24 hours to a person on the same subject matter, whatever
/// number they come from (US-MD-FREQ-01: catalogue row US-MD-01 covers both; a second
/// id in the catalogue's pattern keeps ids unique in a policy). Select this pack for contacts in Maryland.
/// </remarks>
public static class MarylandRules
{
    /// <summary>The date the Act came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2024, 1, 1);

    /// <summary>The citation of the Act.</summary>
    public const string Citation = "Md. Code, Com. Law 14-4501 ff. (Stop the Spam Calls Act of 2023, SB 90)";

    /// <summary>US-MD-01: telephone solicitation only 08:00–20:00 at the called party's location.</summary>
    public static CallingWindow Hours { get; } = StateCallingRules.EightToEight(
        "US-MD-01",
        Citation,
        "No telephone solicitation call or text before 8:00 a.m. or after 8:00 p.m. local time at the called party's location.",
        InForceFrom,
        VerificationLevel.SecondarySource,
        "Catalogue: V2.");

    /// <summary>US-MD-FREQ-01: at most 3 telephone solicitation calls or texts in any 24 hours on the same subject, from any number.</summary>
    public static FrequencyCap Frequency { get; } = StateCallingRules.ThreeInAny24HoursPerSubject(
        "US-MD-FREQ-01",
        Citation,
        "No more than 3 telephone solicitation calls or texts to a person in a 24-hour period on the same subject matter, regardless of the number used.",
        InForceFrom,
        VerificationLevel.SecondarySource,
        "Catalogue: V2.");

    /// <summary>The <c>us-md</c> pack: US-MD-01 and US-MD-FREQ-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-md", new ContactRule[] { Hours, Frequency });
}
