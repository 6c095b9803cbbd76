using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// The allowed local hours of each day of the week: several half-open intervals a day, none on a
/// day when contact is not allowed at all.
/// </summary>
public sealed class WeeklyHours
{
    private static readonly IsoDayOfWeek[] Week =
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    };

    // Indexed by (int)IsoDayOfWeek: 1 = Monday ... 7 = Sunday; slot 0 unused.
    private readonly ImmutableArray<LocalTimeInterval>[] days;

    // The summary, written once: every refusal of a calling window quotes it (a scrub refuses
    // thousands of rows with the same window), and the hours never change.
    private string? summary;

    private WeeklyHours(ImmutableArray<LocalTimeInterval>[] days)
    {
        this.days = days;
    }

    /// <summary>No allowed hour on any day.</summary>
    public static WeeklyHours None { get; } = new WeeklyHours(Enumerable.Repeat(ImmutableArray<LocalTimeInterval>.Empty, 8).ToArray());

    /// <summary>The same intervals Monday to Friday, nothing at weekends.</summary>
    /// <param name="intervals">The intervals of each weekday.</param>
    /// <returns>The weekly hours.</returns>
    public static WeeklyHours Weekdays(params LocalTimeInterval[] intervals)
        => None.With(new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }, intervals);

    /// <summary>The same intervals every day of the week.</summary>
    /// <param name="intervals">The intervals of each day.</param>
    /// <returns>The weekly hours.</returns>
    public static WeeklyHours EveryDay(params LocalTimeInterval[] intervals) => None.With(Week, intervals);

    /// <summary>Returns a copy with the given days' intervals replaced.</summary>
    /// <param name="day">The day to set.</param>
    /// <param name="intervals">Its intervals; none for a day without calls.</param>
    /// <returns>The new weekly hours.</returns>
    public WeeklyHours With(IsoDayOfWeek day, params LocalTimeInterval[] intervals) => With(new[] { day }, intervals);

    /// <summary>Returns a copy with the given days' intervals replaced.</summary>
    /// <param name="daysToSet">The days to set.</param>
    /// <param name="intervals">Their intervals; none for days without calls.</param>
    /// <returns>The new weekly hours.</returns>
    /// <exception cref="ArgumentException">Intervals overlap, or a day is not a day of the week.</exception>
    public WeeklyHours With(IEnumerable<IsoDayOfWeek> daysToSet, params LocalTimeInterval[] intervals)
    {
        var sorted = (intervals ?? Array.Empty<LocalTimeInterval>()).OrderBy(i => i.Start).ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                throw new ArgumentException($"Calling intervals must not overlap: {sorted[i - 1]} and {sorted[i]}.", nameof(intervals));
            }
        }

        var copy = (ImmutableArray<LocalTimeInterval>[])days.Clone();
        foreach (var day in daysToSet)
        {
            if (day < IsoDayOfWeek.Monday || day > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentException($"'{day}' is not a day of the week.", nameof(daysToSet));
            }

            copy[(int)day] = sorted;
        }

        return new WeeklyHours(copy);
    }

    /// <summary>The allowed intervals of <paramref name="day"/>, earliest first.</summary>
    /// <param name="day">A day of the week.</param>
    /// <returns>Its intervals; empty when contact is not allowed that day.</returns>
    public ImmutableArray<LocalTimeInterval> On(IsoDayOfWeek day) => days[(int)day];

    /// <summary>True when some day has an allowed interval.</summary>
    public bool HasAnyHours => Week.Any(d => !days[(int)d].IsEmpty);

    /// <summary>A summary such as <c>Mon–Fri 10:00–13:00, 14:00–20:00; Sat, Sun none</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => summary ??= Summarise();

    private string Summarise()
    {
        var groups = new List<string>();
        var i = 0;
        while (i < Week.Length)
        {
            var j = i;
            while (j + 1 < Week.Length && days[(int)Week[j + 1]].SequenceEqual(days[(int)Week[i]]))
            {
                j++;
            }

            var range = i == j ? Short(Week[i]) : $"{Short(Week[i])}–{Short(Week[j])}";
            var hours = days[(int)Week[i]];
            groups.Add($"{range} {(hours.IsEmpty ? "none" : string.Join(", ", hours))}");
            i = j + 1;
        }

        return string.Join("; ", groups);
    }

    private static string Short(IsoDayOfWeek day) => day.ToString().Substring(0, 3);
}
