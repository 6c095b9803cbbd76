using System.Collections.Generic;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// A revocation of consent, honoured from the instant it was made: refuses, under its own id, a
/// contact that a revoked consent would otherwise have covered, when no other consent covers it
/// (US-REVOKE-01); or, with <see cref="RevokesAll"/>, a contact relying on any consent to the
/// same caller granted before a revocation ("revoke all", US-REVOKE-02).
/// </summary>
/// <remarks>
/// <para>
/// A person revokes by any reasonable means (a reply, a call, a web form); the caller records it
/// as <see cref="ConsentRecord.RevokedAt"/>, the instant the person made it, never the instant
/// the caller processed it. <see cref="RevocationReplies"/> tells which text replies are
/// revocations.
/// </para>
/// <para>
/// Without <see cref="RevokesAll"/>, the revoked consent is already no consent (a
/// <see cref="ConsentRequirement"/> refuses); this rule names the revocation as the cause, and,
/// when given a deadline, reports while it runs the legal deadline to honour it everywhere
/// (FCC: 10 business days) as an advisory. It never refuses when another consent covers the
/// contact.
/// </para>
/// <para>
/// With <see cref="RevokesAll"/>, a revocation at instant <c>r</c> of any consent the person gave
/// to the caller ends, at <c>r</c>, every other consent of that person to the same caller granted
/// at or before <c>r</c>, whatever its channel or purpose: the rule refuses a contact whose only
/// consents are so ended, although each is still valid on its own. A consent granted after the
/// revocation counts. A revoked consent that names no entity, or a request that names no caller,
/// cannot be shown to concern another caller: it sweeps (the protective reading).
/// </para>
/// </remarks>
public sealed class ConsentRevocation : ContactRule, IAdvisingRule, IReadsConsents
{
    /// <summary>Creates the rule.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="revokesAll">True when a revocation of one consent ends every consent to the same caller.</param>
    /// <param name="honourWithinBusinessDays">The legal deadline to honour a revocation, reported as an advisory; null for none.</param>
    /// <param name="nonBusinessDays">The holidays that are not business days; required with a deadline.</param>
    public ConsentRevocation(RuleMetadata metadata, bool revokesAll, int? honourWithinBusinessDays = null, HolidayCalendar? nonBusinessDays = null)
        : base(metadata, RuleKind.Consent)
    {
        RevokesAll = revokesAll;
        if (honourWithinBusinessDays is { } days)
        {
            HonourWithinBusinessDays = Preconditions.CheckPositive(days, nameof(honourWithinBusinessDays));
            NonBusinessDays = Preconditions.CheckNotNull(nonBusinessDays, nameof(nonBusinessDays));
        }
    }

    /// <summary>True when a revocation of one consent ends every consent of the person to the same caller.</summary>
    public bool RevokesAll { get; }

    /// <summary>The legal deadline to honour a revocation, in business days after its receipt; null for none.</summary>
    public int? HonourWithinBusinessDays { get; }

    /// <summary>The holidays that are not business days, when there is a deadline.</summary>
    public HolidayCalendar? NonBusinessDays { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters
        => (RevokesAll
                ? "a revocation of any consent to the caller ends, from its instant, every consent to the caller granted before it, on every channel and matter"
                : "a revoked consent ends at the instant of the revocation, made by any reasonable means")
            + (HonourWithinBusinessDays is { } days
                ? $"; the {days}-business-day deadline to honour it (Mon–Fri except {NonBusinessDays!.Name}) is reported as an advisory, never a grace period"
                : string.Empty);

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        var ended = new EndedConsents();
        foreach (var consent in request.Consents)
        {
            if (!consent.Covers(request))
            {
                continue;
            }

            if (RevokesAll)
            {
                if (consent.IsValidAt(instant))
                {
                    if (SweptBy(request, consent, instant) is null)
                    {
                        return instant;
                    }

                    // Ended by the sweep until it would have ended anyway.
                    ended.Add(consent.EndsAt);
                }
            }
            else if (consent.IsValidAt(instant))
            {
                return instant;
            }
            else if (RevokedButWouldHold(consent, instant))
            {
                // Revoked, and would have held until its expiry.
                ended.Add(consent.ExpiresAt);
            }
        }

        // The rule refuses while an ended consent would otherwise hold: until a new consent
        // holds, or every ended one would have lapsed anyway (then only US-CONS-01 refuses).
        return ended.Any ? Earlier(NextCovered(request, instant), ended.LastEnd) : instant;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A consent swept by a revocation of another ("revoke all") is still valid by its own record,
    /// and a rule that reads records alone (US-CONS-01) would count it: it is reported as ended,
    /// so that no decision shows it as relied on.
    /// </remarks>
    ConsentStanding IReadsConsents.StandingOf(ConsentRecord consent, in EvaluationContext context, Instant instant)
    {
        if (!consent.Covers(context.Request) || !consent.IsValidAt(instant))
        {
            return ConsentStanding.NotCounted;
        }

        return RevokesAll && SweptBy(context.Request, consent, instant) is not null ? ConsentStanding.Ended : ConsentStanding.Counts;
    }

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        foreach (var consent in request.Consents)
        {
            if (!consent.Covers(request))
            {
                continue;
            }

            if (RevokesAll && consent.IsValidAt(instant) && SweptBy(request, consent, instant) is { } revoked)
            {
                return $"The person revoked {Name(revoked)} at {revoked.RevokedAt}: a revocation ends every consent to this caller's robocalls and robotexts, on unrelated matters too, so {Name(consent)} no longer counts.";
            }

            if (!RevokesAll && RevokedButWouldHold(consent, instant))
            {
                return $"The person revoked {Name(consent)} at {consent.RevokedAt}, by a means the caller must accept; no other consent covers this contact. A revocation is honoured from the instant it is made.";
            }
        }

        return "The person revoked their consent.";
    }

    /// <inheritdoc />
    public void AddAdvisories(in EvaluationContext context, Instant instant, ICollection<ContactAdvisory> advisories)
    {
        Preconditions.CheckNotNull(advisories, nameof(advisories));
        if (HonourWithinBusinessDays is not { } days)
        {
            return;
        }

        var request = context.Request;
        foreach (var consent in request.Consents)
        {
            if (consent.RevokedAt is not { } revoked || revoked > instant || !consent.Covers(request))
            {
                continue;
            }

            var deadline = BusinessDays.Deadline(revoked, context.Zones, days, NonBusinessDays!);
            if (deadline > instant)
            {
                advisories.Add(new ContactAdvisory(
                    Id,
                    $"The revocation of {Name(consent)} made at {revoked} must be recorded and honoured by every system and subcontractor calling for this caller before {deadline} ({days} business days; {Citation}). ContactRules treats the consent as ended from the revocation on.",
                    deadline));
            }
        }
    }

    private static bool RevokedButWouldHold(ConsentRecord consent, Instant instant)
        => consent.RevokedAt is { } revoked && revoked <= instant
            && consent.GrantedAt <= instant
            && (consent.ExpiresAt is not { } expires || instant < expires);

    // The revocation, among the person's consents, that ended this consent at the instant: a
    // consent to the same caller (or to none named) revoked at or before the instant and at or
    // after this consent's grant.
    private static ConsentRecord? SweptBy(ContactRequest request, ConsentRecord consent, Instant instant)
    {
        foreach (var other in request.Consents)
        {
            if (other.RevokedAt is { } revoked && revoked <= instant && revoked >= consent.GrantedAt
                && (other.Entity is null || request.Caller is null || other.Entity == request.Caller))
            {
                return other;
            }
        }

        return null;
    }

    // The earliest later instant at which a consent covering the request holds (and, revoking
    // all, is not ended by an earlier revocation at its grant); null when none will.
    private Instant? NextCovered(ContactRequest request, Instant instant)
    {
        Instant? earliest = null;
        foreach (var consent in request.Consents)
        {
            var granted = consent.GrantedAt;
            if (granted > instant && consent.Covers(request) && consent.IsValidAt(granted)
                && (!RevokesAll || SweptBy(request, consent, granted) is null)
                && (earliest is not { } e || granted < e))
            {
                earliest = granted;
            }
        }

        return earliest;
    }

    private static string Name(ConsentRecord consent)
        => consent.Id is { } id ? $"consent '{id}'" : $"the consent granted at {consent.GrantedAt}";
}
