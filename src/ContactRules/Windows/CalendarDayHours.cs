using System.Collections.Immutable;
using System.Linq;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Allowed local hours on the dates of a calendar, judged in the called person's zones (every
/// candidate zone must allow): the eves of public holidays under Italy's telemarketing code,
/// 10:00–19:00. Other dates are not this rule's concern; a <see cref="CallingWindow"/> governs them.
/// </summary>
/// <remarks>
/// Intervals are half-open and resolved with NodaTime's lenient resolver, as in
/// <see cref="CallingWindow"/>: an allowed window never grows because of a clock change.
/// </remarks>
public sealed class CalendarDayHours : ContactRule
{
    // A calendar that names more than a year of dates in a row, none with hours, is taken to refuse for good.
    private const int SearchDays = 400;

    /// <summary>Creates the rule.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="days">The dates on which only <paramref name="hours"/> are allowed.</param>
    /// <param name="hours">The allowed local hours on those dates; none refuses them whole.</param>
    public CalendarDayHours(RuleMetadata metadata, HolidayCalendar days, params LocalTimeInterval[] hours)
        : base(metadata, RuleKind.CallingWindow)
    {
        Days = Preconditions.CheckNotNull(days, nameof(days));
        Hours = Preconditions.CheckNotNull(hours, nameof(hours)).OrderBy(h => h.Start).ToImmutableArray();
    }

    /// <summary>The dates on which only <see cref="Hours"/> are allowed.</summary>
    public HolidayCalendar Days { get; }

    /// <summary>The allowed local hours on those dates, earliest first.</summary>
    public ImmutableArray<LocalTimeInterval> Hours { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => true;

    /// <inheritdoc />
    public override string Parameters
        => $"on {Days.Name}: {(Hours.IsEmpty ? "no contact" : string.Join(", ", Hours.Select(h => $"{h.Start:HH:mm}–{h.End:HH:mm}")))}, called person's local time";

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        var zones = context.Zones;
        if (zones.IsDefaultOrEmpty)
        {
            return null;
        }

        Instant? earliest = instant;
        foreach (var zone in zones)
        {
            earliest = Later(earliest, EarliestInZone(zone, instant));
            if (earliest is null)
            {
                return null;
            }
        }

        return earliest;
    }

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        foreach (var zone in context.Zones)
        {
            if (EarliestInZone(zone, instant) is var next && next != instant)
            {
                var date = ZoneMath.DateOf(instant, zone);
                return $"{ZoneMath.Format(instant, zone)} is on {Days.NameOf(date)} ({Days.Name}), when only {string.Join(", ", Hours.Select(h => $"{h.Start:HH:mm}–{h.End:HH:mm}"))} are allowed"
                    + (next is { } n ? $"; the next allowed hour there starts {ZoneMath.Format(n, zone)}." : ".");
            }
        }

        return "The called person's time zone is unknown, so their local time cannot be known.";
    }

    private Instant? EarliestInZone(DateTimeZone zone, Instant instant)
    {
        var date = ZoneMath.DateOf(instant, zone);
        for (var offset = 0; offset <= SearchDays; offset++)
        {
            var day = date.PlusDays(offset);
            var dayStart = offset == 0 ? instant : ZoneMath.StartOfDay(zone, day);
            if (!Days.IsHoliday(day))
            {
                return dayStart;
            }

            foreach (var window in Hours)
            {
                var start = ZoneMath.Resolve(zone, day + window.Start);
                var end = ZoneMath.Resolve(zone, day + window.End);
                if (dayStart < end && start < end)
                {
                    return dayStart >= start ? dayStart : start;
                }
            }
        }

        return null;
    }
}
