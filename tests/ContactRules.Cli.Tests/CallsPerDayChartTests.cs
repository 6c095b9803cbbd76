using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ContactRules.Reports;
using NodaTime;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// The calls-per-day chart the three reports share (src/Shared): the days it shows, one square
/// per row and day with its calls, a frame only on a day with a call that broke a rule, and text
/// from the log escaped.
/// </summary>
public class CallsPerDayChartTests
{
    private static readonly LocalDate Monday = new(2026, 3, 2);

    [Fact]
    public void A_period_of_62_days_or_less_is_shown_whole_from_its_first_call()
    {
        var chart = new CallsPerDayChart("c", "calls", "data-person");
        var row = chart.Row("A-1");
        row.Add(Monday.PlusDays(3), marked: false);
        row.Add(Monday.PlusDays(64), marked: false);

        Assert.Equal((Monday.PlusDays(3), 62), chart.Window());
    }

    [Fact]
    public void A_longer_period_shows_its_busiest_62_days()
    {
        // One call a day for 200 days, and 3 more a day from day 120 to day 139: the busiest
        // stretch of 62 days is any that holds those 20 days; the first such starts on day 78.
        var chart = new CallsPerDayChart("c", "calls", "data-person");
        var row = chart.Row("A-1");
        for (var d = 0; d < 200; d++)
        {
            for (var n = 0; n < (d is >= 120 and < 140 ? 4 : 1); n++)
            {
                row.Add(Monday.PlusDays(d), marked: false);
            }
        }

        Assert.Equal((Monday.PlusDays(78), CallsPerDayChart.MostDays), chart.Window());
    }

    [Fact]
    public void Each_row_has_a_square_a_day_framed_only_when_a_call_broke_a_rule_and_its_text_is_escaped()
    {
        var chart = new CallsPerDayChart("calls-per-day", "calls per person", "data-person") { MarkAttribute = "data-violations" };
        var hostile = chart.Row("<b>x</b>");
        hostile.Add(Monday, marked: false);
        hostile.Add(Monday, marked: true);
        chart.Row("A-2").Add(Monday.PlusDays(1), marked: false);
        var html = new StringBuilder();

        chart.Write(html, Monday, 7);

        var squares = Regex.Matches(html.ToString(), "<rect class=\"cell\"[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(2 * 7, squares.Count);
        Assert.Contains("<rect class=\"cell\" data-person=\"&lt;b&gt;x&lt;/b&gt;\" data-date=\"2026-03-02\" data-calls=\"2\" data-violations=\"1\"", squares[0], StringComparison.Ordinal);
        Assert.Contains("fill=\"#f7d49a\" stroke=\"#000\"", squares[0], StringComparison.Ordinal);
        Assert.Single(squares, s => s.Contains("stroke=", StringComparison.Ordinal));
        Assert.DoesNotContain("<b>", html.ToString(), StringComparison.Ordinal);

        // Saturday 7 and Sunday 8 March are underlined.
        Assert.Equal(2, Regex.Matches(html.ToString(), "<line class=\"weekend\"").Count);
    }

    [Fact]
    public void A_chart_of_calls_only_has_no_frames_and_no_mark_attribute()
    {
        var chart = new CallsPerDayChart("chart-without", "calls", "data-customer");
        chart.Row("C-1").Add(Monday, marked: true);
        var html = new StringBuilder();

        chart.Write(html, Monday, 1);

        Assert.DoesNotContain("stroke=\"#000\"", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("data-customer=\"C-1\" data-date=\"2026-03-02\" data-calls=\"1\" x=", html.ToString(), StringComparison.Ordinal);
    }
}
