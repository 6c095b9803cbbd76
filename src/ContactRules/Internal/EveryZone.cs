using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Internal;

/// <summary>
/// A rule that can answer for one candidate zone at a time: the earliest instant at or after a
/// given one at which it allows the contact for a person in that zone, or null for never.
/// </summary>
internal interface IZoneAnswer
{
    Instant? EarliestInZone(in EvaluationContext context, Instant instant, DateTimeZone zone);
}

/// <summary>
/// The conventions' reading of a person with several candidate zones, written once for every
/// rule that reads local dates or times: the contact is allowed only at instants allowed in
/// <em>every</em> candidate zone, and with no zone at all it is not allowed (the rule cannot know
/// the local date, and ContactRules never guesses one).
/// </summary>
internal static class EveryZone
{
    /// <summary>
    /// The earliest instant at or after <paramref name="instant"/> allowed in every candidate zone
    /// (the latest of the zones' answers; null when any zone never allows, or when there is no
    /// zone). A statute's fixed zone, when given, replaces the person's zones.
    /// </summary>
    internal static Instant? Earliest<TRule>(TRule rule, in EvaluationContext context, Instant instant, DateTimeZone? fixedZone = null)
        where TRule : class, IZoneAnswer
    {
        if (fixedZone is not null)
        {
            return rule.EarliestInZone(context, instant, fixedZone);
        }

        var zones = context.Zones;
        if (zones.IsDefaultOrEmpty)
        {
            return null;
        }

        var earliest = instant;
        foreach (var zone in zones)
        {
            if (rule.EarliestInZone(context, instant, zone) is not { } answer)
            {
                return null;
            }

            if (answer > earliest)
            {
                earliest = answer;
            }
        }

        return earliest;
    }

    /// <summary>
    /// The first candidate zone (or the fixed zone) in which the rule refuses at
    /// <paramref name="instant"/>, to explain a refusal in that zone's local terms; null when no
    /// zone refuses (there is none).
    /// </summary>
    internal static DateTimeZone? FirstRefusing<TRule>(TRule rule, in EvaluationContext context, Instant instant, DateTimeZone? fixedZone = null)
        where TRule : class, IZoneAnswer
    {
        if (fixedZone is not null)
        {
            return rule.EarliestInZone(context, instant, fixedZone) == instant ? null : fixedZone;
        }

        foreach (var zone in context.Zones)
        {
            if (rule.EarliestInZone(context, instant, zone) != instant)
            {
                return zone;
            }
        }

        return null;
    }

    /// <summary>
    /// The earliest and the latest of the candidate zones' local dates at <paramref name="instant"/>;
    /// false when there is no zone. A condition on local dates that must hold in every zone, and
    /// that holds on a range of dates, holds in every zone exactly when it holds on both ends.
    /// </summary>
    internal static bool LocalDates(Instant instant, in EvaluationContext context, out LocalDate earliest, out LocalDate latest)
    {
        earliest = default;
        latest = default;
        var zones = context.Zones;
        if (zones.IsDefaultOrEmpty)
        {
            return false;
        }

        earliest = latest = ZoneMath.DateOf(instant, zones[0]);
        for (var i = 1; i < zones.Length; i++)
        {
            var date = ZoneMath.DateOf(instant, zones[i]);
            if (date < earliest)
            {
                earliest = date;
            }

            if (date > latest)
            {
                latest = date;
            }
        }

        return true;
    }
}
