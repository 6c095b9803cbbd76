using NodaTime;
using NodaTime.TimeZones;

namespace ContactRules.Internal;

/// <summary>
/// Local-to-instant conversions with the conventions' resolver: NodaTime's lenient resolver, so
/// that a local time skipped by a clock change maps forward and a repeated one maps to its first
/// occurrence. Windows built from such boundaries never grow because of a clock change.
/// </summary>
internal static class ZoneMath
{
    internal static Instant Resolve(DateTimeZone zone, LocalDateTime local)
        => zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    internal static Instant StartOfDay(DateTimeZone zone, LocalDate date)
    {
        // DateTimeZone.AtStartOfDay allocates a mapping object. Away from clock changes the start
        // of the day is simply local midnight minus the offset; near one, ask NodaTime.
        var midnightAsUtc = date.AtMidnight().InUtc().ToInstant();
        var interval = zone.GetZoneInterval(midnightAsUtc);
        var candidate = midnightAsUtc - Duration.FromSeconds(interval.WallOffset.Seconds);
        if ((!interval.HasStart || interval.Start <= candidate - Margin) && (!interval.HasEnd || interval.End > candidate + Margin))
        {
            return candidate;
        }

        return zone.AtStartOfDay(date).ToInstant();
    }

    // Wall offsets are within ±18 hours: an interval that covers two days either side of the
    // candidate covers every instant whose local date is the day in question.
    private static readonly Duration Margin = Duration.FromDays(2);

    internal static LocalDate DateOf(Instant instant, DateTimeZone zone)
        => instant.InZone(zone).Date;

    internal static string Format(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return $"{local.DayOfWeek.ToString().Substring(0, 3)} {local:yyyy-MM-dd HH:mm} in {zone.Id}";
    }

    internal static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
