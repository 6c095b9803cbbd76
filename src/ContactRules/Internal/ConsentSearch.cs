using NodaTime;

namespace ContactRules.Internal;

/// <summary>
/// Finds, among a person's consents, the earliest instant at or after a given one at which a
/// consent covering the request holds.
/// </summary>
internal static class ConsentSearch
{
    internal static Instant? EarliestCovered(ContactRequest request, Instant instant, bool outsideHoursOnly)
    {
        Instant? earliest = null;
        foreach (var consent in request.Consents)
        {
            if ((outsideHoursOnly && !consent.OutsideHours) || !consent.Covers(request))
            {
                continue;
            }

            if (consent.IsValidAt(instant))
            {
                return instant;
            }

            // A consent granted later, and not already lapsed by then, will hold from its grant.
            if (consent.GrantedAt > instant && consent.IsValidAt(consent.GrantedAt)
                && (earliest is not { } e || consent.GrantedAt < e))
            {
                earliest = consent.GrantedAt;
            }
        }

        return earliest;
    }
}
