using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactRules.Reports.Tests;

/// <summary>
/// The churn campaign's report (samples/ChurnCampaign, 60 customers, seed 2015) as headless
/// Chromium renders it. Expected values come from the campaign's story and D223-9: the dialer
/// tries 2–5 calls a day per customer, Monday to Saturday, for three weeks (18 calling days in 21);
/// through the gate no customer gets more than 4 calls in 30 days, none outside the legal hours,
/// none after a refusal.
/// </summary>
public class ChurnReportTests : IClassFixture<ChurnReportTests.RenderedReport>
{
    private const int Customers = 60;
    private const int Days = 21;

    private readonly Dom dom;
    private readonly RenderedReport report;

    public ChurnReportTests(RenderedReport report)
    {
        this.report = report;
        dom = report.Dom;
    }

    [Fact]
    public void Every_rule_of_the_report_is_shown_with_its_wording_and_citation_from_its_metadata()
    {
        var fr = ContactRules.Jurisdictions.RulePacks.Get("fr");
        foreach (var id in new[] { "violations", "refusals" })
        {
            var rows = dom.Within("table", id).All("tr").Where(r => r.Attributes.ContainsKey("data-rule")).ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var rule = fr.Rules.Single(x => x.Id == row["data-rule"]);
                Assert.Equal((rule.Metadata.Description, rule.Citation), (row.Cells[^2], row.Cells[^1]));
            }
        }
    }

    [Fact]
    public void The_worst_cases_are_shown_without_and_with_ContactRules_side_by_side()
    {
        // The pairs are flex rows of two tables each (div.pair), one per customer, in this order.
        var pairs = dom.All("table").Where(t => t.Attributes.ContainsKey("data-run")).GroupBy(t => t["data-customer"]).ToList();

        Assert.Equal(5, pairs.Count);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(dom.Html, "<div class=\"pair\"").Count);
        foreach (var pair in pairs)
        {
            var tables = pair.ToList();
            Assert.Equal(new[] { "without", "with" }, tables.Select(t => t["data-run"]));

            // FR-FREQ-01: at most 4 calls in 30 days through the gate, none breaking a rule.
            var with = new Dom(tables[1].Inner).All("tr").Skip(1).ToList();
            Assert.InRange(with.Count, 0, 4);
            Assert.All(with, r => Assert.Equal(string.Empty, r.Cells[2]));
            Assert.True(new Dom(tables[0].Inner).All("tr").Count - 1 > 4, "without ContactRules the worst customers get more than 4 calls");
            Assert.All(new Dom(tables[0].Inner).All("tr").Skip(1), r => Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d$", r.Cells[0]));
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(800)]
    public void No_text_touches_the_edges_of_the_page(int width)
        => Assert.Empty(HeadlessChromium.ElementsTouchingTheEdges(report.File, width, 12));

    [Fact]
    public void The_summary_shows_the_law_kept_with_ContactRules_and_broken_without()
    {
        var rows = dom.Within("table", "summary").All("tr").Where(r => r.Attributes.ContainsKey("data-metric"))
            .ToDictionary(r => r["data-metric"], r => (Without: int.Parse(r.Cells[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), With: int.Parse(r.Cells[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));

        Assert.Equal(new[] { "calls-placed", "silent-calls", "customers-called", "over-cap", "outside-hours", "after-refusal", "worst-per-day" }, rows.Keys);
        Assert.Equal(Customers, rows["customers-called"].Without);

        // At least 2 calls on each of 18 calling days: every customer is over 4 in 30 days.
        Assert.Equal(Customers, rows["over-cap"].Without);
        Assert.True(rows["calls-placed"].Without >= Customers * 18 * 2);
        // Figures of a thousand and more are written with their separators, as the console prints them.
        var placed = dom.Within("table", "summary").All("tr").Single(r => r.Attributes.TryGetValue("data-metric", out var metric) && metric == "calls-placed");
        Assert.Matches(@"^\d{1,3}(,\d{3})+$", placed.Cells[1]);
        Assert.InRange(rows["worst-per-day"].Without, 2, 5);
        Assert.Equal(0, rows["over-cap"].With);
        Assert.Equal(0, rows["outside-hours"].With);
        Assert.Equal(0, rows["after-refusal"].With);
    }

    [Fact]
    public void The_chart_without_ContactRules_shows_2_to_5_calls_a_day_for_weeks()
    {
        var cells = dom.Within("svg", "chart-without").All("rect").Where(r => r["class"] == "cell").ToList();

        // The 40 most-called customers, one mark per day of the campaign.
        Assert.Equal(40 * Days, cells.Count);
        foreach (var row in cells.GroupBy(c => c["data-customer"]))
        {
            var calls = row.Select(c => int.Parse(c["data-calls"], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(Days, calls.Length);
            Assert.True(calls.Count(n => n >= 2 && n <= 5) >= 18, $"{row.Key}: {string.Join(",", calls)}");
        }
    }

    [Fact]
    public void The_chart_with_ContactRules_never_holds_more_than_4_calls_for_a_customer()
    {
        var cells = dom.Within("svg", "chart-with").All("rect").Where(r => r["class"] == "cell").ToList();

        Assert.Equal(40 * Days, cells.Count);

        // FR-FREQ-01: at most 4 attempts in 30 calendar days; the campaign lasts 21 days.
        Assert.All(cells.GroupBy(c => c["data-customer"]), row => Assert.InRange(row.Sum(c => int.Parse(c["data-calls"], CultureInfo.InvariantCulture)), 0, 4));
    }

    [Fact]
    public void No_rule_is_broken_with_ContactRules()
    {
        var rows = dom.Within("table", "violations").All("tr").Where(r => r.Attributes.ContainsKey("data-rule")).ToList();

        Assert.Contains(rows, r => r["data-rule"] == "FR-FREQ-01" && int.Parse(r.Cells[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > 0);
        Assert.All(rows, r => Assert.Equal("0", r.Cells[2]));
    }

    /// <summary>The sample's main job on 60 customers, and its report rendered once for the class.</summary>
    public sealed class RenderedReport : IDisposable
    {
        private readonly TempFolder temp = new TempFolder();

        public RenderedReport()
        {
            var folder = temp.File("work");
            var exit = ChurnCampaign.Program.Run(ChurnCampaign.Program.Options.Default with { Customers = Customers, WorkFolder = folder }, TextWriter.Null);
            Assert.Equal(0, exit);
            File = Path.Combine(folder, "churn-report.html");
            Dom = new Dom(HeadlessChromium.DumpDom(File));
        }

        internal Dom Dom { get; }

        internal string File { get; }

        public void Dispose() => temp.Dispose();
    }
}
