using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Belgium: the "Ne m'appelez plus" / "Bel me niet meer" list (Code de droit économique,
/// art. VI.111–VI.114).
/// </summary>
/// <remarks>
/// The pack carries the GDPR objection (EU-OBJ-01) and consent for automated calls (EU-AUTO-01).
/// </remarks>
public static class BelgiumRules
{
    /// <summary>Direct-marketing calls.</summary>
    public static RuleScope MarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>BE-LIST-01: no direct-marketing call to a number on the DNCM list, unless the person opted in with this company after registering.</summary>
    /// <remarks>
    /// The law gives 5 working days for a registration to take effect. The pack counts 5
    /// calendar days (120 hours), never more than 5 working days, so the number is protected no
    /// later than the law requires; it needs no Belgian holiday calendar. Licensees must
    /// re-download the list at least every 5 days: a scrub older than that refuses every call.
    /// Only an opt-in given after registration lifts the list. Mandatory consultation dates from
    /// the 2014–2015 provisions of the CDE, not verified to the day, so the rule is in force at
    /// every date.
    /// </remarks>
    public static OptOutSuppression DoNotCallMe { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("BE-LIST-01", "Code de droit économique, art. VI.111–VI.114")
        {
            Description = "No direct-marketing call to a number on the \"Ne m'appelez plus\" list, from 5 days after registration (the law: 5 working days), unless the person opted in with this company after registering; the list must be re-downloaded every 5 days.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2 (dncm.be).",
            Reading = "Five working days are read as 5 calendar days (120 hours), never more than 5 working days: the number is protected no later than the law requires.",
            Scope = MarketingCalls,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(false, "an opt-in with this company given after the registration")
            {
                ConsentReading = new ConsentReading { VoidedByRegistrationOn = ContactRegistry.Dncm },
            }),
        },
        ContactRegistry.Dncm,
        Duration.FromDays(5),
        maxSnapshotAge: Duration.FromDays(5));

    /// <summary>BE-EMSG-01: no advertising by electronic mail (SMS included) without the person's prior consent, live or automated; the soft opt-in counts for the caller's own similar products.</summary>
    /// <remarks>
    /// A consent to messages (a voice consent never covers a message; a consent that names no
    /// channel does not count) or the caller's soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>),
    /// read with <see cref="EuropeanUnionRules.MessageConsent"/>; a STOP or an objection made after
    /// it ends either and is reported here (and under EU-OBJ-01 for an objection). The soft opt-in is
    /// read as in the Directive (the catalogue's row gives no separate reading). In force at every date:
    /// art. XII.13 and its predecessor (loi du 11 mars 2003, art. 14) predate any date ContactRules evaluates.
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = EuropeanUnionRules.MessageConsentRequirement(
        "BE-EMSG-01",
        "Code de droit économique, art. XII.13",
        "No advertising message (SMS, e-mail) without the person's prior consent to messages, live or automated; the soft opt-in counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.SecondarySource,
        "Catalogue: V2 (CDE art. XII.13); its soft opt-in read as the Directive's.");

    /// <summary>The <c>be</c> pack: BE-LIST-01, BE-EMSG-01, EU-OBJ-01, EU-AUTO-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("be", new ContactRule[]
    {
        DoNotCallMe, MarketingMessageConsent, EuropeanUnionRules.Objection, EuropeanUnionRules.AutomatedCallConsent,
    });
}
