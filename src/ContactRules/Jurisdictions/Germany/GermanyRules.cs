using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Germany: the Act against Unfair Competition (UWG) on advertising calls to consumers: prior
/// express consent, and its documentation kept 5 years from the grant and from each use.
/// </summary>
/// <remarks>
/// There is no existing-customer exemption for telephone advertising to consumers (the soft
/// opt-in of § 7(3) is for electronic mail, SMS included: DE-EMSG-01) and no statutory calling
/// hours or frequency cap. The pack
/// treats every contact as a consumer contact: presumed consent for other market participants
/// (§ 7(2) Nr. 1, second case) is not modelled. It carries the GDPR objection (EU-OBJ-01);
/// DE-CONS-01 already covers automated calls, so EU-AUTO-01 is not repeated.
/// </remarks>
public static class GermanyRules
{
    /// <summary>The citation of UWG § 7.</summary>
    public const string Uwg7 = "Gesetz gegen den unlauteren Wettbewerb (UWG), § 7(2) Nr. 1 and Nr. 2";

    /// <summary>Advertising calls.</summary>
    public static RuleScope AdvertisingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>DE-CONS-01: no advertising call to a consumer without their prior express consent; automated calls likewise.</summary>
    /// <remarks>
    /// Giving a number, or being a customer, is not consent: it must be express and given
    /// beforehand. UWG 2004 (in force 8 July 2004) already required consent; "express" consent
    /// dates from 4 August 2009, and the numbering Nr. 1/Nr. 2 from 28 May 2022 (dates not
    /// verified in the rules catalogue). The pack applies the express-consent reading from 2004,
    /// which protects the consumer more.
    /// </remarks>
    public static ConsentRequirement PriorExpressConsent { get; } = new ConsentRequirement(
        new RuleMetadata("DE-CONS-01", Uwg7)
        {
            Description = "No advertising call to a consumer without their prior express consent; no existing-customer exemption; automated calling machines need the same consent.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            Reading = "Express consent is required from 2004, the reading that protects the consumer more than the presumed-consent wording before 2009.",
            InForce = InForcePeriod.Since(new LocalDate(2004, 7, 8)),
            Scope = AdvertisingCalls,
        });

    /// <summary>DE-PROOF-01: an advisory with the date until which the proof of the consent relied on must be kept.</summary>
    /// <remarks>
    /// UWG § 7a (Gesetz für faire Verbraucherverträge, in force 1 October 2021): document the
    /// consent when it is given and keep the proof for 5 years from the grant and after each use.
    /// The retention clock restarts at every use: keep until max(grant, this use) + 5 years; the
    /// advisory gives the end of that UTC date.
    /// </remarks>
    public static ConsentProofRetention ConsentProof { get; } = new ConsentProofRetention(
        new RuleMetadata("DE-PROOF-01", "Gesetz gegen den unlauteren Wettbewerb (UWG), § 7a")
        {
            Description = "Advisory: the proof of the consent relied on must be kept 5 years from its grant and from each use, and shown to the Bundesnetzagentur on request.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (nwb, lexetius).",
            Reading = "The retention is counted to the end of the UTC date 5 years after the later of the grant and the use.",
            InForce = InForcePeriod.Since(new LocalDate(2021, 10, 1)),
            Scope = AdvertisingCalls,
        },
        retentionYears: 5);

    /// <summary>DE-EMSG-01: no advertising message without the addressee's prior express consent, live or automated; the soft opt-in of § 7(3) counts for the caller's own similar products.</summary>
    /// <remarks>
    /// A consent to messages (a voice consent never covers a message; a consent that names no
    /// channel does not count) or the caller's soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>),
    /// read with <see cref="EuropeanUnionRules.MessageConsent"/>; a STOP or an objection made after
    /// it ends either and is reported here (and under EU-OBJ-01 for an objection). From UWG 2004
    /// (8 July 2004), like DE-CONS-01.
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = EuropeanUnionRules.MessageConsentRequirement(
        "DE-EMSG-01",
        "Gesetz gegen den unlauteren Wettbewerb (UWG), § 7(2) Nr. 2, § 7(3)",
        "No advertising message (SMS, e-mail) without the addressee's prior express consent to messages, live or automated; the soft opt-in of § 7(3) counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.OfficialText,
        "Catalogue: V1 (UWG § 7).",
        inForce: InForcePeriod.Since(new LocalDate(2004, 7, 8)));

    /// <summary>The <c>de</c> pack: DE-CONS-01, DE-PROOF-01, DE-EMSG-01 and EU-OBJ-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("de", new ContactRule[] { PriorExpressConsent, ConsentProof, MarketingMessageConsent, EuropeanUnionRules.Objection });
}
