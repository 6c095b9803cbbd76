using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Maine: the telephone solicitation law (Me. Rev. Stat. tit. 10, 1499-B) as amended by LD 2234
/// (2024), in force 16 July 2024: the FCC's Reassigned Numbers Database must be checked before a
/// telephone sales call.
/// </summary>
/// <remarks>
/// US-ME-RND-01 refuses a telephone sales call (or text) when the number was not checked against
/// the database before it (<see cref="Contact.ReassignedNumbersCheckedAt"/>). What the check
/// found (<see cref="Contact.LastPermanentDisconnection"/>) voids every consent granted up to the
/// number's last permanent disconnection, under every pack (US-RND-01 in the <c>us</c> pack says
/// so where a consent is required). Select this pack for contacts in Maine.
/// </remarks>
public static class MaineRules
{
    /// <summary>The date LD 2234 came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2024, 7, 16);

    /// <summary>US-ME-RND-01: no telephone sales call before the number was checked against the Reassigned Numbers Database.</summary>
    public static ReassignedNumbersCheck ReassignedNumbers { get; } = new ReassignedNumbersCheck(
        new RuleMetadata("US-ME-RND-01", "Me. Rev. Stat. tit. 10, 1499-B(6), as amended by LD 2234 (2024)")
        {
            Description = "No telephone sales call or text without first checking the number against the FCC's Reassigned Numbers Database; a consent given before the number's last permanent disconnection is void.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = UnitedStatesRules.Telemarketing,
            Reading = "The statute does not apply to calls made at the express request of the person called or to an established business relationship; neither exemption is applied (a request or relationship of the number's previous holder is exactly what the check is for). Texts are held to it like calls. Any earlier check satisfies the rule: the law sets no age for it.",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue row US-ME-RND-01: R. Law-firm alerts (2024) quote the amended 1499-B(6); the catalogue cites §1498.",
        });

    /// <summary>The <c>us-me</c> pack: US-ME-RND-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-me", new ContactRule[] { ReassignedNumbers });
}
