using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Allowed days and local hours, judged in the called person's zone (every candidate zone must
/// allow), or in a fixed zone where the statute names one (Mississippi's Central Standard Time).
/// </summary>
/// <remarks>
/// Each day's intervals are half-open and resolved to instants with NodaTime's lenient resolver:
/// a start skipped by a spring-forward change moves later, an end repeated by a fall-back change
/// is its first occurrence. An allowed window never grows because of a clock change.
/// </remarks>
public sealed class CallingWindow : ContactRule, IZoneAnswer
{
    // A zone interval that starts at least two days before and ends at least two days after an
    // instant has no clock change on that instant's local date, so local times map 1:1.
    private static readonly Duration Calm = Duration.FromDays(2);

    // The longest stretch searched for the next allowed interval.
    private const int SearchDays = 14;

    /// <summary>Creates a calling window.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="hours">The allowed local hours of each day of the week.</param>
    /// <param name="fixedZone">
    /// A zone that replaces the called person's zones, where the statute names a fixed clock;
    /// null to use the called person's candidate zones.
    /// </param>
    public CallingWindow(RuleMetadata metadata, WeeklyHours hours, DateTimeZone? fixedZone = null)
        : base(metadata, RuleKind.CallingWindow)
    {
        Hours = Preconditions.CheckNotNull(hours, nameof(hours));
        FixedZone = fixedZone;
    }

    /// <summary>The allowed local hours of each day of the week.</summary>
    public WeeklyHours Hours { get; }

    /// <summary>The statute's fixed zone, or null for the called person's zones.</summary>
    public DateTimeZone? FixedZone { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => FixedZone is null;

    /// <inheritdoc />
    public override string Parameters => FixedZone is null ? $"{Hours}, called person's local time" : $"{Hours}, {FixedZone.Id} (fixed)";

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
        => EveryZone.Earliest(this, context, instant, FixedZone);

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        var zone = FixedZone ?? EveryZone.FirstRefusing(this, context, instant);
        if (zone is null)
        {
            return "The called person's time zone is unknown, so their local time cannot be known.";
        }

        var next = EarliestInZone(zone, instant);
        return $"{ZoneMath.Format(instant, zone)} is outside the allowed hours ({Hours})"
            + (next is { } n ? $"; the next allowed hour there starts {ZoneMath.Format(n, zone)}." : "; no allowed hour follows.");
    }

    Instant? IZoneAnswer.EarliestInZone(in EvaluationContext context, Instant instant, DateTimeZone zone) => EarliestInZone(zone, instant);

    private Instant? EarliestInZone(DateTimeZone zone, Instant instant)
    {
        var interval = zone.GetZoneInterval(instant);
        var local = instant.WithOffset(interval.WallOffset).LocalDateTime;
        var date = local.Date;
        var calm = (!interval.HasStart || interval.Start <= instant - Calm) && (!interval.HasEnd || interval.End > instant + Calm);

        foreach (var window in Hours.On(date.DayOfWeek))
        {
            if (calm)
            {
                var time = local.TimeOfDay;
                if (time < window.End)
                {
                    return time >= window.Start
                        ? instant
                        : instant + Duration.FromNanoseconds(window.Start.NanosecondOfDay - time.NanosecondOfDay);
                }
            }
            else
            {
                var start = ZoneMath.Resolve(zone, date + window.Start);
                var end = ZoneMath.Resolve(zone, date + window.End);
                if (instant < end && start < end)
                {
                    return instant >= start ? instant : start;
                }
            }
        }

        for (var offset = 1; offset <= SearchDays; offset++)
        {
            var day = date.PlusDays(offset);
            foreach (var window in Hours.On(day.DayOfWeek))
            {
                var start = ZoneMath.Resolve(zone, day + window.Start);
                var end = ZoneMath.Resolve(zone, day + window.End);
                if (start < end)
                {
                    return start;
                }
            }
        }

        return null;
    }
}
