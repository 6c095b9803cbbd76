using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// The United Kingdom: PECR's rules on marketing calls (TPS, "do not call me", recorded calls)
/// and marketing messages (consent or soft opt-in), and Ofcom's persistent-misuse rules on
/// repeat calls after abandoned and machine-detected calls.
/// </summary>
/// <remarks>
/// Existing customers are not exempt from the TPS: only a subscriber's notification that they do
/// not object to this caller's calls lifts it, recorded as a <see cref="ConsentRecord"/> covering
/// voice marketing by the caller (revoking it ends it). The UK GDPR's Art. 21 objection is not in
/// this pack; combine <c>uk+eu</c> to honour objections under the same words.
/// </remarks>
public static class UnitedKingdomRules
{
    /// <summary>The citation of the Privacy and Electronic Communications (EC Directive) Regulations 2003.</summary>
    public const string Pecr = "Privacy and Electronic Communications (EC Directive) Regulations 2003 (SI 2003/2426)";

    /// <summary>The citation of Ofcom's persistent-misuse policy.</summary>
    public const string OfcomPersistentMisuse = "Communications Act 2003, ss. 128-131; Ofcom, Persistent Misuse statement (2016, applying from 1 March 2017; rules carried over from the 2006/2008/2010 statements)";

    /// <summary>The date PECR came into force: 11 December 2003.</summary>
    public static readonly LocalDate PecrInForce = new LocalDate(2003, 12, 11);

    /// <summary>
    /// The date from which an attempt to establish a connection is a PECR "call" (Data (Use and
    /// Access) Act 2025, s. 110, in force 5 February 2026; catalogue row UK-DEF-01): an audit holds
    /// an unconnected attempt against the PECR rules from then on only
    /// (<see cref="RuleMetadata.UnconnectedAttemptsCountFrom"/>).
    /// </summary>
    public static readonly LocalDate UnconnectedAttemptsAreCalls = new LocalDate(2026, 2, 5);

    /// <summary>Unsolicited direct-marketing calls.</summary>
    public static RuleScope MarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>Every voice call, whatever its purpose (Ofcom's persistent-misuse policy covers them all).</summary>
    public static RuleScope AllCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice });

    /// <summary>
    /// Reg. 21(4)-(5): the subscriber notified this caller that, for the time being, they do not
    /// object to its calls. Recorded as a consent; revoking it ends it.
    /// </summary>
    public static RuleExemption NoObjectionNotified { get; } = new ConsentExemption(
        outsideHoursOnly: false,
        "the subscriber notified this caller that, for the time being, they do not object to its marketing calls (reg. 21(4)); withdrawing that notification ends it (reg. 21(5)); being an existing customer is not such a notification");

    /// <summary>Ofcom: repeat calls are allowed when a live operator is guaranteed to be on the line.</summary>
    public static RuleExemption LiveOperatorGuaranteed { get; } = new LiveAgentExemption(
        "a live operator is guaranteed to be on the line when the person answers");

    /// <summary>UK-LIST-01: no unsolicited marketing call to a number that has been on the TPS for 28 days.</summary>
    /// <remarks>
    /// Reg. 21(3): no breach while the number has been listed for less than 28 days before the
    /// day of the call. The pack protects the number from <see cref="OptOut.RequestedAt"/> +
    /// 28 × 24 hours (or its stated <see cref="OptOut.EffectiveAt"/>); counting 28 whole days
    /// before the day of the call would protect it later, so this is the reading that protects
    /// the subscriber.
    /// </remarks>
    public static OptOutSuppression TpsRegistered { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("UK-LIST-01", Pecr + ", reg. 21(1)(b), (3)-(5)")
        {
            Description = "No unsolicited marketing call to a number listed on the Telephone Preference Service for 28 days, unless the subscriber notified this caller that they do not object; existing customers are not exempt.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (reg. 21 text). Unconnected attempts are calls from 5 February 2026: V2 (UK-DEF-01).",
            Reading = "28 days are counted from the registration instant (28 × 24 hours), which protects the number no later than whole days before the call would.",
            InForce = InForcePeriod.Since(PecrInForce),
            UnconnectedAttemptsCountFrom = UnconnectedAttemptsAreCalls,
            Scope = MarketingCalls,
            Exemptions = ImmutableArray.Create(NoObjectionNotified),
        },
        ContactRegistry.Tps,
        Duration.FromDays(28));

    /// <summary>UK-IDNC-01: no marketing call to a subscriber who told this caller not to call.</summary>
    public static OptOutSuppression CompanyOptOut { get; } = OptOutSuppression.Company(
        new RuleMetadata("UK-IDNC-01", Pecr + ", reg. 21(1)(a)")
        {
            Description = "No unsolicited marketing call to a subscriber who previously notified the caller that such calls should not be made on that line; effective at once.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1. Unconnected attempts are calls from 5 February 2026: V2 (UK-DEF-01).",
            InForce = InForcePeriod.Since(PecrInForce),
            UnconnectedAttemptsCountFrom = UnconnectedAttemptsAreCalls,
            Scope = MarketingCalls,
        });

    /// <summary>UK-COOL-01: no repeat call for 72 hours after an abandoned call, unless a live operator is guaranteed.</summary>
    /// <remarks>
    /// Ofcom: after an abandoned call, repeat calls to that number in the following 72 hours only
    /// with a guaranteed live operator. "Any repeat call" is read literally: an abandoned call by
    /// any caller blocks every caller, across all of the person's numbers. The rule's first date
    /// (the 2006/2008 statements) is not verified, so it is in force at every date.
    /// </remarks>
    public static OutcomeCooldown AfterAbandonedCall { get; } = new OutcomeCooldown(
        new RuleMetadata("UK-COOL-01", OfcomPersistentMisuse)
        {
            Description = "After an abandoned (silent) call, no repeat call to the person for 72 hours unless a live operator is guaranteed.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2 (industry summaries of the Ofcom statements).",
            Reading = "An abandoned call by any caller blocks every caller, across all the person's numbers. The first date of the rule is not verified: applied at every date.",
            Scope = AllCalls,
            Exemptions = ImmutableArray.Create(LiveOperatorGuaranteed),
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Abandoned).OnChannels(ContactChannel.Voice),
        CooldownSpan.OfElapsed(Duration.FromHours(72)),
        CountingKey.Person);

    /// <summary>UK-COOL-02: no repeat call for 24 hours after a call AMD classed as a machine, unless a live operator is guaranteed.</summary>
    /// <remarks>
    /// Ofcom (2010 statement, from 1 February 2011): repeat calls "within the same 24 hours" only
    /// with a guaranteed live operator. Read as 24 elapsed hours, which always covers the rest of
    /// the same calendar day and so protects more than a same-day reading.
    /// </remarks>
    public static OutcomeCooldown AfterMachineDetected { get; } = new OutcomeCooldown(
        new RuleMetadata("UK-COOL-02", OfcomPersistentMisuse + "; 2010 statement, from 1 February 2011")
        {
            Description = "After answering-machine detection classed a call as a machine, no repeat call to the person for 24 hours unless a live operator is guaranteed.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            Reading = "\"The same 24 hours\" is read as 24 elapsed hours, which always covers the rest of the calendar day.",
            InForce = InForcePeriod.Since(new LocalDate(2011, 2, 1)),
            Scope = AllCalls,
            Exemptions = ImmutableArray.Create(LiveOperatorGuaranteed),
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Machine).OnChannels(ContactChannel.Voice),
        CooldownSpan.OfElapsed(Duration.FromHours(24)),
        CountingKey.Person);

    /// <summary>UK-AUTO-01: no recorded or automated marketing call without the subscriber's prior consent.</summary>
    public static ConsentRequirement AutomatedCallConsent { get; } = new ConsentRequirement(
        new RuleMetadata("UK-AUTO-01", Pecr + ", reg. 19")
        {
            Description = "No direct-marketing call by an automated calling system (recorded or artificial voice) without the subscriber's prior consent.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2 (R for the dates). Unconnected attempts are calls from 5 February 2026: V2 (UK-DEF-01).",
            InForce = InForcePeriod.Since(PecrInForce),
            UnconnectedAttemptsCountFrom = UnconnectedAttemptsAreCalls,
            Scope = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing }, automated: true),
        });

    /// <summary>UK-EMSG-01: no marketing message to an individual subscriber without their prior consent, live or automated; the soft opt-in (reg. 22(3)) counts for the caller's own similar products.</summary>
    /// <remarks>
    /// A consent to messages (a voice consent never covers a message; a consent that names no
    /// channel does not count) or the caller's soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>),
    /// read with <see cref="EuropeanUnionRules.MessageConsent"/>; a STOP or an objection made after
    /// it ends either and is reported here. In force with PECR (11 December 2003).
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = EuropeanUnionRules.MessageConsentRequirement(
        "UK-EMSG-01",
        Pecr + ", reg. 22",
        "No marketing message (SMS, e-mail) to an individual subscriber without their prior consent to messages, live or automated; the soft opt-in (reg. 22(3)) counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.OfficialText,
        "Catalogue: V1 (PECR reg. 22).",
        inForce: InForcePeriod.Since(PecrInForce));

    /// <summary>The <c>uk</c> pack: UK-LIST-01, UK-IDNC-01, UK-COOL-01, UK-COOL-02, UK-AUTO-01, UK-EMSG-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("uk", new ContactRule[]
    {
        TpsRegistered, CompanyOptOut, AfterAbandonedCall, AfterMachineDetected, AutomatedCallConsent, MarketingMessageConsent,
    });
}
