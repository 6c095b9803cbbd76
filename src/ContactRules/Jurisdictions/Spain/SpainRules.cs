using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Spain: the right not to receive unwanted commercial calls (Ley 11/2022 General de
/// Telecomunicaciones, art. 66.1.b, read with AEPD Circular 1/2023) and the Lista Robinson
/// (LOPDGDD art. 23.4).
/// </summary>
/// <remarks>
/// The pack carries the GDPR objection (EU-OBJ-01) and consent for automated calls
/// (EU-AUTO-01, transposed by art. 66.1.a): the customer exemption of ES-CONS-01 does not reach
/// automated calls. Ley 10/2025 (consents renewed every 2 years, the 400 prefix) is not in the
/// pack yet: its obligations apply after a 12-month adaptation period.
/// </remarks>
public static class SpainRules
{
    /// <summary>Commercial calls.</summary>
    public static RuleScope CommercialCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>
    /// AEPD Circular 1/2023: legitimate interest for customers and, for a year, former customers,
    /// about similar products of the same company.
    /// </summary>
    public static RuleExemption CustomerLegitimateInterest { get; } = new CustomerExemption(
        12,
        "a customer, or a former customer whose last purchase was less than 12 months ago, called by the same company about products similar to those of their contract (legitimate interest, AEPD Circular 1/2023)");

    /// <summary>ES-CONS-01: no commercial call without prior consent or, for customers, legitimate interest.</summary>
    /// <remarks>
    /// Art. 66.1.b admits another GDPR art. 6.1 basis; the AEPD accepts legitimate interest
    /// mainly for customers and former customers (relationship ended less than a year before
    /// without further interaction), similar products, the same company (not group companies).
    /// The pack reads "similar products" as <see cref="ContractStatus.RelatedToPurpose"/> and
    /// counts the year from <see cref="Contact.LastPurchase"/>, which ends no later than counting
    /// from the end of the relationship. No other legal basis is modelled.
    /// </remarks>
    public static ConsentRequirement PriorConsent { get; } = new ConsentRequirement(
        new RuleMetadata("ES-CONS-01", "Ley 11/2022 General de Telecomunicaciones, art. 66.1.b; AEPD Circular 1/2023")
        {
            Description = "No commercial call without the person's prior consent, except to a customer or a former customer of less than a year about similar products of the same company.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V1 (BOE) for the article; V2 for the legitimate-interest criteria.",
            InForce = InForcePeriod.Since(new LocalDate(2023, 6, 29)),
            Scope = CommercialCalls,
            Exemptions = ImmutableArray.Create(CustomerLegitimateInterest),
        });

    /// <summary>ES-LIST-01: no commercial call to a person on the Lista Robinson, 30 days after registration, unless they consented to this company.</summary>
    /// <remarks>
    /// Sources conflict on when a registration takes effect (30 days, or "from the second month"):
    /// the pack takes 30 days, the shorter delay, which protects the person sooner. Only consent
    /// to this company lifts it (LOPDGDD art. 23.4; AEPD: Robinson registrants only with consent).
    /// In force with the LOPDGDD (7 December 2018); the earlier exclusion duty of RD 1720/2007 is
    /// not modelled.
    /// </remarks>
    public static OptOutSuppression Robinson { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("ES-LIST-01", "Ley Orgánica 3/2018 (LOPDGDD), art. 23.4")
        {
            Description = "No commercial call to a person registered on the Lista Robinson, from 30 days after registration, unless they consented to this company's calls.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2; sources conflict on the delay (30 days or 2 months).",
            Reading = "The shorter delay, 30 days, protects the person sooner.",
            InForce = InForcePeriod.Since(new LocalDate(2018, 12, 7)),
            Scope = CommercialCalls,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(false, "the person's consent to this company's commercial calls")),
        },
        ContactRegistry.Robinson,
        Duration.FromDays(30));

    /// <summary>ES-EMSG-01: no commercial message by electronic means without the person's prior consent, live or automated; the soft opt-in counts for the caller's own similar products.</summary>
    /// <remarks>
    /// A consent to messages (a voice consent never covers a message; a consent that names no
    /// channel does not count) or the caller's soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>),
    /// read with <see cref="EuropeanUnionRules.MessageConsent"/>; a STOP or an objection made after
    /// it ends either and is reported here (and under EU-OBJ-01 for an objection). In force at
    /// every date: the LSSI (2002) predates any date ContactRules evaluates; the day is not verified.
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = EuropeanUnionRules.MessageConsentRequirement(
        "ES-EMSG-01",
        "Ley 34/2002 de servicios de la sociedad de la información (LSSI), art. 21",
        "No commercial message (SMS, e-mail) without the person's prior consent to messages, live or automated; the soft opt-in counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.SecondarySource,
        "Catalogue: V2 (LSSI art. 21).");

    /// <summary>The <c>es</c> pack: ES-CONS-01, ES-LIST-01, ES-EMSG-01, EU-OBJ-01, EU-AUTO-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("es", new ContactRule[]
    {
        PriorConsent, Robinson, MarketingMessageConsent, EuropeanUnionRules.Objection, EuropeanUnionRules.AutomatedCallConsent,
    });
}
