using NodaTime;

namespace ContactRules.Internal;

/// <summary>
/// Finds, among a person's consents, the earliest instant at or after a given one at which a
/// consent covering the request holds.
/// </summary>
internal static class ConsentSearch
{
    /// <summary>The earliest instant at or after <paramref name="instant"/> at which a consent covering the request holds, or null.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <param name="outsideHoursOnly">Only consents to calls outside the legal days and hours count.</param>
    /// <param name="defaultTerm">
    /// When set, a consent with no stated expiry lapses this long after its grant (Australia: 3
    /// months), counted on the UTC calendar.
    /// </param>
    /// <param name="voidedByRegistrationOn">
    /// When set, a consent granted at or before the person's registration on this registry does
    /// not count (Italy's RPO revokes earlier consents; Belgium's DNCM yields only to a later opt-in).
    /// </param>
    internal static Instant? EarliestCovered(
        ContactRequest request,
        Instant instant,
        bool outsideHoursOnly,
        Period? defaultTerm = null,
        ContactRegistry? voidedByRegistrationOn = null)
    {
        Instant? earliest = null;
        foreach (var consent in request.Consents)
        {
            if ((outsideHoursOnly && !consent.OutsideHours) || !consent.Covers(request))
            {
                continue;
            }

            if (voidedByRegistrationOn is { } registry && IsVoidedByRegistration(request, consent, registry))
            {
                continue;
            }

            var end = EndOf(consent, defaultTerm);
            if (consent.GrantedAt <= instant && (end is not { } e0 || instant < e0))
            {
                return instant;
            }

            // A consent granted later, and not already lapsed by then, will hold from its grant.
            if (consent.GrantedAt > instant && (end is not { } e1 || consent.GrantedAt < e1)
                && (earliest is not { } e || consent.GrantedAt < e))
            {
                earliest = consent.GrantedAt;
            }
        }

        return earliest;
    }

    /// <summary>The instant a consent stops holding, given a default term for consents that state none.</summary>
    internal static Instant? EndOf(ConsentRecord consent, Period? defaultTerm)
    {
        if (defaultTerm is null || consent.ExpiresAt is not null)
        {
            return consent.EndsAt;
        }

        var lapse = consent.GrantedAt.InUtc().LocalDateTime.Plus(defaultTerm).InUtc().ToInstant();
        return consent.RevokedAt is { } revoked && revoked < lapse ? revoked : lapse;
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
