using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Cli.Evaluate;
using ContactRules.Reports;
using ContactRules.Internal;
using NodaTime;
using static ContactRules.Reports.ReportStyle;

namespace ContactRules.Cli.Audit;

/// <summary>
/// Writes the audit's HTML report: one self-contained file (inline CSS and SVG; no script, no
/// font, image or style from elsewhere) that a compliance officer can open, print, attach.
/// </summary>
/// <remarks>
/// <para>
/// Sections: the summary figures (<c>#summary</c>, one row per <c>data-metric</c>), the calls
/// that broke each rule (<c>#by-rule</c>), the calls per subcontractor (<c>#by-subcontractor</c>),
/// the campaign-level findings (<c>#campaigns</c>), a chart of calls per person per local day
/// (<c>svg#calls-per-day</c>: one <c>rect.cell</c> per person and day, with <c>data-person</c>,
/// <c>data-date</c>, <c>data-calls</c> and <c>data-violations</c>), and the timelines of the
/// worst cases (<c>table.timeline</c>).
/// </para>
/// <para>
/// The report is made to travel (attached, archived, shown), so it never shows a whole number:
/// people are named by their contact id, or by their masked number, and each call by the line of
/// the log that the officer holds. The report carries no time of its own making, so the same log
/// always gives the same file.
/// </para>
/// </remarks>
internal static class AuditReportWriter
{
    /// <summary>The most people in the chart.</summary>
    internal const int ChartPeople = 40;

    /// <summary>How many worst cases get a timeline.</summary>
    internal const int TimelinePeople = 5;

    /// <summary>The most calls shown in one timeline.</summary>
    internal const int TimelineCalls = 200;

    internal static void Write(string path, AuditResult result)
        => File.WriteAllText(path, Render(result), new UTF8Encoding(false));

    internal static string Render(AuditResult result)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Text($"Call log audit: {Path.GetFileName(result.File)}")).Append("</title>\n<style>")
            .Append(ReportStyle.Css).Append(CallsPerDayChart.Css)
            .Append("</style></head><body>\n");

        html.Append("<h1>Call log audit</h1>\n<p>")
            .Append(Text($"{Path.GetFileName(result.File)}, policy '{result.Policy.Id}'. Every call is judged at its own instant against the earlier calls of the log to the same person, "
                + "as a ContactGate would have judged it before dialling."));
        if (result.Rows.Count > 0)
        {
            html.Append(Text($" Calls from {DecisionWriter.Format(result.Rows[0].At)} to {DecisionWriter.Format(result.Rows[result.Rows.Count - 1].At)}."));
        }

        html.Append("</p>\n");
        html.Append("<p class=\"note\">Numbers are masked in this report; the line of the log and violations.csv identify each call.</p>\n");
        html.Append("<p id=\"verdict\" class=\"").Append(result.Verdict.IsClean ? "ok" : "bad").Append("\">").Append(Text(result.Verdict.Headline)).Append("</p>\n");

        Summary(html, result);
        ByRule(html, result);
        BySubcontractor(html, result);
        Campaigns(html, result);
        var worst = Worst(result);
        Chart(html, worst);
        Timelines(html, result, worst.Where(p => p.ViolatingCalls > 0).Take(TimelinePeople));

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The summary figures: key, label, value.</summary>
    internal static IEnumerable<(string Key, string Label, long Value)> Figures(AuditResult result)
    {
        yield return ("calls", "calls audited", result.Rows.Count);
        yield return ("people", "people called", result.People.Count);
        yield return ("violating-calls", "calls that broke at least one rule", result.ListedCalls);
        yield return ("people-with-violations", "people who received such a call", result.PeopleWithViolations);
        yield return ("worst-day", "most calls to one person in one local day", WorstDay(result));
        yield return ("campaign-findings", "campaign-level findings", result.CampaignFindings.Count);
        yield return ("rows-in-error", "rows in error (not audited)", result.RowsInError);
    }

    private static void Summary(StringBuilder html, AuditResult result)
    {
        html.Append("<h2>Summary</h2>\n<table id=\"summary\"><tr><th>figure</th><th>value</th></tr>\n");
        foreach (var (key, label, value) in Figures(result))
        {
            var bad = value > 0 && key is "violating-calls" or "people-with-violations" or "campaign-findings" or "rows-in-error";
            html.Append("<tr data-metric=\"").Append(key).Append("\"><td>").Append(Text(label)).Append("</td><td class=\"n value").Append(bad ? " bad" : string.Empty).Append("\">")
                .Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void ByRule(StringBuilder html, AuditResult result)
    {
        html.Append("<h2>Violations by rule</h2>\n");
        if (result.CallsByRule.Count == 0)
        {
            // Green only when the verdict is: rows not read may hold what broke a rule.
            html.Append("<p class=\"").Append(result.Verdict.IsClean ? "ok" : "note").Append("\">")
                .Append(result.Verdict.IsClean ? "No call broke a rule." : "No call read broke a rule; the rows not read are not judged (see the verdict above).").Append("</p>\n");
        }

        html.Append("<p class=\"note\">Every rule a call of the log broke, with what it says and its legal citation (from the rule's own metadata); the rule ids of the timelines below link here.</p>\n");
        html.Append("<table id=\"by-rule\"><tr><th>rule</th><th>what it says</th><th>citation</th><th>calls</th></tr>\n");
        foreach (var (id, calls) in result.CallsByRule)
        {
            var (description, citation) = result.Describe(id);
            html.Append("<tr id=\"rule-").Append(Text(id)).Append("\" data-rule=\"").Append(Text(id)).Append("\"><td class=\"id\">").Append(Text(id)).Append("</td><td>")
                .Append(Text(description)).Append("</td><td>").Append(Text(citation))
                .Append("</td><td class=\"n calls bad\">").Append(calls.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void BySubcontractor(StringBuilder html, AuditResult result)
    {
        html.Append("<h2>Calls by subcontractor</h2>\n<table id=\"by-subcontractor\"><tr><th>subcontractor</th><th>acting for</th><th>calls</th><th>calls that broke a rule</th></tr>\n");
        var groups = result.Rows
            .GroupBy(r => (Subcontractor: r.Subcontractor ?? "(none)", Caller: r.Caller ?? "(unknown)"))
            .OrderByDescending(g => g.Count(r => r.IsViolation)).ThenBy(g => g.Key.Subcontractor, StringComparer.Ordinal).ThenBy(g => g.Key.Caller, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var violating = group.Count(r => r.IsListed);
            html.Append("<tr data-subcontractor=\"").Append(Text(group.Key.Subcontractor)).Append("\"><td>").Append(Text(group.Key.Subcontractor)).Append("</td><td>")
                .Append(Text(group.Key.Caller)).Append("</td><td class=\"n calls\">").Append(group.Count().ToString(CultureInfo.InvariantCulture))
                .Append("</td><td class=\"n violations").Append(violating > 0 ? " bad" : string.Empty).Append("\">").Append(violating.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Campaigns(StringBuilder html, AuditResult result)
    {
        html.Append("<h2>Campaign-level rules</h2>\n");
        if (result.CampaignFindings.Count == 0)
        {
            html.Append("<p id=\"campaigns\" class=\"note\">")
                .Append(Text(result.CampaignRuleIds.Count == 0
                    ? $"No campaign-level breach found. Campaign-level rules (the abandoned-call rate, US-ABN-01, UK-ABN-01) are checked when the policy's packs define them; policy '{result.Policy.Id}' defines none."
                    : $"No campaign-level breach found: every campaign kept within {string.Join(" and ", result.CampaignRuleIds)}."))
                .Append("</p>\n");
            return;
        }

        html.Append("<table id=\"campaigns\"><tr><th>rule</th><th>campaign</th><th>from</th><th>to</th><th>finding</th><th>citation</th><th>abandoned calls (lines of the log)</th></tr>\n");
        foreach (var finding in result.CampaignFindings)
        {
            html.Append("<tr data-rule=\"").Append(Text(finding.RuleId)).Append("\"><td class=\"id\">").Append(Text(finding.RuleId)).Append("</td><td>").Append(Text(finding.Campaign))
                .Append("</td><td>").Append(DecisionWriter.Format(finding.From)).Append("</td><td>").Append(DecisionWriter.Format(finding.To))
                .Append("</td><td class=\"bad wrap\">").Append(Text(finding.Reason)).Append("</td><td>").Append(Text(finding.Citation))
                .Append("</td><td class=\"lines\" data-calls=\"").Append(finding.Lines.Length.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(Text(string.Join(", ", finding.Lines.Take(50)) + (finding.Lines.Length > 50 ? $", ... ({finding.Lines.Length} in all)" : string.Empty))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    /// <summary>The people of the chart: most calls that broke a rule first, then most calls.</summary>
    private static List<AuditPerson> Worst(AuditResult result)
        => result.People.OrderByDescending(p => p.ViolatingCalls).ThenByDescending(p => p.Rows.Count).ThenBy(p => p.Label, StringComparer.Ordinal)
            .Take(ChartPeople).ToList();

    private static long WorstDay(AuditResult result)
        => result.People.Select(p => p.Rows.GroupBy(r => r.At.InZone(p.Zone).Date).Select(g => g.Count()).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max();

    private static void Chart(StringBuilder html, List<AuditPerson> people)
    {
        html.Append("<h2>Calls per person per day</h2>\n");
        var chart = new CallsPerDayChart("calls-per-day", "calls per person per local day", "data-person")
        {
            MarkAttribute = "data-violations",
            Title = (row, date, day) => $"{row.Label}, {Date(date)}: {day.Calls} call(s), {day.Marked} broke a rule",
        };
        foreach (var person in people)
        {
            var row = chart.Row(person.Label);
            foreach (var call in person.Rows)
            {
                row.Add(call.At.InZone(person.Zone).Date, call.IsViolation);
            }
        }

        if (chart.IsEmpty)
        {
            html.Append("<p class=\"note\">No call to chart.</p>\n");
            return;
        }

        var (first, days) = chart.Window();
        html.Append("<p>").Append(Text($"The {people.Count} people with the most calls that broke a rule, one row each, one square per local day from {first:yyyy-MM-dd} for {days} days "
            + "(weekends shaded in the header). The colour counts the calls of the day; a black frame marks a day with a call that broke a rule. "
            + "A row filled with orange and red is the \"2–5 calls a day for weeks\" pattern."))
            .Append("</p>\n");
        CallsPerDayChart.Legend(html);
        chart.Write(html, first, days);
    }

    private static void Timelines(StringBuilder html, AuditResult result, IEnumerable<AuditPerson> people)
    {
        html.Append("<h2>Timelines of the worst cases</h2>\n");
        var any = false;
        foreach (var person in people)
        {
            any = true;
            var shown = person.Rows.Take(TimelineCalls).ToList();
            html.Append("<h3 class=\"timeline\" data-person=\"").Append(Text(person.Label)).Append("\">")
                .Append(Text($"{person.Label} ({(person.HasZone ? person.Zone.Id : "zone unknown, UTC shown")}): {person.Rows.Count} calls, {person.ViolatingCalls} broke a rule"))
                .Append("</h3>\n<div class=\"scroll\"><table class=\"timeline\" data-person=\"").Append(Text(person.Label)).Append("\"><tr><th>line</th><th>").Append(Text($"local time ({(person.HasZone ? person.Zone.Id : "UTC")}), with its offset")).Append("</th><th>caller</th><th>subcontractor</th><th>campaign</th><th>outcome</th><th>rules broken</th></tr>\n");
            foreach (var row in shown)
            {
                var rules = (row.IsViolation ? row.Decision!.Violations.Select(v => v.RuleId) : Enumerable.Empty<string>()).Concat(row.CampaignFindings.Select(f => f.RuleId)).Distinct(StringComparer.Ordinal).ToList();
                html.Append("<tr data-line=\"").Append(row.Line).Append("\"><td class=\"n\">").Append(row.Line).Append("</td><td class=\"time\">")
                    .Append(Text(ReportStyle.LocalTime(row.At, person.Zone)))
                    .Append("</td><td>").Append(Text(row.Caller ?? string.Empty)).Append("</td><td>").Append(Text(row.Subcontractor ?? string.Empty))
                    .Append("</td><td>").Append(Text(row.Campaign ?? string.Empty)).Append("</td><td>").Append(Text(EnumText<AttemptOutcome>.Format(row.Outcome)))
                    .Append("</td><td class=\"rules").Append(rules.Count > 0 ? " bad" : string.Empty).Append("\">");
                for (var i = 0; i < rules.Count; i++)
                {
                    var (description, citation) = result.Describe(rules[i]);
                    html.Append(i > 0 ? ", " : string.Empty).Append("<a href=\"#rule-").Append(Text(rules[i])).Append("\" title=\"").Append(Text($"{description} ({citation})")).Append("\">")
                        .Append(Text(rules[i])).Append("</a>");
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</table></div>\n");
            if (person.Rows.Count > shown.Count)
            {
                html.Append("<p class=\"note\">").Append(Text($"… and {person.Rows.Count - shown.Count} later calls (see violations.csv).")).Append("</p>\n");
            }
        }

        if (!any)
        {
            html.Append("<p class=\"note\">No call read broke a rule of its own.</p>\n");
        }
    }

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
