using ContactRules.Rules;

namespace ContactRules.Jurisdictions;

/// <summary>
/// The European Union: the rules that hold in every member state, the GDPR's objection to direct
/// marketing and the ePrivacy Directive's consent for automated calls and for marketing messages.
/// </summary>
/// <remarks>
/// <para>
/// How packs combine with <c>eu</c>: the GDPR is a regulation and applies directly, so every
/// member-state pack (<c>fr</c>, <c>de</c>, <c>es</c>, <c>it</c>, <c>be</c>, <c>nl</c>) carries
/// <see cref="Objection"/> itself: choosing <c>fr</c> alone never forgets an Art. 21 objection.
/// The ePrivacy Directive applies through national law, so a member-state pack carries
/// <see cref="AutomatedCallConsent"/> unless it has its own rule for automated calls (France's
/// FR-AUTO-01, Germany's DE-CONS-01), and its own transposition's row for marketing messages
/// (FR-EMSG-01, DE-EMSG-01, …) read like <see cref="MarketingMessageConsent"/>: a national pack
/// reports its own id only. Combining a national pack with <c>eu</c> (<c>de+eu</c>) is harmless: a
/// rule shared by both packs is the same object and is applied once, and a message then needs the
/// same consent under both ids.
/// </para>
/// <para>
/// The <c>uk</c> pack does not include these rules: the UK GDPR's Art. 21 has the same words, and
/// <c>uk+eu</c> applies them, under the EU citation.
/// </para>
/// </remarks>
public static class EuropeanUnionRules
{
    /// <summary>The citation of the GDPR's Art. 21.</summary>
    public const string GdprArticle21 = "Regulation (EU) 2016/679 (GDPR), art. 21(2)-(3)";

    /// <summary>Every marketing contact, on every channel.</summary>
    public static RuleScope DirectMarketing { get; } = new RuleScope(purposes: new[] { ContactPurpose.Marketing });

    /// <summary>
    /// EU-OBJ-01: after the person objected to direct marketing, no marketing contact on any
    /// channel, at once and for good.
    /// </summary>
    /// <remarks>
    /// Art. 21(3): after an objection, personal data "shall no longer be processed" for direct
    /// marketing; there is no balancing test and no exemption, customers included. The honouring
    /// delay ("without undue delay", Art. 12(3) is not verified to apply) is read as none: the
    /// objection takes effect at <see cref="OptOut.RequestedAt"/>, even when its record states a
    /// later <see cref="OptOut.EffectiveAt"/>, whatever channel it was made on. Directive 95/46/EC,
    /// art. 14(b) gave the same right before 25 May 2018, so the rule is in force at every date.
    /// </remarks>
    public static OptOutSuppression Objection { get; } = OptOutSuppression.Objection(
        new RuleMetadata("EU-OBJ-01", GdprArticle21 + " (before 25 May 2018: Directive 95/46/EC, art. 14(b))")
        {
            Description = "After the person objects to direct marketing, no marketing contact on any channel, customers included; the objection is absolute.",
            Scope = DirectMarketing,
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (GDPR art. 21).",
            Reading = "Honoured from the objection's request, whatever effective date its record states, on every channel, customers included; in force at every date (Directive 95/46/EC before 25 May 2018).",
        });

    /// <summary>EU-AUTO-01: no direct-marketing call by automated calling system without the person's prior consent.</summary>
    /// <remarks>
    /// ePrivacy Directive art. 13(1): automated calling systems without human intervention need
    /// prior consent; for live calls member states choose (art. 13(3)). The soft opt-in of
    /// art. 13(2) does not extend to calls. Automated messages fall under the message rule
    /// (EU-EMSG-01 and its national rows), so this rule covers calls. In force since before any
    /// date ContactRules evaluates (Directive 97/66/EC, art. 12, had the same rule), so at every
    /// date.
    /// </remarks>
    public static ConsentRequirement AutomatedCallConsent { get; } = new ConsentRequirement(
        new RuleMetadata("EU-AUTO-01", "Directive 2002/58/EC (ePrivacy), art. 13(1)")
        {
            Description = "No direct-marketing call by an automated calling system (no live agent) without the person's prior consent.",
            Scope = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing }, automated: true),
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            Reading = "Calls only (messages are EU-EMSG-01's); in force at every date.",
        });

    /// <summary>The reading shared by EU-EMSG-01 and its national rows, for their rule pages.</summary>
    internal const string MessageReading = "A consent counts only when it names the message channel: a consent to calls never covers a message, and a record that names no channel cannot show the person agreed to messages (consent to electronic mail must be specific). The caller's soft opt-in counts for its marketing messages only, never for a call. A STOP or an objection made after a consent ends it; a consent given again after it is a new consent. Live and automated messages alike.";

    /// <summary>Marketing messages (SMS, MMS, RCS, messaging apps), live or automated.</summary>
    public static RuleScope MarketingMessages { get; } = new RuleScope(channels: new[] { ContactChannel.Sms }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>
    /// How the ePrivacy message rules (EU-EMSG-01 and the national …-EMSG-01 rows) read consents:
    /// a consent that names the message channel, or the caller's soft opt-in
    /// (<see cref="ConsentBasis.SoftOptIn"/>); a company opt-out (STOP) or an objection made after
    /// it ends it.
    /// </summary>
    /// <remarks>
    /// A consent never crosses channels: a consent to calls does not cover a message. A consent
    /// that names no channel does not count either: art. 13 asks for a consent specific to
    /// electronic mail, and a record that does not say which channel the person agreed to cannot
    /// show it (the protective reading; elsewhere such a record still covers every channel). A
    /// soft opt-in counts for that caller's marketing messages only, never for calls.
    /// </remarks>
    public static ConsentReading MessageConsent { get; } = new ConsentReading
    {
        SoftOptInCounts = true,
        ChannelMustBeNamed = true,
        EndedByOptOuts = true,
    };

    /// <summary>
    /// EU-EMSG-01: no marketing message without the person's prior consent to messages, live or
    /// automated; the soft opt-in counts for the caller's own similar products.
    /// </summary>
    /// <remarks>
    /// Directive 2002/58/EC art. 13(1)–(2), read with <see cref="MessageConsent"/>. The <c>eu</c> pack's
    /// own row; national packs carry their transposition's row instead. A STOP or an objection that
    /// ends a soft opt-in is reported here (and under EU-OBJ-01 for an objection). In force at
    /// every date: the Directive's transposition deadline (31 October 2003) predates any date
    /// ContactRules evaluates, and national law required consent for automated messages before it.
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = MessageConsentRequirement(
        "EU-EMSG-01",
        "Directive 2002/58/EC (ePrivacy), art. 13(1)-(2)",
        "No marketing message (SMS, e-mail, messaging) without the person's prior consent to messages, live or automated; the soft opt-in counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.OfficialText,
        "Catalogue: V1 (Directive 2002/58/EC).");

    /// <summary>
    /// A marketing-message consent rule (EU-EMSG-01 or a national transposition's row): scoped to
    /// <see cref="MarketingMessages"/> and read with <see cref="MessageConsent"/>, so that every
    /// pack reads a consent to messages, the soft opt-in and a STOP the same way; only the law's
    /// own words, citation, dates and how sure the source is differ.
    /// </summary>
    internal static ConsentRequirement MessageConsentRequirement(string id, string citation, string description, VerificationLevel verification, string verificationNote, InForcePeriod? inForce = null)
        => new ConsentRequirement(
            new RuleMetadata(id, citation)
            {
                Description = description,
                InForce = inForce ?? InForcePeriod.Always,
                Scope = MarketingMessages,
                Verification = verification,
                VerificationNote = verificationNote,
                Reading = MessageReading,
            })
        {
            ConsentReading = MessageConsent,
        };

    /// <summary>The <c>eu</c> pack: EU-OBJ-01, EU-AUTO-01 and EU-EMSG-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("eu", new ContactRule[] { Objection, AutomatedCallConsent, MarketingMessageConsent });
}
