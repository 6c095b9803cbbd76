using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// A holiday calendar and where it applies: everywhere, or in a place that the called person's
/// subdivision (<see cref="Contact.Region"/>) or one of their candidate zones names.
/// </summary>
/// <remarks>
/// A place known by its subdivision applies its holidays on the local date of every candidate
/// zone (the person lives there, whichever clock they are on). A place known by a zone applies
/// them in that zone only, on that zone's own local date: a person who may be in Réunion or in
/// Paris is refused on Réunion's holiday while it is that date in Réunion, not while it is that
/// date in Paris.
/// </remarks>
public sealed class HolidayArea
{
    /// <summary>Creates an area.</summary>
    /// <param name="calendar">Its holidays.</param>
    /// <param name="regions">The ISO 3166-2 subdivisions that place a person there (for example <c>FR-974</c>); null or empty for none.</param>
    /// <param name="zones">The candidate zones that place a person there (for example Indian/Reunion); null or empty for none.</param>
    /// <remarks>With neither regions nor zones, the area is everywhere.</remarks>
    public HolidayArea(HolidayCalendar calendar, IEnumerable<string>? regions = null, IEnumerable<DateTimeZone>? zones = null)
    {
        Calendar = Preconditions.CheckNotNull(calendar, nameof(calendar));
        Regions = regions?.Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray() ?? ImmutableArray<string>.Empty;
        Zones = zones?.ToImmutableArray() ?? ImmutableArray<DateTimeZone>.Empty;
        foreach (var region in Regions)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(region), nameof(regions), "A holiday area's regions must not be empty.");
        }

        foreach (var zone in Zones)
        {
            Preconditions.CheckArgument(zone is not null, nameof(zones), "A holiday area's zones must not be null.");
        }
    }

    /// <summary>The area's holidays.</summary>
    public HolidayCalendar Calendar { get; }

    /// <summary>The subdivisions that place a person in the area; empty for none.</summary>
    public ImmutableArray<string> Regions { get; }

    /// <summary>The candidate zones that place a person in the area; empty for none.</summary>
    public ImmutableArray<DateTimeZone> Zones { get; }

    /// <summary>True when the area has neither regions nor zones: its holidays apply to everyone.</summary>
    public bool IsEverywhere => Regions.IsEmpty && Zones.IsEmpty;

    /// <summary>
    /// True when the area's holidays apply, on <paramref name="zone"/>'s local date, to a person of
    /// subdivision <paramref name="region"/>: the area is everywhere, names the region, or names the zone.
    /// </summary>
    /// <param name="region">The person's subdivision, or null.</param>
    /// <param name="zone">One of the person's candidate zones (or a statute's fixed zone).</param>
    /// <returns>Whether the area's holidays are read in that zone.</returns>
    public bool AppliesIn(string? region, DateTimeZone zone)
    {
        Preconditions.CheckNotNull(zone, nameof(zone));
        if (IsEverywhere)
        {
            return true;
        }

        if (region is not null)
        {
            foreach (var r in Regions)
            {
                if (string.Equals(r, region, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        foreach (var z in Zones)
        {
            if (string.Equals(z.Id, zone.Id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (IsEverywhere)
        {
            return Calendar.Name;
        }

        var where = new List<string>();
        if (!Regions.IsEmpty)
        {
            where.Add((Regions.Length == 1 ? "region " : "regions ") + string.Join(", ", Regions));
        }

        if (!Zones.IsEmpty)
        {
            where.Add((Zones.Length == 1 ? "zone " : "zones ") + string.Join(", ", Zones.Select(z => z.Id)));
        }

        return $"{Calendar.Name} ({string.Join(" or ", where)})";
    }
}
