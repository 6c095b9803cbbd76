using System.Collections.Generic;
using NodaTime;

namespace ContactRules.Reports;

/// <summary>One row of a <see cref="CallsPerDayChart"/>: a person or a caller, and their calls per local day.</summary>
internal sealed class ChartRow
{
    private readonly Dictionary<LocalDate, ChartDay> days = new();

    internal ChartRow(string key, string label)
    {
        Key = key;
        Label = label;
    }

    /// <summary>Who the row is, as its squares' data attribute names it (a contact id, a caller's name).</summary>
    internal string Key { get; }

    /// <summary>The text at the start of the row (the key, or a shortened one).</summary>
    internal string Label { get; }

    /// <summary>The days with calls.</summary>
    internal IReadOnlyDictionary<LocalDate, ChartDay> Days => days;

    /// <summary>Counts a call on the local <paramref name="date"/>; <paramref name="marked"/> when it broke a rule.</summary>
    internal void Add(LocalDate date, bool marked)
    {
        var day = days.GetValueOrDefault(date);
        days[date] = new ChartDay(day.Calls + 1, day.Marked + (marked ? 1 : 0));
    }

    /// <summary>The calls of <paramref name="date"/>.</summary>
    internal ChartDay On(LocalDate date) => days.GetValueOrDefault(date);
}
