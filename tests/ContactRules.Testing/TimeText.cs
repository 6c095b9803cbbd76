using NodaTime;
using NodaTime.Text;

namespace ContactRules.Testing;

/// <summary>
/// Instants and dates written the way the law and the tests state them: a UTC instant, or the
/// wall-clock time the called person reads in their own zone.
/// </summary>
public static class TimeText
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    /// <summary>An instant in UTC: "2026-03-10T10:00:00Z".</summary>
    public static Instant Utc(string instant) => InstantPattern.ExtendedIso.Parse(instant).Value;

    /// <summary>
    /// An instant given as the local time in a zone: "2026-03-10 10:00" in Paris. Strict: a local
    /// time that a clock change skips or repeats throws, so that no test states an instant it did
    /// not mean.
    /// </summary>
    public static Instant Local(string localDateTime, DateTimeZone zone) => zone.AtStrictly(LocalPattern.Parse(localDateTime).Value).ToInstant();

    /// <summary>The local time in Paris: "2026-03-10 10:00".</summary>
    public static Instant ParisTime(string localDateTime) => Local(localDateTime, Zones.Paris);

    /// <summary>The local time in New York: "2026-03-10 10:00".</summary>
    public static Instant NewYorkTime(string localDateTime) => Local(localDateTime, Zones.NewYork);

    /// <summary>A calendar date: "2026-03-10".</summary>
    public static LocalDate Date(string date) => LocalDatePattern.Iso.Parse(date).Value;
}
