using NodaTime;

namespace ContactRules;

/// <summary>
/// A person's consent to be contacted, with its scope and its life: granted at an instant,
/// optionally expiring, optionally revoked. A revoked or expired consent is no consent.
/// </summary>
/// <remarks>
/// Scope fields left null widen the consent: a consent with no <see cref="Channel"/> covers every
/// channel where a rule's reading allows it (the European marketing-message rules do not: a
/// consent to messages must say so). Record what the person actually agreed to; a consent wider
/// than the proof is a liability, not a convenience. A consent with a <see cref="Slot"/> holds
/// only inside its slot: outside it, it is no consent at all.
/// </remarks>
public sealed class ConsentRecord
{
    private readonly Interval? slot;

    /// <summary>Creates a consent granted at <paramref name="grantedAt"/>.</summary>
    /// <param name="grantedAt">The instant the person gave the consent.</param>
    public ConsentRecord(Instant grantedAt)
    {
        GrantedAt = grantedAt;
    }

    /// <summary>An identifier of the consent in the caller's consent store, if any.</summary>
    public string? Id { get; init; }

    /// <summary>The channel consented to; null for every channel.</summary>
    public ContactChannel? Channel { get; init; }

    /// <summary>The purpose consented to; null for every purpose.</summary>
    public ContactPurpose? Purpose { get; init; }

    /// <summary>
    /// The professional the consent was given to; null when it names none (it then covers any
    /// caller). Compared with <see cref="ContactRequest.Caller"/>.
    /// </summary>
    public string? Entity { get; init; }

    /// <summary>The instant the consent was given.</summary>
    public Instant GrantedAt { get; }

    /// <summary>The instant the consent lapses (exclusive), if it has a term.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>The instant the person withdrew the consent (exclusive), if they did.</summary>
    public Instant? RevokedAt { get; init; }

    /// <summary>
    /// The person agreed to be contacted outside the legal days and hours (France D223-9: this
    /// lifts the days-and-hours rule only, never the frequency cap or the cooldown).
    /// </summary>
    public bool OutsideHours { get; init; }

    /// <summary>
    /// The precise date and time the person agreed to be called at, half-open
    /// (<c>[Start, End)</c>), when the consent names one (France from 11 August 2026: only such a
    /// consent lifts the legal days and hours, and only inside its slot); null otherwise.
    /// </summary>
    /// <exception cref="System.ArgumentException">The interval is not bounded at both ends, or is empty.</exception>
    public Interval? Slot
    {
        get => slot;
        init => slot = value is { } given && (!given.HasStart || !given.HasEnd || given.Start >= given.End)
            ? throw new System.ArgumentException("A consent slot must have a start before its end.", nameof(Slot))
            : value;
    }

    /// <summary>
    /// The ground of the consent: the person's own consent (the default) or the ePrivacy soft
    /// opt-in, which counts only for the caller's marketing messages.
    /// </summary>
    public ConsentBasis Basis { get; init; }

    /// <summary>
    /// The instant from which this consent no longer holds: the earlier of expiry and
    /// revocation, or null when it holds indefinitely.
    /// </summary>
    public Instant? EndsAt
        => ExpiresAt is { } expires
            ? (RevokedAt is { } revoked && revoked < expires ? revoked : expires)
            : RevokedAt;

    /// <summary>
    /// True when the consent holds at <paramref name="instant"/> by its own record: granted, inside
    /// its slot when it names one, not yet expired or revoked. A rule may read less into it (a
    /// term limit, a withdrawal in a call): see <see cref="Rules.ConsentReading"/>.
    /// </summary>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>Whether the consent holds.</returns>
    public bool IsValidAt(Instant instant)
        => GrantedAt <= instant && (EndsAt is not { } end || instant < end) && (slot is not { } s || s.Contains(instant));

    /// <summary>
    /// True when this consent's scope (channel, purpose, entity) covers the request and it was
    /// given by the number's present holder; a soft opt-in covers the caller's marketing messages
    /// only, never a call. Validity in time is a separate question: see
    /// <see cref="IsValidAt(Instant)"/>.
    /// </summary>
    /// <remarks>
    /// A consent granted before the number's last permanent disconnection
    /// (<see cref="Contact.LastPermanentDisconnection"/>) was given by its previous holder: it is
    /// no consent of the person called now, under any pack's law, and covers nothing.
    /// </remarks>
    /// <param name="request">The contact to be made.</param>
    /// <returns>Whether the scope covers the request.</returns>
    public bool Covers(ContactRequest request)
        => CoversScope(request) && !request.Contact.IsBeforeReassignment(GrantedAt);

    /// <summary>The channel, purpose and entity test of <see cref="Covers(ContactRequest)"/>, without the number's reassignment.</summary>
    internal bool CoversScope(ContactRequest request)
        => request is not null
            && (Channel is not { } channel || channel == request.Channel)
            && (Purpose is not { } purpose || purpose == request.Purpose)
            && (Entity is null || request.Caller is null || Entity == request.Caller)
            && (Basis != ConsentBasis.SoftOptIn || (request.Channel == ContactChannel.Sms && request.Purpose == ContactPurpose.Marketing));
}
