using System;
using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// The local dates on which a rule is in force, both ends inclusive. A rule is applied at an
/// instant when that instant's local date, in any of the called person's candidate zones, lies in
/// the period: where the zone is uncertain, the stricter reading wins.
/// </summary>
public sealed class InForcePeriod
{
    // Any zone's local date differs from the UTC date by at most 18 hours either way, so far from
    // a boundary the answer does not depend on the zone and costs two comparisons.
    private static readonly Duration ZoneMargin = Duration.FromHours(18);

    private readonly Instant fromLowerBound;
    private readonly Instant fromUpperBound;
    private readonly Instant toLowerBound;
    private readonly Instant toUpperBound;

    /// <summary>Creates a period.</summary>
    /// <param name="from">The first local date in force, or null for "since always".</param>
    /// <param name="to">The last local date in force (inclusive), or null for "until further notice".</param>
    public InForcePeriod(LocalDate? from, LocalDate? to)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw new ArgumentException($"The period ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
        var fromUtc = from?.AtMidnight().InUtc().ToInstant();
        var afterToUtc = to?.PlusDays(1).AtMidnight().InUtc().ToInstant();
        fromLowerBound = fromUtc is { } a ? a - ZoneMargin : Instant.MinValue;
        fromUpperBound = fromUtc is { } b ? b + ZoneMargin : Instant.MinValue;
        toLowerBound = afterToUtc is { } c ? c - ZoneMargin : Instant.MaxValue;
        toUpperBound = afterToUtc is { } d ? d + ZoneMargin : Instant.MaxValue;
    }

    /// <summary>In force at every date.</summary>
    public static InForcePeriod Always { get; } = new InForcePeriod(null, null);

    /// <summary>The first local date in force, or null.</summary>
    public LocalDate? From { get; }

    /// <summary>The last local date in force (inclusive), or null.</summary>
    public LocalDate? To { get; }

    /// <summary>A period from <paramref name="from"/> on.</summary>
    /// <param name="from">The first local date in force.</param>
    /// <returns>The period.</returns>
    public static InForcePeriod Since(LocalDate from) => new InForcePeriod(from, null);

    /// <summary>A period from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <param name="from">The first local date in force.</param>
    /// <param name="to">The last local date in force.</param>
    /// <returns>The period.</returns>
    public static InForcePeriod Between(LocalDate from, LocalDate to) => new InForcePeriod(from, to);

    /// <summary>
    /// True when the rule is in force at <paramref name="instant"/> in at least one of the
    /// zones; with no zone, when it is in force anywhere on Earth at that instant.
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zones">The called person's candidate zones.</param>
    /// <returns>Whether the rule applies.</returns>
    public bool IsInForce(Instant instant, ImmutableArray<DateTimeZone> zones)
    {
        if (instant < fromLowerBound || instant >= toUpperBound)
        {
            return false;
        }

        if (instant >= fromUpperBound && instant < toLowerBound)
        {
            return true;
        }

        if (zones.IsDefaultOrEmpty)
        {
            return true;
        }

        foreach (var zone in zones)
        {
            var date = instant.InZone(zone).Date;
            if ((From is not { } f || date >= f) && (To is not { } t || date <= t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first instant at or after <paramref name="instant"/> at which the period has ended in
    /// every zone, or null when it never ends.
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zones">The called person's candidate zones.</param>
    /// <returns>The end, or null.</returns>
    public Instant? EndAfter(Instant instant, ImmutableArray<DateTimeZone> zones)
    {
        if (To is not { } to)
        {
            return null;
        }

        var afterTo = to.PlusDays(1);
        var end = Instant.MinValue;
        if (zones.IsDefaultOrEmpty)
        {
            end = toUpperBound;
        }
        else
        {
            foreach (var zone in zones)
            {
                var zoneEnd = zone.AtStartOfDay(afterTo).ToInstant();
                if (zoneEnd > end)
                {
                    end = zoneEnd;
                }
            }
        }

        return end > instant ? end : instant;
    }

    /// <summary>
    /// The first instant at which the period has started in at least one zone (with no zone, in
    /// at least one place on Earth): from then on a rule with this period applies, on the
    /// stricter reading.
    /// </summary>
    /// <param name="zones">The called person's candidate zones.</param>
    /// <returns>The instant; <see cref="Instant.MinValue"/> when the period has no start.</returns>
    internal Instant StartInSomeZone(ImmutableArray<DateTimeZone> zones)
    {
        if (From is not { } from)
        {
            return Instant.MinValue;
        }

        if (zones.IsDefaultOrEmpty)
        {
            return fromLowerBound;
        }

        var start = Instant.MaxValue;
        foreach (var zone in zones)
        {
            var zoneStart = Internal.ZoneMath.StartOfDay(zone, from);
            if (zoneStart < start)
            {
                start = zoneStart;
            }
        }

        return start;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="instant"/> at which the period holds in
    /// every zone (with no zone, everywhere on Earth), or null when it never will again: the
    /// stricter reading for an exemption with dates, which holds only where every zone allows it.
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zones">The called person's candidate zones.</param>
    /// <returns>The instant, or null.</returns>
    internal Instant? EarliestInForceEverywhere(Instant instant, ImmutableArray<DateTimeZone> zones)
    {
        Instant start;
        Instant end;
        if (zones.IsDefaultOrEmpty)
        {
            start = From is null ? Instant.MinValue : fromUpperBound;
            end = To is null ? Instant.MaxValue : toLowerBound;
        }
        else
        {
            start = Instant.MinValue;
            end = Instant.MaxValue;
            foreach (var zone in zones)
            {
                if (From is { } from)
                {
                    var zoneStart = Internal.ZoneMath.StartOfDay(zone, from);
                    start = zoneStart > start ? zoneStart : start;
                }

                if (To is { } to)
                {
                    var zoneEnd = Internal.ZoneMath.StartOfDay(zone, to.PlusDays(1));
                    end = zoneEnd < end ? zoneEnd : end;
                }
            }
        }

        var earliest = instant > start ? instant : start;
        return earliest < end ? earliest : null;
    }

    /// <inheritdoc />
    public override string ToString()
        => $"{(From is { } f ? f.ToString("yyyy-MM-dd", null) : "always")} .. {(To is { } t ? t.ToString("yyyy-MM-dd", null) : "until further notice")}";
}
