using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactRules.Reports.Tests;

/// <summary>
/// The audit report of fixtures/calls.csv (the CLI tests' log, worked through by hand in
/// ContactRules.Cli.Tests.AuditTests) as headless Chromium renders it: the figures, the rows by
/// rule and the chart's marks.
/// </summary>
/// <remarks>
/// From the hand-worked audit: 13 calls to 4 people (A-1; the Réunion number, no id; C-3; a
/// number with no zone, no id); 7 calls broke a rule: lines 6-9 (A-1: FR-FREQ-01 four times,
/// FR-HOURS-01 on Saturday line 7, FR-COOL-01 on line 9), 10 (Réunion, FR-HOURS-01), 12 (C-3,
/// FR-HOL-01), 14 (no zone, CORE-ZONE-01). A-1 got two calls on 2 March and two on 3 March: the
/// worst day holds 2 calls.
/// </remarks>
public class AuditReportTests : IClassFixture<AuditReportTests.RenderedReport>
{
    private readonly Dom dom;
    private readonly RenderedReport report;

    public AuditReportTests(RenderedReport report)
    {
        this.report = report;
        dom = report.Dom;
    }

    [Fact]
    public void The_verdict_names_the_breach()
    {
        var verdict = dom.Within("p", "verdict");

        Assert.Equal("BREACH: 7 calls to 4 people broke at least one rule.", System.Net.WebUtility.HtmlDecode(verdict.Html));
        Assert.Equal("bad", dom.AttributesOf("p", "verdict")["class"]);
    }

    [Fact]
    public void Every_rule_is_shown_with_its_wording_and_citation_from_its_metadata()
    {
        var rows = dom.Within("table", "by-rule").All("tr").Where(r => r.Attributes.ContainsKey("data-rule")).ToList();
        var fr = ContactRules.Jurisdictions.RulePacks.Get("fr");

        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Cells[1]) || string.IsNullOrWhiteSpace(r.Cells[2]), r["data-rule"]));
        foreach (var row in rows.Where(r => r["data-rule"].StartsWith("FR-", StringComparison.Ordinal)))
        {
            var rule = fr.Rules.Single(x => x.Id == row["data-rule"]);
            Assert.Equal((rule.Metadata.Description, rule.Citation), (row.Cells[1], row.Cells[2]));
        }

        // Each rule id of a timeline links to its row, which carries the wording.
        Assert.Contains("<a href=\"#rule-FR-FREQ-01\" title=\"", dom.Html, StringComparison.Ordinal);
        Assert.Equal("rule-FR-FREQ-01", rows.Single(r => r["data-rule"] == "FR-FREQ-01")["id"]);
    }

    [Fact]
    public void Timeline_times_are_the_persons_local_times_with_their_offset()
    {
        var a1 = new Dom(dom.All("table").Single(t => t.Attributes.TryGetValue("data-person", out var p) && p == "A-1").Inner);
        var times = a1.All("tr").Where(r => r.Attributes.ContainsKey("data-line")).Select(r => r.Cells[1]).ToList();

        // Line 2: 2026-03-02T10:30:00+01:00, a Monday in Paris (UTC+1 until 29 March).
        Assert.Equal("Mon 2026-03-02 10:30 +01:00", times[0]);
        Assert.All(times, t => Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d$", t));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(800)]
    public void No_text_touches_the_edges_of_the_page(int width)
        => Assert.Empty(HeadlessChromium.ElementsTouchingTheEdges(report.File, width, 12));

    [Fact]
    public void The_summary_shows_the_hand_counted_figures()
    {
        var figures = dom.Within("table", "summary").All("tr").Where(r => r.Attributes.ContainsKey("data-metric"))
            .ToDictionary(r => r["data-metric"], r => r.Cells[1]);

        Assert.Equal("13", figures["calls"]);
        Assert.Equal("4", figures["people"]);
        Assert.Equal("7", figures["violating-calls"]);
        Assert.Equal("4", figures["people-with-violations"]);
        Assert.Equal("2", figures["worst-day"]);
        Assert.Equal("0", figures["campaign-findings"]);
        Assert.Equal("0", figures["rows-in-error"]);
    }

    [Fact]
    public void Violations_by_rule_list_each_rule_with_its_citation_and_count()
    {
        var rows = dom.Within("table", "by-rule").All("tr").Where(r => r.Attributes.ContainsKey("data-rule")).ToList();

        Assert.Equal(new[] { "CORE-ZONE-01", "FR-COOL-01", "FR-FREQ-01", "FR-HOL-01", "FR-HOURS-01" }, rows.Select(r => r["data-rule"]));
        Assert.Equal(new[] { "1", "1", "4", "1", "2" }, rows.Select(r => r.Cells[3]));
        Assert.Equal("Code de la consommation, art. D223-9 al. 3", rows.Single(r => r["data-rule"] == "FR-FREQ-01").Cells[2]);
    }

    [Fact]
    public void The_chart_has_one_mark_per_person_and_day_carrying_the_calls_of_the_day()
    {
        // 4 people, local dates 2 March … 6 April 2026: 36 days.
        var svg = dom.AttributesOf("svg", "calls-per-day");
        Assert.Equal("2026-03-02", svg["data-first-date"]);
        Assert.Equal("36", svg["data-days"]);
        var cells = dom.Within("svg", "calls-per-day").All("rect").Where(r => r["class"] == "cell").ToList();
        Assert.Equal(4 * 36, cells.Count);

        // Every call and every violating call is in the chart once.
        Assert.Equal(13, cells.Sum(c => int.Parse(c["data-calls"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(7, cells.Sum(c => int.Parse(c["data-violations"], System.Globalization.CultureInfo.InvariantCulture)));

        // A-1 has the most violating calls: first row. Its days: 2 and 3 March two calls each within
        // the cap, then one violating call on 4, 7, 9 and 10 March, and the bank's call on 11 March.
        var a1 = cells.Where(c => c["data-person"] == "A-1").ToDictionary(c => c["data-date"], c => (c["data-calls"], c["data-violations"]));
        Assert.Equal(("2", "0"), a1["2026-03-02"]);
        Assert.Equal(("2", "0"), a1["2026-03-03"]);
        Assert.Equal(("1", "1"), a1["2026-03-04"]);
        Assert.Equal(("1", "1"), a1["2026-03-07"]);
        Assert.Equal(("1", "1"), a1["2026-03-10"]);
        Assert.Equal(("1", "0"), a1["2026-03-11"]);
        Assert.Equal(("0", "0"), a1["2026-03-05"]);
        Assert.Equal("A-1", cells[0]["data-person"]);

        // The Réunion number, masked: its 22:30 call is on 9 March in Réunion.
        Assert.Equal("1", cells.Single(c => c["data-person"] == "+336******32" && c["data-date"] == "2026-03-09")["data-violations"]);
    }

    [Fact]
    public void Each_person_with_a_violating_call_has_a_timeline_of_every_call()
    {
        var timelines = dom.All("table").Where(t => t.Attributes.TryGetValue("class", out var c) && c == "timeline").ToList();

        Assert.Equal(4, timelines.Count);
        var a1 = timelines.Single(t => t["data-person"] == "A-1").Inner;
        var lines = new Dom(a1).All("tr").Where(r => r.Attributes.ContainsKey("data-line")).Select(r => r["data-line"]);

        // A-1's nine calls in time order: line 5 (3 March 11:00) before line 4 (3 March 16:00).
        Assert.Equal(new[] { "2", "3", "5", "4", "6", "7", "8", "9", "13" }, lines);
    }

    [Fact]
    public void The_rendered_report_holds_no_script_and_no_whole_number()
    {
        Assert.DoesNotContain("<script", dom.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("+33612345678", dom.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("+33698765432", dom.Html, StringComparison.Ordinal);
    }

    /// <summary>The audit of the fixture, run in-process, and its report rendered once for the class.</summary>
    public sealed class RenderedReport : IDisposable
    {
        private readonly TempFolder temp = new TempFolder();

        public RenderedReport()
        {
            var log = TestFiles.Fixture("calls.csv");
            var folder = temp.File("report");
            var exit = ContactRules.Cli.Program.Run(new[] { "audit", log, "--policy", "fr", "--out", folder }, TextReader.Null, TextWriter.Null, TextWriter.Null);
            Assert.Equal(1, exit);
            File = Path.Combine(folder, "audit-report.html");
            Dom = new Dom(HeadlessChromium.DumpDom(File));
        }

        internal Dom Dom { get; }

        internal string File { get; }

        public void Dispose() => temp.Dispose();
    }
}
