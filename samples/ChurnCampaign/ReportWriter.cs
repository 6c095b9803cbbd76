using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using ContactRules;
using ContactRules.Reports;
using NodaTime;

namespace ChurnCampaign;

/// <summary>
/// Writes the replay's report: one self-contained HTML file (inline CSS and SVG, no script, no
/// network) with the summary figures, the violations by rule, a chart of calls per customer per
/// day for the most-called customers, and the timelines of the worst cases.
/// </summary>
internal static class ReportWriter
{
    private const int ChartCustomers = 40;
    private const int TimelineCustomers = 5;

    public static void Write(string path, ContactPolicy policy, CampaignModel model, CampaignRun without, CampaignFigures withoutFigures, CampaignRun with, CampaignFigures withFigures)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Churn campaign replay</title>\n<style>")
            .Append(ReportStyle.Css)
            .Append("td.n{text-align:right}.bad{color:#b00020;font-weight:600}.good{color:#0a7d32;font-weight:600}")
            .Append(".pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.pair>div{flex:2 1 22rem;min-width:0}.pair>div:first-child{flex:3 1 30rem}table.timeline{font-size:.9em}")
            .Append("h2{margin-top:2.5rem}.legend span{display:inline-block;width:1.2rem;height:1rem;margin-right:.3rem;vertical-align:middle}")
            .Append("</style></head><body>\n");
        html.Append("<h1>Churn campaign replay</h1>\n<p>")
            .Append(Text($"{model.Customers.Length:N0} churn-risk customers of a French operator, a predictive dialer run by two subcontractors "
                + $"trying 2–5 calls a day per customer, Monday to Saturday, from {model.Start:yyyy-MM-dd} for {model.Days} days. "
                + "The same proposed calls and outcomes are replayed twice: as the dialers place them, and through a ContactGate with the fr pack."))
            .Append("</p>\n");

        html.Append("<h2>Summary</h2>\n<table id=\"summary\"><tr><th>figure</th><th>without ContactRules</th><th>with ContactRules</th></tr>\n");
        foreach (var (key, label, a, b) in Rows(withoutFigures, withFigures))
        {
            html.Append("<tr data-metric=\"").Append(key).Append("\"><td>").Append(Text(label)).Append("</td><td class=\"n without\">")
                .Append(a.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n with ").Append(b < a ? "good" : string.Empty).Append("\">")
                .Append(b.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");

        html.Append("<h2>Violations by rule</h2>\n<p>Every placed call replayed through the fr pack at its own instant, against the calls before it. Each rule with what it says and its legal citation, from the rule's own metadata; the rule ids of the timelines link here.</p>\n")
            .Append("<table id=\"violations\"><tr><th>rule</th><th>calls without ContactRules</th><th>calls with ContactRules</th><th>what it says</th><th>citation</th></tr>\n");
        foreach (var rule in withoutFigures.ViolationsByRule.Keys.Union(withFigures.ViolationsByRule.Keys).OrderBy(r => r, StringComparer.Ordinal))
        {
            var a = withoutFigures.ViolationsByRule.GetValueOrDefault(rule);
            var b = withFigures.ViolationsByRule.GetValueOrDefault(rule);
            var (description, citation) = Describe(policy, rule);
            html.Append("<tr id=\"rule-").Append(Text(rule)).Append("\" data-rule=\"").Append(Text(rule)).Append("\"><td class=\"id\">").Append(Text(rule)).Append("</td><td class=\"n without bad\">")
                .Append(a).Append("</td><td class=\"n with\">").Append(b).Append("</td><td class=\"rule-text\">").Append(Text(description)).Append("</td><td class=\"citation\">").Append(Text(citation)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Refusals by the gate</h2>\n<p>Each refusal names every rule that refused; the dialer then waits for the decision's next permitted instant.</p>\n")
            .Append("<table id=\"refusals\"><tr><th>rule</th><th>refusals</th><th>what it says</th><th>citation</th></tr>\n");
        foreach (var (rule, count) in with.RefusalsByRule)
        {
            var (description, citation) = Describe(policy, rule);
            html.Append("<tr data-rule=\"").Append(Text(rule)).Append("\"><td class=\"id\">").Append(Text(rule)).Append("</td><td class=\"n\">").Append(count)
                .Append("</td><td class=\"rule-text\">").Append(Text(description)).Append("</td><td class=\"citation\">").Append(Text(citation)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");

        var worst = without.Calls.GroupBy(c => c.Customer).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(ChartCustomers).Select(g => g.Key).ToArray();
        html.Append("<h2>Calls per customer per day</h2>\n<p>The ").Append(worst.Length)
            .Append(" most-called customers, one row each, one square per day. Without ContactRules the \"2–5 calls a day for weeks\" pattern fills the grid.</p>\n")
            .Append("<p class=\"legend\">");
        for (var n = 0; n <= 5; n++)
        {
            html.Append("<span style=\"background:").Append(Colour(n)).Append("\"></span>").Append(n == 5 ? "5+" : n.ToString(CultureInfo.InvariantCulture)).Append(" &nbsp; ");
        }

        html.Append("</p>\n<div class=\"scroll\">");
        Chart(html, "chart-without", "without ContactRules", model, without, worst);
        Chart(html, "chart-with", "with ContactRules", model, with, worst);
        html.Append("</div>\n");

        html.Append("<h2>Timelines of the worst cases</h2>\n<p>The most-called customers' calls, without ContactRules and with it side by side, in the customer's own time with its offset.</p>\n");
        foreach (var customer in worst.Take(TimelineCustomers))
        {
            var person = model.Customers[customer];
            html.Append("<h3 class=\"timeline\" data-customer=\"").Append(Text(person.Id)).Append("\">").Append(Text($"{person.Id} ({person.Request.Contact.TimeZones[0].Id})"))
                .Append("</h3>\n<div class=\"pair\" data-customer=\"").Append(Text(person.Id)).Append("\">\n");
            Timeline(html, model, without, customer, "without", "without ContactRules");
            Timeline(html, model, with, customer, "with", "with ContactRules");
            html.Append("</div>\n");
        }

        html.Append("</body></html>\n");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }

    public static IEnumerable<(string Key, string Label, int Without, int With)> Rows(CampaignFigures a, CampaignFigures b)
    {
        yield return ("calls-placed", "calls placed", a.CallsPlaced, b.CallsPlaced);
        yield return ("silent-calls", "silent (abandoned) calls", a.SilentCalls, b.SilentCalls);
        yield return ("customers-called", "customers called", a.CustomersCalled, b.CustomersCalled);
        yield return ("over-cap", "customers called more than 4 times in 30 days", a.CustomersOverFourIn30Days, b.CustomersOverFourIn30Days);
        yield return ("outside-hours", "calls outside legal days and hours (no consent)", a.CallsOutsideLegalHours, b.CallsOutsideLegalHours);
        yield return ("after-refusal", "calls after the customer refused", a.CallsAfterRefusal, b.CallsAfterRefusal);
        yield return ("worst-per-day", "worst customer's calls in one day", a.WorstCustomerCallsInOneDay, b.WorstCustomerCallsInOneDay);
    }

    private static void Chart(StringBuilder html, string id, string title, CampaignModel model, CampaignRun run, int[] customers)
    {
        const int cell = 14;
        const int left = 90;
        const int top = 20;
        var perDay = run.Calls.Where(c => customers.Contains(c.Customer))
            .GroupBy(c => (c.Customer, Date: c.At.InZone(model.Customers[c.Customer].Request.Contact.TimeZones[0]).Date))
            .ToDictionary(g => g.Key, g => g.Count());
        var width = left + (model.Days * cell) + 10;
        var height = top + (customers.Length * cell) + 10;
        html.Append("<h3>").Append(Text(title)).Append("</h3>\n<svg id=\"").Append(id).Append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width)
            .Append("\" height=\"").Append(height).Append("\" role=\"img\" aria-label=\"").Append(Text("calls per customer per day, " + title)).Append("\">\n");
        for (var d = 0; d < model.Days; d++)
        {
            var date = model.Start.PlusDays(d);
            if (d % 7 == 0)
            {
                html.Append("<text x=\"").Append(left + (d * cell)).Append("\" y=\"12\" font-size=\"10\">").Append(date.ToString("dd MMM", CultureInfo.InvariantCulture)).Append("</text>\n");
            }
        }

        for (var row = 0; row < customers.Length; row++)
        {
            var customer = model.Customers[customers[row]];
            var y = top + (row * cell);
            html.Append("<text x=\"0\" y=\"").Append(y + 11).Append("\" font-size=\"10\">").Append(Text(customer.Id)).Append("</text>\n");
            for (var d = 0; d < model.Days; d++)
            {
                var date = model.Start.PlusDays(d);
                var calls = perDay.GetValueOrDefault((customers[row], date));
                html.Append("<rect class=\"cell\" data-customer=\"").Append(Text(customer.Id)).Append("\" data-date=\"").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append("\" data-calls=\"").Append(calls).Append("\" x=\"").Append(left + (d * cell)).Append("\" y=\"").Append(y)
                    .Append("\" width=\"").Append(cell - 2).Append("\" height=\"").Append(cell - 2).Append("\" fill=\"").Append(Colour(calls)).Append("\"><title>")
                    .Append(Text($"{customer.Id}, {date:yyyy-MM-dd}: {calls} call(s)")).Append("</title></rect>\n");
            }
        }

        html.Append("</svg>\n");
    }

    private static void Timeline(StringBuilder html, CampaignModel model, CampaignRun run, int customer, string key, string title)
    {
        var person = model.Customers[customer];
        var zone = person.Request.Contact.TimeZones[0];
        var calls = run.CallsTo(customer).OrderBy(c => c.At).ToArray();
        html.Append("<div><h4>").Append(Text($"{title}: {calls.Length} calls")).Append("</h4><div class=\"scroll\"><table class=\"timeline ").Append(key).Append("\" data-customer=\"").Append(Text(person.Id))
            .Append("\" data-run=\"").Append(key).Append("\"><tr><th>local time, with its offset</th><th>outcome</th><th>rules broken</th></tr>\n");
        foreach (var call in calls)
        {
            html.Append("<tr><td class=\"time\">").Append(Text(ReportStyle.LocalTime(call.At, zone)))
                .Append("</td><td title=\"").Append(Text(call.Subcontractor)).Append("\">").Append(Text(call.Outcome.ToString()))
                .Append("</td><td class=\"").Append(call.BrokenRules.IsEmpty ? string.Empty : "bad").Append("\">");
            for (var i = 0; i < call.BrokenRules.Length; i++)
            {
                html.Append(i > 0 ? ", " : string.Empty).Append("<a href=\"#rule-").Append(Text(call.BrokenRules[i])).Append("\">").Append(Text(call.BrokenRules[i])).Append("</a>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</table></div></div>\n");
    }

    /// <summary>What a rule says and its citation, from its metadata in the policy (the engine's own refusals carry a citation only).</summary>
    private static (string Description, string Citation) Describe(ContactPolicy policy, string id)
        => policy.Rules.FirstOrDefault(r => r.Id == id) is { } rule
            ? (rule.Metadata.Description, rule.Citation)
            : ("A refusal of the engine itself (the person's zone, or the ledger, could not be read): it refuses rather than guess.", "ContactRules");

    private static string Colour(int calls) => calls switch
    {
        0 => "#f1f1f1",
        1 => "#c6e0f5",
        2 => "#f7d49a",
        3 => "#f29b5c",
        4 => "#e0532f",
        _ => "#9b1111",
    };

    private static string Text(string value) => WebUtility.HtmlEncode(value);
}
