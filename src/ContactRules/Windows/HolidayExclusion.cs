using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact on the dates of holiday calendars, judged on the called person's local date (every
/// candidate zone must be off the holiday). A calendar may apply everywhere or only in an area
/// (<see cref="HolidayArea"/>): Alsace-Moselle's Good Friday, an overseas department's
/// abolition day.
/// </summary>
public sealed class HolidayExclusion : ContactRule, IZoneAnswer
{
    // A calendar that excludes more than a year in a row is taken to exclude for good.
    private const int SearchDays = 400;

    /// <summary>Creates a holiday exclusion whose calendar applies everywhere.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="calendar">The excluded dates.</param>
    /// <param name="fixedZone">A zone that replaces the called person's zones, or null.</param>
    public HolidayExclusion(RuleMetadata metadata, HolidayCalendar calendar, DateTimeZone? fixedZone = null)
        : this(metadata, ImmutableArray.Create(new HolidayArea(Preconditions.CheckNotNull(calendar, nameof(calendar)))), fixedZone)
    {
    }

    /// <summary>Creates a holiday exclusion of several areas, each with its own calendar.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="areas">The areas and their calendars; at least one.</param>
    public HolidayExclusion(RuleMetadata metadata, IEnumerable<HolidayArea> areas)
        : this(metadata, Preconditions.CheckNotNull(areas, nameof(areas)).ToImmutableArray(), null)
    {
    }

    private HolidayExclusion(RuleMetadata metadata, ImmutableArray<HolidayArea> areas, DateTimeZone? fixedZone)
        : base(metadata, RuleKind.Holiday)
    {
        Preconditions.CheckArgument(!areas.IsEmpty && areas.All(a => a is not null), nameof(areas), "A holiday exclusion needs at least one area and no null.");
        Areas = areas;
        FixedZone = fixedZone;
    }

    /// <summary>The areas and their calendars.</summary>
    public ImmutableArray<HolidayArea> Areas { get; }

    /// <summary>The statute's fixed zone, or null for the called person's zones.</summary>
    public DateTimeZone? FixedZone { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => FixedZone is null;

    /// <summary>
    /// This rule, with the same id, citation, dates and scope, excluding the dates of
    /// <paramref name="added"/> too, wherever it applies (in each of its areas): one-off days a
    /// government declares (a day of national mourning, an emergency).
    /// </summary>
    /// <param name="added">The dates to add.</param>
    /// <returns>The new rule.</returns>
    public HolidayExclusion WithAddedDates(HolidayCalendar added)
    {
        Preconditions.CheckNotNull(added, nameof(added));
        return new HolidayExclusion(Metadata, Areas.Select(a => new HolidayArea(a.Calendar.Plus(added), a.Regions, a.Zones)).ToImmutableArray(), FixedZone);
    }

    /// <inheritdoc />
    public override string Parameters => "no contact on " + string.Join("; ", Areas);

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
        => EveryZone.Earliest(this, context, instant, FixedZone);

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        if (EveryZone.FirstRefusing(this, context, instant, FixedZone) is { } zone)
        {
            var date = ZoneMath.DateOf(instant, zone);
            foreach (var area in Areas)
            {
                if (area.AppliesIn(context.Request.Contact.Region, zone) && area.Calendar.NameOf(date) is { } name)
                {
                    return $"{ZoneMath.Format(date)} is {name} in {zone.Id}, a day without calls ({area.Calendar.Name}).";
                }
            }
        }

        return "The called person's time zone is unknown, so their local date cannot be known.";
    }

    Instant? IZoneAnswer.EarliestInZone(in EvaluationContext context, Instant instant, DateTimeZone zone)
    {
        var region = context.Request.Contact.Region;
        var date = ZoneMath.DateOf(instant, zone);
        if (!IsHoliday(region, zone, date))
        {
            return instant;
        }

        for (var offset = 1; offset <= SearchDays; offset++)
        {
            var next = date.PlusDays(offset);
            if (!IsHoliday(region, zone, next))
            {
                return ZoneMath.StartOfDay(zone, next);
            }
        }

        return null;
    }

    private bool IsHoliday(string? region, DateTimeZone zone, LocalDate date)
    {
        foreach (var area in Areas)
        {
            if (area.AppliesIn(region, zone) && area.Calendar.IsHoliday(date))
            {
                return true;
            }
        }

        return false;
    }
}
