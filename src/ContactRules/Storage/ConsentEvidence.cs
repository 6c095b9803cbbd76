using System.Collections.Immutable;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// Everything kept about one consent: the record (with its revocation, if any), its proof, and
/// every decision that relied on it, oldest first.
/// </summary>
public sealed class ConsentEvidence
{
    /// <summary>Creates the evidence of a consent.</summary>
    /// <param name="contactId">The person who gave it.</param>
    /// <param name="consent">The consent as recorded, with its revocation instant if it was revoked.</param>
    /// <param name="proof">How it was obtained.</param>
    /// <param name="recordedAt">When the store recorded it.</param>
    /// <param name="uses">The decisions that relied on it, oldest first.</param>
    internal ConsentEvidence(string contactId, ConsentRecord consent, ConsentProof proof, Instant recordedAt, ImmutableArray<ConsentUse> uses)
    {
        ContactId = Preconditions.CheckNotEmpty(contactId, nameof(contactId));
        Consent = Preconditions.CheckNotNull(consent, nameof(consent));
        Proof = Preconditions.CheckNotNull(proof, nameof(proof));
        RecordedAt = recordedAt;
        Uses = uses.IsDefault ? ImmutableArray<ConsentUse>.Empty : uses;
    }

    /// <summary>The person who gave the consent.</summary>
    public string ContactId { get; }

    /// <summary>The consent, with its revocation instant if it was revoked.</summary>
    public ConsentRecord Consent { get; }

    /// <summary>How the consent was obtained.</summary>
    public ConsentProof Proof { get; }

    /// <summary>When the store recorded the consent.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The decisions that relied on the consent, oldest first.</summary>
    public ImmutableArray<ConsentUse> Uses { get; }

    /// <summary>The last decision that relied on the consent, or null when none did.</summary>
    public Instant? LastUsedAt => Uses.IsEmpty ? null : Uses[Uses.Length - 1].UsedAt;

    /// <summary>
    /// The instant from which a retention period runs: the latest of the grant, the revocation
    /// and the last use. Germany (UWG § 7a) keeps the proof 5 years from the grant and after each
    /// use; keeping it past a revocation shows the revocation was honoured.
    /// </summary>
    public Instant RetentionAnchor
    {
        get
        {
            var anchor = Consent.GrantedAt;
            if (Consent.RevokedAt is { } revoked && revoked > anchor)
            {
                anchor = revoked;
            }

            if (LastUsedAt is { } used && used > anchor)
            {
                anchor = used;
            }

            return anchor;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"consent {Consent.Id} of {ContactId}: {Proof}; {Uses.Length} uses";
}
