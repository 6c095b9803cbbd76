using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// A calendar of excluded local dates: public holidays computed for any year, or dates a user
/// feeds (declared emergencies, holidays declared ad hoc).
/// </summary>
public sealed class HolidayCalendar
{
    // Years 1900..2299 are cached after their first use; lookups then allocate nothing.
    private const int FirstCachedYear = 1900;
    private const int CachedYears = 400;

    private readonly Func<int, IEnumerable<(LocalDate Date, string Name)>> datesOfYear;
    private readonly (LocalDate Date, string Name)[]?[] cache = new (LocalDate, string)[]?[CachedYears];

    private HolidayCalendar(string name, Func<int, IEnumerable<(LocalDate Date, string Name)>> datesOfYear)
    {
        Name = Preconditions.CheckNotEmpty(name, nameof(name));
        this.datesOfYear = datesOfYear;
    }

    /// <summary>The calendar's name, for example "French public holidays (Code du travail, art. L3133-1)".</summary>
    public string Name { get; }

    /// <summary>Creates a calendar whose dates are computed for each year.</summary>
    /// <param name="name">The calendar's name.</param>
    /// <param name="datesOfYear">The excluded dates of a year, with their names.</param>
    /// <returns>The calendar.</returns>
    public static HolidayCalendar Computed(string name, Func<int, IEnumerable<(LocalDate Date, string Name)>> datesOfYear)
        => new HolidayCalendar(name, Preconditions.CheckNotNull(datesOfYear, nameof(datesOfYear)));

    /// <summary>Creates a calendar of given dates (for example declared states of emergency).</summary>
    /// <param name="name">The calendar's name.</param>
    /// <param name="dates">The excluded dates, with their names.</param>
    /// <returns>The calendar.</returns>
    public static HolidayCalendar FromDates(string name, IEnumerable<(LocalDate Date, string Name)> dates)
    {
        var byYear = Preconditions.CheckNotNull(dates, nameof(dates)).ToLookup(d => d.Date.Year);
        return new HolidayCalendar(name, year => byYear[year].ToArray());
    }

    /// <summary>
    /// A calendar of the dates of this one and of <paramref name="added"/> (for example the legal
    /// holidays and a day of national mourning a government declared).
    /// </summary>
    /// <param name="added">The dates to add.</param>
    /// <returns>The combined calendar, named after both.</returns>
    public HolidayCalendar Plus(HolidayCalendar added)
    {
        Preconditions.CheckNotNull(added, nameof(added));
        return new HolidayCalendar($"{Name}, and {added.Name}", year => YearDates(year).Concat(added.YearDates(year)));
    }

    /// <summary>The excluded dates of <paramref name="year"/>, earliest first.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The dates and their names.</returns>
    public ImmutableArray<(LocalDate Date, string Name)> DatesOf(int year) => YearDates(year).ToImmutableArray();

    /// <summary>True when <paramref name="date"/> is excluded.</summary>
    /// <param name="date">A local date.</param>
    /// <returns>Whether it is a holiday in this calendar.</returns>
    public bool IsHoliday(LocalDate date) => NameOf(date) is not null;

    /// <summary>The name of the holiday on <paramref name="date"/>, or null when it is none.</summary>
    /// <param name="date">A local date.</param>
    /// <returns>The name, or null.</returns>
    public string? NameOf(LocalDate date)
    {
        foreach (var holiday in YearDates(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday.Name;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private (LocalDate Date, string Name)[] YearDates(int year)
    {
        var slot = year - FirstCachedYear;
        if (slot < 0 || slot >= CachedYears)
        {
            return Compute(year);
        }

        var cached = Volatile.Read(ref cache[slot]);
        if (cached is null)
        {
            cached = Compute(year);
            Volatile.Write(ref cache[slot], cached);
        }

        return cached;
    }

    private (LocalDate Date, string Name)[] Compute(int year)
        => datesOfYear(year).Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToArray();
}
