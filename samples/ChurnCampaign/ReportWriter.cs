using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules;
using ContactRules.Reports;
using NodaTime;
using static ContactRules.Reports.ReportStyle;

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
            .Append(ReportStyle.Css).Append(CallsPerDayChart.Css)
            .Append(".pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.pair>div{flex:2 1 22rem;min-width:0}.pair>div:first-child{flex:3 1 30rem}table.timeline{font-size:.9em}")
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
                .Append(a.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td class=\"n with ").Append(b < a ? "good" : string.Empty).Append("\">")
                .Append(b.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
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
                .Append(a.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td class=\"n with\">").Append(b.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td class=\"rule-text\">").Append(Text(description)).Append("</td><td class=\"citation\">").Append(Text(citation)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Refusals by the gate</h2>\n<p>Each refusal names every rule that refused; the dialer then waits for the decision's next permitted instant.</p>\n")
            .Append("<table id=\"refusals\"><tr><th>rule</th><th>refusals</th><th>what it says</th><th>citation</th></tr>\n");
        foreach (var (rule, count) in with.RefusalsByRule)
        {
            var (description, citation) = Describe(policy, rule);
            html.Append("<tr data-rule=\"").Append(Text(rule)).Append("\"><td class=\"id\">").Append(Text(rule)).Append("</td><td class=\"n\">").Append(count.ToString("N0", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"rule-text\">").Append(Text(description)).Append("</td><td class=\"citation\">").Append(Text(citation)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");

        var worst = without.Calls.GroupBy(c => c.Customer).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(ChartCustomers).Select(g => g.Key).ToArray();
        html.Append("<h2>Calls per customer per day</h2>\n<p>The ").Append(worst.Length)
            .Append(" most-called customers, one row each, one square per day (weekends underlined). Without ContactRules the \"2–5 calls a day for weeks\" pattern fills the grid.</p>\n");
        CallsPerDayChart.Legend(html);
        Chart(html, "chart-without", "without ContactRules", model, without, worst);
        Chart(html, "chart-with", "with ContactRules", model, with, worst);

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
        var chart = new CallsPerDayChart(id, "calls per customer per day, " + title, "data-customer") { Left = 90 };
        var rows = customers.ToDictionary(c => c, c => chart.Row(model.Customers[c].Id));
        foreach (var call in run.Calls.Where(c => rows.ContainsKey(c.Customer)))
        {
            rows[call.Customer].Add(call.At.InZone(model.Customers[call.Customer].Request.Contact.TimeZones[0]).Date, marked: false);
        }

        html.Append("<h3>").Append(Text(title)).Append("</h3>\n");
        chart.Write(html, model.Start, model.Days);
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

    /// <summary>What a rule says and its citation, from its metadata in the policy (the engine's own refusals: what they mean).</summary>
    private static (string Description, string Citation) Describe(ContactPolicy policy, string id)
        => RuleText.Of(policy, id) ?? ("A refusal of the engine itself: it refuses rather than guess.", "ContactRules");
}
