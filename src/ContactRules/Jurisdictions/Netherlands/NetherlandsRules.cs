using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// The Netherlands: opt-in for telemarketing to natural persons since 1 July 2021
/// (Telecommunicatiewet, art. 11.7); the Bel-me-niet Register was abolished.
/// </summary>
/// <remarks>
/// The pack carries the GDPR objection (EU-OBJ-01) and consent for automated calls (EU-AUTO-01):
/// the customer exemption of NL-CONS-01 does not reach automated calls.
/// </remarks>
public static class NetherlandsRules
{
    /// <summary>Telemarketing calls.</summary>
    public static RuleScope TelemarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>Customers, and former customers for 3 years, about the company's own similar products.</summary>
    public static RuleExemption CustomersAndFormerCustomers { get; } = new CustomerExemption(
        36,
        "a customer, or a former customer whose last purchase was less than 3 years ago, called about the company's own similar products (art. 11.7; 3 years by self-regulation)");

    /// <summary>NL-CONS-01: no telemarketing call to a natural person without prior consent, except to customers and recent former customers about similar products.</summary>
    /// <remarks>
    /// The 3 years for former customers come from the industry's self-regulation, not the
    /// statute; the pack counts them from <see cref="Contact.LastPurchase"/> (never later than the
    /// end of the relationship, so never longer than the code allows) and requires a contract
    /// whose object the call concerns (<see cref="ContractStatus.RelatedToPurpose"/>). The
    /// charity exceptions are not modelled.
    /// </remarks>
    public static ConsentRequirement PriorConsent { get; } = new ConsentRequirement(
        new RuleMetadata("NL-CONS-01", "Telecommunicatiewet, art. 11.7 (as amended, in force 1 July 2021)")
        {
            Description = "No telemarketing call to a natural person without their prior consent, except to a customer, or a former customer for 3 years after their last purchase, about the company's own similar products.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            InForce = InForcePeriod.Since(new LocalDate(2021, 7, 1)),
            Scope = TelemarketingCalls,
            Exemptions = ImmutableArray.Create(CustomersAndFormerCustomers),
        });

    /// <summary>NL-EMSG-01: no unsolicited marketing message without the person's prior consent, live or automated; the soft opt-in counts for the caller's own similar products.</summary>
    /// <remarks>
    /// A consent to messages (a voice consent never covers a message; a consent that names no
    /// channel does not count) or the caller's soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>),
    /// read with <see cref="EuropeanUnionRules.MessageConsent"/>; a STOP or an objection made after
    /// it ends either and is reported here (and under EU-OBJ-01 for an objection). In force at
    /// every date: art. 11.7 has required consent for electronic messages since before any date
    /// ContactRules evaluates (2004); the day is not verified.
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = EuropeanUnionRules.MessageConsentRequirement(
        "NL-EMSG-01",
        "Telecommunicatiewet, art. 11.7",
        "No marketing message (SMS, e-mail) without the person's prior consent to messages, live or automated; the soft opt-in counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.SecondarySource,
        "Catalogue: V2 (Telecommunicatiewet art. 11.7).");

    /// <summary>The <c>nl</c> pack: NL-CONS-01, NL-EMSG-01, EU-OBJ-01, EU-AUTO-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("nl", new ContactRule[]
    {
        PriorConsent, MarketingMessageConsent, EuropeanUnionRules.Objection, EuropeanUnionRules.AutomatedCallConsent,
    });
}
