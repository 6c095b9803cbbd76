using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactRules.Cli.Tests.Received;
using NodaTime;
using ReceivedCalls;
using Xunit;

namespace ContactRules.Reports.Tests;

/// <summary>
/// The report of <c>contactrules received</c> on the sample export (samples/ReceivedCalls) as
/// headless Chromium renders it: the figures counted from the story itself, every breach listed,
/// the chart's marks, the callers' numbers in full, and nothing of the person's own.
/// </summary>
/// <remarks>
/// The story (SeedStory): the operator's calls from two numbers over 21 days; the family's calls
/// (13 in, some out), three calls from hidden numbers, two calls from an unnamed solar seller in
/// Arcep's 05 68 range, three texts from the operator. The rules each operator call breaks are
/// the CLI tests' reading of the law (SeedStoryLaw).
/// </remarks>
public class ReceivedReportTests : IClassFixture<ReceivedReportTests.RenderedReport>
{
    private readonly Dom dom;
    private readonly RenderedReport report;
    private readonly SeedStory story = SeedStory.Build();

    public ReceivedReportTests(RenderedReport report)
    {
        this.report = report;
        dom = report.Dom;
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    [Fact]
    public void The_figures_are_those_of_the_story()
    {
        var figures = dom.Within("table", "summary").All("tr").ToDictionary(r => r["data-metric"], r => Int(r.Cells[1]));
        var incomingOther = story.OtherCalls.Count(c => c.Type != 2);
        var perDay = story.OperatorCalls.GroupBy(c => c.Local.Date).Max(g => g.Count());

        Assert.Equal(story.OperatorCalls.Count + incomingOther, figures["incoming-calls"]);
        Assert.Equal(3, figures["incoming-messages"]);
        Assert.Equal(2, figures["callers"]);
        Assert.Equal(story.OperatorCalls.Count + 2 + 3, figures["judged"]);
        Assert.Equal(story.OperatorCalls.Count(c => c.Type == 1 && c.Duration <= 5), figures["silent-calls"]);
        Assert.Equal(perDay, figures["worst-day"]);
        Assert.Equal(3, figures["hidden-number"]);
        Assert.Equal(0, figures["no-number"]);
        Assert.Equal(story.OtherCalls.Count(c => c.ContactName is not null && c.Type != 2), figures["not-selling"]);
        Assert.Equal(0, figures["input-problems"]);
    }

    [Fact]
    public void Every_breach_is_listed_with_each_rule_its_plain_words_and_citation()
    {
        var rows = dom.Within("table", "breaches").All("tr").Where(r => r.Attributes.ContainsKey("data-at")).ToList();
        var figures = dom.Within("table", "summary").All("tr").ToDictionary(r => r["data-metric"], r => Int(r.Cells[1]));
        Assert.Equal(figures["breaches"], rows.Count);

        // Every operator call the law says broke a rule is a row, with at least those rules.
        var law = SeedStoryLaw.OperatorCallRules(story);
        var zone = SeedStory.Paris;
        for (var i = 0; i < story.OperatorCalls.Count; i++)
        {
            if (law[i].Length == 0)
            {
                continue;
            }

            var at = NodaTime.Text.InstantPattern.ExtendedIso.Format(story.OperatorCalls[i].Local.InZoneStrictly(zone).ToInstant());
            var row = Assert.Single(rows, r => r["data-at"] == at);
            Assert.Equal(SeedStory.Operator, row["data-caller"]);
            foreach (var rule in law[i].Split(' '))
            {
                Assert.Contains(rule, row["data-rules"].Split(' '));
            }
        }

        // Each rule of a row is an item with its id, its plain words and its citation.
        var items = dom.Within("table", "breaches").All("li");
        Assert.Equal(rows.Sum(r => r["data-rules"].Split(' ').Length), items.Count);
        var hours = items.First(li => li["data-rule"] == "FR-HOURS-01");
        Assert.Contains("Appel de démarchage en dehors des jours et heures permis", hours.Inner, StringComparison.Ordinal);
        Assert.Contains("Code de la consommation, art. D223-9 al. 1-2", hours.Inner, StringComparison.Ordinal);

        // Times are the person's, with the offset: every call of the story is in summer time.
        Assert.All(rows, r => Assert.EndsWith("(UTC+02:00)", r.Cells[0], StringComparison.Ordinal));
    }

    [Fact]
    public void The_chart_has_one_mark_per_caller_and_day_with_every_call()
    {
        var svg = dom.AttributesOf("svg", "calls-per-day");
        Assert.Equal("2026-07-27", svg["data-first-date"]);
        Assert.Equal("21", svg["data-days"]);
        var cells = dom.Within("svg", "calls-per-day").All("rect").Where(r => r["class"] == "cell").ToList();
        Assert.Equal(2 * 21, cells.Count);

        var operatorCells = cells.Where(c => c["data-caller"] == SeedStory.Operator).ToList();
        foreach (var day in story.OperatorCalls.GroupBy(c => c.Local.Date))
        {
            Assert.Equal(day.Count(), Int(operatorCells.Single(c => c["data-date"] == day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))["data-calls"]));
        }

        Assert.Equal(story.OperatorCalls.Count + 2, cells.Sum(c => Int(c["data-calls"])));
        Assert.Equal("1", cells.Single(c => c["data-caller"] == "+33568123456" && c["data-date"] == "2026-08-04")["data-breaches"]);
    }

    [Fact]
    public void Callers_numbers_are_in_full_and_nothing_of_the_persons_own_appears()
    {
        var callers = dom.Within("table", "callers").All("tr").Where(r => r.Attributes.ContainsKey("data-caller")).ToList();
        Assert.Equal(new[] { SeedStory.Operator, "+33568123456" }, callers.Select(c => c["data-caller"]));
        Assert.Equal("+33162458710+33948312207HORIZON", callers[0].Cells[1]);

        // The person's number, their contacts' names and their family's numbers are not in the page.
        Assert.DoesNotContain(SeedStory.OwnNumber, dom.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Maman", dom.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Julien", dom.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("+33671245893", dom.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("+33781442016", dom.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_without_a_number_are_shown_one_by_one_and_the_texts_to_file_are_listed()
    {
        var unidentified = dom.Within("table", "unidentified").All("tr").Where(r => r.Attributes.ContainsKey("data-reason")).ToList();
        Assert.Equal(3, unidentified.Count);
        Assert.Equal("vendredi 31 juillet 2026, 12 h 04 (UTC+02:00)", unidentified[0].Cells[0]);

        var complaints = dom.Within("ul", "complaints").All("li");
        Assert.Equal(
            new[] { "signalconso", "consent-proof-letter", "signalconso", "bloctel", "consent-proof-letter" },
            complaints.Select(c => c["data-channel"]));
        Assert.Contains("<html lang=\"fr\"", dom.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(800)]
    public void No_text_touches_the_edges_of_the_page(int width)
        => Assert.Empty(HeadlessChromium.ElementsTouchingTheEdges(report.File, width, 12));

    public sealed class RenderedReport : IDisposable
    {
        private readonly TempFolder temp = new TempFolder();

        public RenderedReport()
        {
            var folder = temp.File("report");
            static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "ReceivedCalls", "export", name);
            var exit = ContactRules.Cli.Program.Run(
                new[] { "received", Sample("calls-20260817093000.xml"), Sample("sms-20260817093000.xml"), "--policy", "fr", "--callers", Sample("callers.csv"), "--facts", Sample("facts.json"), "--out", folder },
                TextReader.Null,
                TextWriter.Null,
                TextWriter.Null);
            Assert.Equal(1, exit);
            File = Path.Combine(folder, "report.html");
            Dom = new Dom(HeadlessChromium.DumpDom(File));
        }

        internal Dom Dom { get; }

        internal string File { get; }

        public void Dispose() => temp.Dispose();
    }
}
