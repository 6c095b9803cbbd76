using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using static ContactRules.Reports.ReportStyle;

namespace ContactRules.Reports;

/// <summary>
/// The calls-per-day chart of every report (the audit's people, the called person's callers, the
/// churn replay's customers; a linked source file in the tool and the sample): one row each, one
/// square per local day, coloured by the day's calls, framed in black when a call of the day broke
/// a rule, weekends underlined. A row of orange and red squares is the "2–5 calls a day for weeks"
/// pattern. Inline SVG, no script; it scrolls inside the page on screen and shrinks to the page in
/// print.
/// </summary>
/// <remarks>
/// A report adds its rows (<see cref="Row"/>) and their calls, then writes the legend and the chart
/// for the days it shows: all of them, or the busiest stretch of <see cref="MostDays"/>
/// (<see cref="Window"/>). What differs from one report to the next is said by the properties: the
/// squares' data attributes (which the rendered-report tests read), the square size, the words.
/// </remarks>
internal sealed class CallsPerDayChart
{
    /// <summary>The most days a chart shows; a longer period shows its busiest stretch.</summary>
    internal const int MostDays = 62;

    /// <summary>The style of the legend and of the chart in print, added to <see cref="ReportStyle.Css"/>.</summary>
    internal const string Css =
        ".legend span{display:inline-block;width:1.2rem;height:1rem;margin-right:.3rem;vertical-align:middle}"
        + "@media print{svg{max-width:100%;height:auto}}";

    private readonly List<ChartRow> rows = new();

    /// <param name="id">The <c>id</c> of the <c>svg</c> element.</param>
    /// <param name="ariaLabel">What the chart shows, for screen readers.</param>
    /// <param name="rowAttribute">The data attribute that names each square's row, such as <c>data-person</c>.</param>
    internal CallsPerDayChart(string id, string ariaLabel, string rowAttribute)
    {
        Id = id;
        AriaLabel = ariaLabel;
        RowAttribute = rowAttribute;
    }

    internal string Id { get; }

    internal string AriaLabel { get; }

    internal string RowAttribute { get; }

    /// <summary>The data attribute that counts each square's calls that broke a rule, such as <c>data-violations</c>; null for a chart of calls only (no frames).</summary>
    internal string? MarkAttribute { get; init; }

    /// <summary>The side of a square, in pixels (gap included).</summary>
    internal int Cell { get; init; } = 14;

    /// <summary>The width of the row labels, in pixels.</summary>
    internal int Left { get; init; } = 130;

    /// <summary>The font size of the row labels, in pixels.</summary>
    internal int LabelSize { get; init; } = 10;

    /// <summary>The label of a week's first day at the top of its column.</summary>
    internal Func<LocalDate, string> DayLabel { get; init; } = date => date.ToString("dd MMM", CultureInfo.InvariantCulture);

    /// <summary>The tooltip of a square: its row, its date, its calls.</summary>
    internal Func<ChartRow, LocalDate, ChartDay, string> Title { get; init; } = (row, date, day) => $"{row.Label}, {Iso(date)}: {day.Calls} call(s)";

    /// <summary>The rows, in the order added.</summary>
    internal IReadOnlyList<ChartRow> Rows => rows;

    /// <summary>True when no row has a call.</summary>
    internal bool IsEmpty => rows.All(r => r.Days.Count == 0);

    /// <summary>Adds the row <paramref name="key"/>, shown as <paramref name="label"/> (the key itself when null).</summary>
    internal ChartRow Row(string key, string? label = null)
    {
        var row = new ChartRow(key, label ?? key);
        rows.Add(row);
        return row;
    }

    /// <summary>The colour of a day with <paramref name="calls"/> calls: grey for none, pale blue for one, orange to dark red for 2 to 5 and more.</summary>
    internal static string Colour(int calls) => calls switch
    {
        0 => "#f1f1f1",
        1 => "#c6e0f5",
        2 => "#f7d49a",
        3 => "#f29b5c",
        4 => "#e0532f",
        _ => "#9b1111",
    };

    /// <summary>Writes the legend of the colours: <c>&lt;p class="legend"&gt;</c>, 0 to 5+.</summary>
    internal static void Legend(StringBuilder html)
    {
        html.Append("<p class=\"legend\">");
        for (var n = 0; n <= 5; n++)
        {
            html.Append("<span style=\"background:").Append(Colour(n)).Append("\"></span>").Append(n == 5 ? "5+" : n.ToString(CultureInfo.InvariantCulture)).Append(" &nbsp; ");
        }

        html.Append("</p>\n");
    }

    /// <summary>The days to show: from the first call to the last, or the busiest stretch of <see cref="MostDays"/> days when that is longer.</summary>
    /// <exception cref="InvalidOperationException">No row has a call (<see cref="IsEmpty"/>).</exception>
    internal (LocalDate First, int Days) Window()
    {
        var perDate = rows.SelectMany(r => r.Days).GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Sum(d => d.Value.Calls));
        var min = perDate.Keys.Min();
        var max = perDate.Keys.Max();
        var span = Period.DaysBetween(min, max) + 1;
        if (span <= MostDays)
        {
            return (min, span);
        }

        var best = min;
        var bestCalls = -1;
        var calls = 0;
        for (var d = 0; d < span; d++)
        {
            calls += perDate.GetValueOrDefault(min.PlusDays(d));
            if (d >= MostDays)
            {
                calls -= perDate.GetValueOrDefault(min.PlusDays(d - MostDays));
            }

            if (d >= MostDays - 1 && calls > bestCalls)
            {
                bestCalls = calls;
                best = min.PlusDays(d - MostDays + 1);
            }
        }

        return (best, MostDays);
    }

    /// <summary>Writes the chart of the <paramref name="days"/> days from <paramref name="first"/>, in a box that scrolls inside the page.</summary>
    internal void Write(StringBuilder html, LocalDate first, int days)
    {
        const int top = 34;
        var width = Left + (days * Cell) + 10;
        var height = top + (rows.Count * Cell) + 10;
        html.Append("<div class=\"scroll\"><svg id=\"").Append(Text(Id)).Append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"").Append(Text(AriaLabel))
            .Append("\" data-first-date=\"").Append(Iso(first)).Append("\" data-days=\"").Append(days).Append("\">\n");
        for (var d = 0; d < days; d++)
        {
            var date = first.PlusDays(d);
            var x = Left + (d * Cell);
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                html.Append("<line class=\"weekend\" x1=\"").Append(x).Append("\" y1=\"").Append(top - 4).Append("\" x2=\"").Append(x + Cell - 2).Append("\" y2=\"").Append(top - 4)
                    .Append("\" stroke=\"#999\" stroke-width=\"3\"/>\n");
            }

            if (d % 7 == 0)
            {
                html.Append("<text x=\"").Append(x).Append("\" y=\"12\" font-size=\"10\">").Append(Text(DayLabel(date))).Append("</text>\n");
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y = top + (r * Cell);
            html.Append("<text x=\"0\" y=\"").Append(y + LabelSize + 1).Append("\" font-size=\"").Append(LabelSize).Append("\">").Append(Text(row.Label)).Append("</text>\n");
            for (var d = 0; d < days; d++)
            {
                var date = first.PlusDays(d);
                var day = row.On(date);
                html.Append("<rect class=\"cell\" ").Append(RowAttribute).Append("=\"").Append(Text(row.Key)).Append("\" data-date=\"").Append(Iso(date))
                    .Append("\" data-calls=\"").Append(day.Calls);
                if (MarkAttribute is not null)
                {
                    html.Append("\" ").Append(MarkAttribute).Append("=\"").Append(day.Marked);
                }

                html.Append("\" x=\"").Append(Left + (d * Cell)).Append("\" y=\"").Append(y).Append("\" width=\"").Append(Cell - 2).Append("\" height=\"").Append(Cell - 2)
                    .Append("\" fill=\"").Append(Colour(day.Calls)).Append('"');
                if (MarkAttribute is not null && day.Marked > 0)
                {
                    html.Append(" stroke=\"#000\" stroke-width=\"1.5\"");
                }

                html.Append("><title>").Append(Text(Title(row, date, day))).Append("</title></rect>\n");
            }
        }

        html.Append("</svg></div>\n");
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}
