using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Italy: the Registro Pubblico delle Opposizioni (L. 5/2018; DPR 26/2022), which covers mobile
/// numbers since 27 July 2022 and revokes the marketing consents given before registration.
/// </summary>
/// <remarks>
/// The pack carries the GDPR objection (EU-OBJ-01) and consent for automated calls (EU-AUTO-01,
/// transposed by the Codice privacy, art. 130).
/// </remarks>
public static class ItalyRules
{
    /// <summary>Marketing calls.</summary>
    public static RuleScope MarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>IT-LIST-01: no marketing call to a number on the RPO, 15 days after registration, unless the person consented after registering.</summary>
    /// <remarks>
    /// Registration revokes every marketing consent given before it, so only a consent granted
    /// after the registration (<see cref="ConsentReading.VoidedByRegistrationOn"/>) lifts it; a
    /// new registration wipes later consents again. Calls become unlawful at the latest 15 days
    /// after registration, and operators must consult the register every 15 days: a scrub older
    /// than 15 days (<see cref="ContactRequest.RegistrySnapshotAt"/>) refuses every call. The
    /// exception for consents given within contracts in force or ended less than 30 days before
    /// (L. 5/2018 art. 1(5)) is not verified and not modelled.
    /// </remarks>
    public static OptOutSuppression Rpo { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("IT-LIST-01", "Legge 11 gennaio 2018, n. 5; DPR 27 gennaio 2022, n. 26")
        {
            Description = "No marketing call to a number registered on the Registro Pubblico delle Opposizioni, from 15 days after registration; registration revokes earlier consents; the register must be consulted every 15 days.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2; the contract exception of L. 5/2018 art. 1(5) was not found (R) and is not applied.",
            Reading = "Only a consent given after the registration lifts it; the contract exception is not applied.",
            InForce = InForcePeriod.Since(new LocalDate(2022, 7, 27)),
            Scope = MarketingCalls,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(false, "a consent to this company's marketing calls given after the registration (registration revokes earlier consents)")
            {
                ConsentReading = new ConsentReading { VoidedByRegistrationOn = ContactRegistry.Rpo },
            }),
        },
        ContactRegistry.Rpo,
        Duration.FromDays(15),
        maxSnapshotAge: Duration.FromDays(15));

    /// <summary>IT-EMSG-01: no marketing message without the person's prior consent, live or automated; the soft opt-in of art. 130(4) counts for the caller's own similar products.</summary>
    /// <remarks>
    /// A consent to messages (a voice consent never covers a message; a consent that names no
    /// channel does not count) or the caller's soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>),
    /// read with <see cref="EuropeanUnionRules.MessageConsent"/>; a STOP or an objection made after
    /// it ends either and is reported here (and under EU-OBJ-01 for an objection). In force at
    /// every date: the Codice (2003) predates any date ContactRules evaluates; the day is not verified.
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = EuropeanUnionRules.MessageConsentRequirement(
        "IT-EMSG-01",
        "Codice in materia di protezione dei dati personali (D.Lgs. 196/2003), art. 130",
        "No marketing message (SMS, e-mail) without the person's prior consent to messages, live or automated; the soft opt-in of art. 130(4) counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.SecondarySource,
        "Catalogue: V2 (Codice privacy art. 130).");

    /// <summary>The <c>it</c> pack: IT-LIST-01, IT-EMSG-01, EU-OBJ-01, EU-AUTO-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("it", new ContactRule[]
    {
        Rpo, MarketingMessageConsent, EuropeanUnionRules.Objection, EuropeanUnionRules.AutomatedCallConsent,
    });
}
