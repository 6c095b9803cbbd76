using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact on the dates of a holiday calendar, judged on the called person's local date
/// (every candidate zone must be off the holiday).
/// </summary>
public sealed class HolidayExclusion : ContactRule
{
    // A calendar that excludes more than a year in a row is taken to exclude for good.
    private const int SearchDays = 400;

    /// <summary>Creates a holiday exclusion.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="calendar">The excluded dates.</param>
    /// <param name="fixedZone">A zone that replaces the called person's zones, or null.</param>
    public HolidayExclusion(RuleMetadata metadata, HolidayCalendar calendar, DateTimeZone? fixedZone = null)
        : base(metadata, RuleKind.Holiday)
    {
        Calendar = Preconditions.CheckNotNull(calendar, nameof(calendar));
        FixedZone = fixedZone;
    }

    /// <summary>The excluded dates.</summary>
    public HolidayCalendar Calendar { get; }

    /// <summary>The statute's fixed zone, or null for the called person's zones.</summary>
    public DateTimeZone? FixedZone { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => FixedZone is null;

    /// <summary>
    /// This rule, with the same id, citation, dates and scope, excluding the dates of
    /// <paramref name="added"/> too: one-off days a government declares (a day of national
    /// mourning, an emergency).
    /// </summary>
    /// <param name="added">The dates to add.</param>
    /// <returns>The new rule.</returns>
    public HolidayExclusion WithAddedDates(HolidayCalendar added)
        => new HolidayExclusion(Metadata, Calendar.Plus(added), FixedZone);

    /// <inheritdoc />
    public override string Parameters => $"no contact on {Calendar.Name}";

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        if (FixedZone is { } fixedZone)
        {
            return EarliestInZone(fixedZone, instant);
        }

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
        foreach (var zone in FixedZone is { } z ? System.Collections.Immutable.ImmutableArray.Create(z) : context.Zones)
        {
            var date = ZoneMath.DateOf(instant, zone);
            if (Calendar.NameOf(date) is { } name)
            {
                return $"{ZoneMath.Format(date)} is {name} in {zone.Id}, a day without calls ({Calendar.Name}).";
            }
        }

        return "The called person's time zone is unknown, so their local date cannot be known.";
    }

    private Instant? EarliestInZone(DateTimeZone zone, Instant instant)
    {
        var date = ZoneMath.DateOf(instant, zone);
        if (!Calendar.IsHoliday(date))
        {
            return instant;
        }

        for (var offset = 1; offset <= SearchDays; offset++)
        {
            var next = date.PlusDays(offset);
            if (!Calendar.IsHoliday(next))
            {
                return ZoneMath.StartOfDay(zone, next);
            }
        }

        return null;
    }
}
