using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact made within a number of local dates after the person gave a consent that
/// covers it, the consent's date being day 1 (Regulation F, 12 CFR 1006.14(b)(3)(i): calls placed
/// with the person's prior consent given directly to the debt collector, within seven
/// consecutive days of receiving it, are excluded from the call-frequency presumptions).
/// </summary>
/// <remarks>
/// <para>
/// A consent granted on local date G covers contacts on dates G … G+Days-1, judged in every
/// candidate zone (with no zone, it covers nothing: the dates cannot be known). The consent must
/// still hold at the contact (not revoked, not expired) and cover its channel, purpose and caller.
/// </para>
/// <para>
/// Give a <see cref="FrequencyCap"/> the same exemption as <see cref="FrequencyCap.UncountedUnderConsent"/>
/// so that attempts placed under the consent are not counted either. Pass only consents the
/// person gave directly to the caller: ContactRules cannot tell how a consent was obtained.
/// </para>
/// </remarks>
public sealed class ConsentPeriodExemption : RuleExemption, IReadsConsents
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="days">The number of local dates covered, the consent's date being day 1; at least 1.</param>
    /// <param name="description">What the exemption is, in plain words.</param>
    public ConsentPeriodExemption(int days, string description)
        : base(description)
    {
        Days = Preconditions.CheckPositive(days, nameof(days));
    }

    /// <summary>The number of local dates covered, the consent's date being day 1.</summary>
    public int Days { get; }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        var zones = context.Zones;
        if (zones.IsDefaultOrEmpty)
        {
            return null;
        }

        Instant? earliest = null;
        foreach (var consent in request.Consents)
        {
            if (!consent.Covers(request))
            {
                continue;
            }

            if (consent.IsValidAt(instant) && WithinPeriod(consent, instant, context))
            {
                return instant;
            }

            // A consent granted later covers the contact from its grant, if it holds then.
            if (consent.GrantedAt > instant && consent.IsValidAt(consent.GrantedAt) && (earliest is not { } e || consent.GrantedAt < e))
            {
                earliest = consent.GrantedAt;
            }
        }

        return earliest;
    }

    /// <inheritdoc />
    ConsentStanding IReadsConsents.StandingOf(ConsentRecord consent, in EvaluationContext context, Instant instant)
        => !context.Zones.IsDefaultOrEmpty && consent.Covers(context.Request) && consent.IsValidAt(instant) && WithinPeriod(consent, instant, context)
            ? ConsentStanding.Counts
            : ConsentStanding.NotCounted;

    /// <summary>
    /// True when <paramref name="attempt"/> was placed under a consent of the person that covered
    /// it (channel, purpose, and the attempt's caller when the consent names one) and within the
    /// consent's period: such an attempt is not counted.
    /// </summary>
    /// <param name="context">The request (its consents) and history.</param>
    /// <param name="attempt">An earlier attempt.</param>
    /// <returns>Whether the attempt was covered.</returns>
    public bool CoversAttempt(in EvaluationContext context, in ContactAttempt attempt)
    {
        if (context.Zones.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var consent in context.Request.Consents)
        {
            // An attempt of unknown caller cannot be shown to fall under a consent to a named
            // entity: it stays counted.
            if ((consent.Channel is not { } channel || channel == attempt.Channel)
                && (consent.Purpose is not { } purpose || purpose == attempt.Purpose)
                && (consent.Entity is null || string.Equals(consent.Entity, attempt.Caller, System.StringComparison.Ordinal))
                && !context.Request.Contact.IsBeforeReassignment(consent.GrantedAt)
                && consent.IsValidAt(attempt.At)
                && WithinPeriod(consent, attempt.At, context))
            {
                return true;
            }
        }

        return false;
    }

    private bool WithinPeriod(ConsentRecord consent, Instant instant, in EvaluationContext context)
    {
        foreach (var zone in context.Zones)
        {
            var granted = ZoneMath.DateOf(consent.GrantedAt, zone);
            var date = ZoneMath.DateOf(instant, zone);
            if (date < granted || date > granted.PlusDays(Days - 1))
            {
                return false;
            }
        }

        return true;
    }
}
