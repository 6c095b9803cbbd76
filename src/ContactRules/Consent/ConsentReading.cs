using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// How a rule reads the person's consent records: which of them count for the request, and at
/// which instants. Each consent counts on one stretch of time, from its grant (or its slot's
/// start) until the first thing that ends it: its own expiry, revocation or slot end, and, where
/// the law says so, a term limit, a withdrawal in a call, a later opt-out or a registration.
/// </summary>
/// <remarks>
/// The default reading (<see cref="Plain"/>) is the consent's own record: a consent with the
/// person's own basis (<see cref="ConsentBasis.Consent"/>) that covers the request's channel,
/// purpose and caller and is within its own dates. Laws add to it; each addition is a property.
/// </remarks>
public sealed class ConsentReading
{
    private readonly InForcePeriod? limits;

    /// <summary>The consent's own record, nothing added.</summary>
    public static ConsentReading Plain { get; } = new ConsentReading();

    /// <summary>
    /// The ePrivacy soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>) counts as well. It still
    /// covers only the caller's marketing messages (<see cref="ConsentRecord.Covers"/>).
    /// </summary>
    public bool SoftOptInCounts { get; init; }

    /// <summary>
    /// Only a consent that names the request's channel counts: a record with no
    /// <see cref="ConsentRecord.Channel"/> cannot show which channel the person agreed to, and a
    /// consent never crosses channels.
    /// </summary>
    public bool ChannelMustBeNamed { get; init; }

    /// <summary>
    /// When set, a consent with no <see cref="ConsentRecord.ExpiresAt"/> lapses this long after its
    /// grant, counted on the UTC calendar (Australia: 3 months). Null: such a consent holds until
    /// it ends otherwise.
    /// </summary>
    public Period? DefaultTerm { get; init; }

    /// <summary>
    /// When set, a consent granted at or before the person's registration on this register (its
    /// <see cref="OptOut.RequestedAt"/>) does not count: the registration revoked it (Italy's
    /// RPO; Belgium's DNCM yields only to a later opt-in).
    /// </summary>
    public ContactRegistry? VoidedByRegistrationOn { get; init; }

    /// <summary>
    /// A company opt-out or an objection that reaches the request (its channel and caller; an
    /// objection every channel), made at or after a consent's grant, ends that consent at the
    /// instant it was made.
    /// </summary>
    public bool EndedByOptOuts { get; init; }

    /// <summary>
    /// When set, a consent counts for at most this long after its grant, whatever its own expiry
    /// (France: 365 × 24 hours, R223-1), at instants from <see cref="LimitsFrom"/>.
    /// </summary>
    public Duration? TermLimit { get; init; }

    /// <summary>
    /// A refused call (an attempt with outcome <see cref="AttemptOutcome.Refused"/> by the same
    /// caller, or of unknown caller) at or after a consent's grant withdraws it at that instant
    /// (France: R223-3, withdrawal may be oral), at instants from <see cref="LimitsFrom"/>.
    /// </summary>
    public bool WithdrawnByRefusal { get; init; }

    /// <summary>
    /// The first local date on which <see cref="TermLimit"/> and <see cref="WithdrawnByRefusal"/>
    /// apply (France: 11 August 2026), whatever the consent's grant date: a consent granted before
    /// it is not grandfathered. Read in any candidate zone, as a rule's dates in force are. Null:
    /// they apply at every date.
    /// </summary>
    public LocalDate? LimitsFrom
    {
        get => limits?.From;
        init => limits = value is { } date ? InForcePeriod.Since(date) : null;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="instant"/> at which a consent that passes
    /// <paramref name="filter"/> counts, or null when none ever will.
    /// </summary>
    internal Instant? EarliestCounting(in EvaluationContext context, Instant instant, ConsentFilter filter)
    {
        Instant? earliest = null;
        foreach (var consent in context.Request.Consents)
        {
            if (!Reads(consent, context.Request, filter))
            {
                continue;
            }

            Stretch(consent, context, out var from, out var to, out _);
            if (from <= instant && instant < to)
            {
                return instant;
            }

            if (instant < from && from < to && (earliest is not { } e || from < e))
            {
                earliest = from;
            }
        }

        return earliest;
    }

    /// <summary>
    /// True when <paramref name="consent"/> passes <paramref name="filter"/> and counts for the
    /// request at <paramref name="instant"/>.
    /// </summary>
    internal bool CountsAt(ConsentRecord consent, in EvaluationContext context, Instant instant, ConsentFilter filter)
    {
        if (!Reads(consent, context.Request, filter))
        {
            return false;
        }

        Stretch(consent, context, out var from, out var to, out _);
        return from <= instant && instant < to;
    }

    /// <summary>
    /// How this reading holds <paramref name="consent"/> for the request at <paramref name="instant"/>:
    /// it counts (<see cref="CountsAt"/>); or, passing <paramref name="filter"/> and within its own
    /// record's dates, it was ended by what the law adds (a registration that voided it, an
    /// opt-out, the term limit, a withdrawal in a call); or neither.
    /// </summary>
    internal ConsentStanding StandingAt(ConsentRecord consent, in EvaluationContext context, Instant instant, ConsentFilter filter)
    {
        if (!ReadsKind(consent, context.Request, filter))
        {
            return ConsentStanding.NotCounted;
        }

        OwnStretch(consent, out var ownFrom, out var ownTo);
        if (instant < ownFrom || ownTo <= instant)
        {
            return ConsentStanding.NotCounted;
        }

        if (VoidedByRegistrationOn is { } registry && IsVoidedByRegistration(context.Request, consent, registry))
        {
            return ConsentStanding.Ended;
        }

        // The law's additions only bring the end of the stretch forward.
        Stretch(consent, context, out _, out var to, out _);
        return instant < to ? ConsentStanding.Counts : ConsentStanding.Ended;
    }

    /// <summary>
    /// A consent that passes <paramref name="filter"/>, would count at <paramref name="instant"/>
    /// by its own terms (granted, within its slot, not expired or revoked), and was ended before
    /// it by <paramref name="ending"/>; null when there is none.
    /// </summary>
    internal ConsentRecord? EndedBy(in EvaluationContext context, Instant instant, ConsentFilter filter, ConsentEnding ending, out Instant endedAt)
    {
        foreach (var consent in context.Request.Consents)
        {
            if (!Reads(consent, context.Request, filter))
            {
                continue;
            }

            OwnStretch(consent, out var ownFrom, out var ownTo);
            Stretch(consent, context, out _, out var to, out var cause);
            if (cause == ending && to <= instant && ownFrom <= instant && instant < ownTo)
            {
                endedAt = to;
                return consent;
            }
        }

        endedAt = default;
        return null;
    }

    /// <summary>Whether this reading looks at <paramref name="consent"/> at all for the request.</summary>
    private bool Reads(ConsentRecord consent, ContactRequest request, ConsentFilter filter)
        => ReadsKind(consent, request, filter)
            && !(VoidedByRegistrationOn is { } registry && IsVoidedByRegistration(request, consent, registry));

    /// <summary>Whether <paramref name="consent"/> is of the kind this reading counts for the request (scope, basis, channel named, filter).</summary>
    private bool ReadsKind(ConsentRecord consent, ContactRequest request, ConsentFilter filter)
        => consent.Covers(request)
            && (consent.Basis != ConsentBasis.SoftOptIn || SoftOptInCounts)
            && (!ChannelMustBeNamed || consent.Channel is not null)
            && (filter != ConsentFilter.OutsideHours || consent.OutsideHours)
            && (filter != ConsentFilter.Slot || consent.Slot is not null);

    /// <summary>The stretch on which the consent counts by its own record: its grant or slot start, to its slot end, expiry or revocation.</summary>
    private void OwnStretch(ConsentRecord consent, out Instant from, out Instant to)
    {
        from = consent.GrantedAt;
        to = Instant.MaxValue;
        if (consent.Slot is { } slot)
        {
            from = slot.Start > from ? slot.Start : from;
            to = slot.End;
        }

        if (OwnEnd(consent) is { } own && own < to)
        {
            to = own;
        }
    }

    /// <summary>
    /// The stretch <c>[from, to)</c> on which the consent counts under this reading (empty when
    /// <paramref name="to"/> is not after <paramref name="from"/>), and what the law added that
    /// ended it first (<see cref="ConsentEnding.None"/> when its own terms end it).
    /// </summary>
    private void Stretch(ConsentRecord consent, in EvaluationContext context, out Instant from, out Instant to, out ConsentEnding ending)
    {
        OwnStretch(consent, out from, out to);
        ending = ConsentEnding.None;

        // What the law adds, in the order ties are reported: an opt-out, the term limit, a withdrawal.
        if (EndedByOptOuts && FirstOptOutAfter(consent, context.Request) is { } optedOut && optedOut < to)
        {
            to = optedOut;
            ending = ConsentEnding.OptOut;
        }

        if (TermLimit is null && !WithdrawnByRefusal)
        {
            return;
        }

        var limitsFrom = limits?.StartInSomeZone(context.Zones) ?? Instant.MinValue;
        if (TermLimit is { } term && Later(consent.GrantedAt + term, limitsFrom) < to)
        {
            to = Later(consent.GrantedAt + term, limitsFrom);
            ending = ConsentEnding.TermLimit;
        }

        if (WithdrawnByRefusal && FirstRefusalAfter(consent, context) is { } refused && Later(refused, limitsFrom) < to)
        {
            to = Later(refused, limitsFrom);
            ending = ConsentEnding.WithdrawnInCall;
        }
    }

    /// <summary>The end of the consent by its own record (and the default term, when one is set).</summary>
    internal Instant? OwnEnd(ConsentRecord consent)
    {
        if (DefaultTerm is null || consent.ExpiresAt is not null)
        {
            return consent.EndsAt;
        }

        var lapse = consent.GrantedAt.InUtc().LocalDateTime.Plus(DefaultTerm).InUtc().ToInstant();
        return consent.RevokedAt is { } revoked && revoked < lapse ? revoked : lapse;
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private static Instant? FirstOptOutAfter(ConsentRecord consent, ContactRequest request)
    {
        Instant? first = null;
        foreach (var optOut in request.OptOuts)
        {
            if ((optOut.Kind == OptOutKind.Company || optOut.Kind == OptOutKind.Objection)
                && optOut.RequestedAt >= consent.GrantedAt
                && optOut.Reaches(request)
                && (first is not { } f || optOut.RequestedAt < f))
            {
                first = optOut.RequestedAt;
            }
        }

        return first;
    }

    private static Instant? FirstRefusalAfter(ConsentRecord consent, in EvaluationContext context)
    {
        if ((context.History.OutcomeMask & (1 << (int)AttemptOutcome.Refused)) == 0)
        {
            return null;
        }

        var attempts = context.History.Attempts;
        for (var i = context.History.FirstIndexAtOrAfter(consent.GrantedAt); i < attempts.Length; i++)
        {
            ref readonly var attempt = ref attempts[i];
            if (attempt.Outcome == AttemptOutcome.Refused && Counting.SameKey(CountingKey.Caller, context.Request, attempt))
            {
                return attempt.At;
            }
        }

        return null;
    }

    private static bool IsVoidedByRegistration(ContactRequest request, ConsentRecord consent, ContactRegistry registry)
    {
        foreach (var optOut in request.OptOuts)
        {
            if (optOut.Kind == OptOutKind.Registry && optOut.Registry == registry && optOut.RequestedAt >= consent.GrantedAt)
            {
                return true;
            }
        }

        return false;
    }
}
