using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Florida: the Telemarketing Act's calling rules as amended by SB 1120 (Fla. Stat. 501.616(6)),
/// in force 1 July 2021.
/// </summary>
/// <remarks>
/// <para>
/// Commercial telephone solicitation only 08:00–20:00 at the called person's location (US-FL-02);
/// at most 3 such calls to a person on the same subject matter or issue in any 24 hours,
/// whatever number they come from (US-FL-01). No exemption is applied to either.
/// </para>
/// <para>
/// Select this pack for contacts in Florida (Florida law presumes a Florida area code reaches a
/// Florida resident); the rules do not check <see cref="Contact.Region"/>, so that a contact of
/// unknown region is never let through. Texts are counted and limited like calls (the FTSA's
/// "telephonic sales call" includes them). The 2023 amendments (consent for automated systems,
/// STOP for texts, US-FL-03) are not encoded here: US-CONS-01 of the <c>us</c> pack already
/// requires consent for every automated contact.
/// </para>
/// </remarks>
public static class FloridaRules
{
    /// <summary>The date SB 1120 came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2021, 7, 1);

    /// <summary>US-FL-02: commercial telephone solicitation only 08:00–20:00 at the called person's location.</summary>
    public static CallingWindow Hours { get; } = StateCallingRules.EightToEight(
        "US-FL-02",
        "Fla. Stat. 501.616(6)(a) (SB 1120, 2021)",
        "No commercial telephone solicitation call or text before 8:00 a.m. or after 8:00 p.m. local time at the called person's location.",
        InForceFrom,
        VerificationLevel.OfficialText,
        "Catalogue: V1 (bill text).");

    /// <summary>
    /// US-FL-01: at most 3 commercial telephone solicitation calls to a person on the same subject
    /// matter or issue within 24 hours, from any number.
    /// </summary>
    /// <remarks>Rolling: a call exactly 24 hours earlier no longer counts. Every placed call counts, answered or not.</remarks>
    public static FrequencyCap Frequency { get; } = StateCallingRules.ThreeInAny24HoursPerSubject(
        "US-FL-01",
        "Fla. Stat. 501.616(6)(b) (SB 1120, 2021)",
        "No more than 3 commercial telephone solicitation calls or texts to a person over a 24-hour period on the same subject matter or issue, regardless of the number used.",
        InForceFrom,
        VerificationLevel.OfficialText,
        "Catalogue: V1 (bill text).");

    /// <summary>The <c>us-fl</c> pack: US-FL-02 and US-FL-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-fl", new ContactRule[] { Hours, Frequency });
}
