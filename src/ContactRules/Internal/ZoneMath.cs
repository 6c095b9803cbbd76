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
        => zone.AtStartOfDay(date).ToInstant();

    internal static LocalDate DateOf(Instant instant, DateTimeZone zone)
        => instant.InZone(zone).Date;

    internal static string Format(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return $"{local.DayOfWeek.ToString().Substring(0, 3)} {local:yyyy-MM-dd HH:mm} in {zone.Id}";
    }

    internal static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
