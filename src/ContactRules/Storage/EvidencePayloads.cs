using System.Collections.Generic;
using System.Linq;
using System.Text;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// The JSON payloads of the evidence log, one spelling for every store. Phone numbers appear only
/// as keyed hashes, and the text shown for a consent only as its SHA-256 (the text itself is kept
/// with the consent; the log proves it was not changed since).
/// </summary>
internal static class EvidencePayloads
{
    /// <summary>The payload of a <see cref="EvidenceKinds.Decision"/> entry.</summary>
    /// <param name="request">The contact decided on.</param>
    /// <param name="at">The instant of the contact.</param>
    /// <param name="policyId">The policy applied.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="attemptId">The reserved attempt, when allowed.</param>
    /// <param name="consentIds">The consents the decision relied on.</param>
    /// <param name="phoneNumbers">The keyed hash for the contact's number.</param>
    /// <returns>The JSON payload.</returns>
    internal static string Decision(ContactRequest request, Instant at, string policyId, ContactDecision decision, long? attemptId, IEnumerable<string> consentIds, PhoneNumberHasher phoneNumbers)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        Preconditions.CheckNotNull(decision, nameof(decision));
        Preconditions.CheckNotNull(consentIds, nameof(consentIds));
        Preconditions.CheckNotNull(phoneNumbers, nameof(phoneNumbers));
        return new JsonText()
            .Add("contact", request.Contact.Id)
            .Add("phone", request.Contact.PhoneNumber is { } number ? phoneNumbers.Hash(number) : null)
            .Add("at", at)
            .Add("policy", policyId)
            .Add("channel", request.Channel.ToString().ToLowerInvariant())
            .Add("purpose", EnumText.Of(request.Purpose))
            .Add("automated", request.Automated)
            .Add("caller", request.Caller)
            .Add("subject", request.Subject)
            .Add("campaign", request.Campaign)
            .Add("allowed", decision.IsAllowed)
            .Add("attempt", attemptId)
            .Add("rules", decision.Violations.Select(v => v.RuleId))
            .Add("next", decision.NextPermittedAt)
            .Add("consents", consentIds)
            .ToString();
    }

    /// <summary>The payload of a <see cref="EvidenceKinds.Consent"/> entry.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consent">The consent.</param>
    /// <param name="proof">Its proof.</param>
    /// <param name="phoneNumbers">The keyed hash for the number the consent names.</param>
    /// <returns>The JSON payload.</returns>
    internal static string Consent(string contactId, ConsentRecord consent, ConsentProof proof, PhoneNumberHasher phoneNumbers)
    {
        Preconditions.CheckNotNull(consent, nameof(consent));
        Preconditions.CheckNotNull(proof, nameof(proof));
        Preconditions.CheckNotNull(phoneNumbers, nameof(phoneNumbers));
        return new JsonText()
            .Add("contact", contactId)
            .Add("consent", consent.Id)
            .Add("grantedAt", consent.GrantedAt)
            .Add("expiresAt", consent.ExpiresAt)
            .Add("revokedAt", consent.RevokedAt)
            .Add("channel", consent.Channel?.ToString().ToLowerInvariant())
            .Add("purpose", consent.Purpose is { } purpose ? EnumText.Of(purpose) : null)
            .Add("entity", consent.Entity)
            .Add("outsideHours", consent.OutsideHours)
            .Add("slotFrom", consent.Slot?.Start)
            .Add("slotTo", consent.Slot?.End)
            .Add("basis", consent.Basis == ConsentBasis.SoftOptIn ? "soft-opt-in" : "consent")
            .Add("captureMethod", proof.CaptureMethod)
            .Add("textVersion", proof.TextVersion)
            .Add("textSha256", Sha256(proof.TextShown))
            .Add("evidence", proof.EvidenceReferences)
            .Add("phone", proof.PhoneNumber is { } number ? phoneNumbers.Hash(number) : null)
            .Add("collectedBy", proof.CollectedBy)
            .ToString();
    }

    /// <summary>The payload of a <see cref="EvidenceKinds.Revocation"/> entry.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consentId">The consent withdrawn.</param>
    /// <param name="revokedAt">When the person withdrew it.</param>
    /// <returns>The JSON payload.</returns>
    internal static string Revocation(string contactId, string consentId, Instant revokedAt)
        => new JsonText().Add("contact", contactId).Add("consent", consentId).Add("revokedAt", revokedAt).ToString();

    /// <summary>The payload of an <see cref="EvidenceKinds.OptOut"/> entry.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="optOut">The opt-out or objection.</param>
    /// <returns>The JSON payload.</returns>
    internal static string OptOut(string contactId, OptOut optOut)
    {
        Preconditions.CheckNotNull(optOut, nameof(optOut));
        return new JsonText()
            .Add("contact", contactId)
            .Add("kind", optOut.Kind.ToString().ToLowerInvariant())
            .Add("requestedAt", optOut.RequestedAt)
            .Add("effectiveAt", optOut.EffectiveAt)
            .Add("channel", optOut.Channel?.ToString().ToLowerInvariant())
            .Add("entity", optOut.Entity)
            .ToString();
    }

    private static string Sha256(string text) => Hex.Sha256(Encoding.UTF8.GetBytes(text));
}
