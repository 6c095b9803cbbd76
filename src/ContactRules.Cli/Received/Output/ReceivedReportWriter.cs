using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Cli.Received.Complaints;
using ContactRules.Cli.Received.Exports;
using ContactRules.Cli.Received.Judging;
using ContactRules.Reports;
using static ContactRules.Reports.ReportStyle;

namespace ContactRules.Cli.Received.Output;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS and SVG; no script, font, image
/// or style from elsewhere), in the person's language, printable to PDF from a browser.
/// </summary>
/// <remarks>
/// <para>
/// Sections: the figures (<c>table#summary</c>, one <c>tr[data-metric]</c> each), the files read
/// (<c>table#files</c>), the callers with their numbers in full (<c>table#callers</c>), the calls
/// per day per caller (<c>svg#calls-per-day</c>, one <c>rect.cell</c> per caller and local day
/// with <c>data-caller</c>, <c>data-date</c>, <c>data-calls</c>, <c>data-breaches</c>), every
/// breach (<c>table#breaches</c>, one <c>tr.breach</c> per call with a <c>li[data-rule]</c> per rule broken), the rules broken
/// (<c>table#rules</c>), what was not judged (<c>table#not-judged</c>, <c>table#unidentified</c>),
/// the complaint texts (<c>ul#complaints</c>) and what could not be read
/// (<c>ul#input-problems</c>).
/// </para>
/// <para>
/// The callers' numbers are the evidence and are shown in full. The person's own number is not
/// in the report (only the complaint forms that ask for it carry it), and neither are the names
/// the person gave their contacts (the readers never keep them) nor the numbers of callers not
/// marked as selling (those are counted here and listed in <c>other-numbers.csv</c>). Every date
/// and time is the person's local time with its UTC offset. The page carries no time of its own
/// making: the same input gives the same file.
/// </para>
/// </remarks>
internal static class ReceivedReportWriter
{
    /// <summary>The most callers in the chart.</summary>
    internal const int ChartCallers = 20;

    internal static void Write(string path, ReceivedResult result, IReadOnlyList<Complaint> complaints, Language language)
        => File.WriteAllText(path, Render(result, complaints, language), new UTF8Encoding(false));

    internal static string Render(ReceivedResult result, IReadOnlyList<Complaint> complaints, Language t)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.Code).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Text(t.T("Appels et messages reçus : ce que dit la loi", "Calls and messages received: what the law says"))).Append("</title>\n<style>")
            .Append(ReportStyle.Css).Append(CallsPerDayChart.Css)
            .Append("td.n{white-space:nowrap}.number{font-family:ui-monospace,monospace;white-space:nowrap}")
            .Append("ul.rules{margin:0;padding-left:1.1rem}ul.rules li{margin:.15rem 0}.rule{font-weight:600;white-space:nowrap}.citation{color:#555;font-size:.9em}")
            .Append("</style></head><body>\n");

        Header(html, result, t);
        Summary(html, result, t);
        Files(html, result, t);
        Callers(html, result, t);
        Chart(html, result, t);
        Breaches(html, result, t);
        RulesBroken(html, result, t);
        NotJudged(html, result, t);
        Complaints(html, complaints, t);
        Problems(html, result, t);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The summary figures: key, label, value.</summary>
    internal static IEnumerable<(string Key, string Label, long Value)> Figures(ReceivedResult result, Language t)
    {
        yield return ("incoming-calls", t.T("appels reçus", "calls received"), result.Incoming.Count(c => c.IsCall));
        yield return ("incoming-messages", t.T("messages reçus", "messages received"), result.Incoming.Count(c => !c.IsCall));
        yield return ("callers", t.T("démarcheurs (numéros d'un même professionnel réunis)", "canvassing callers (one professional's numbers together)"), result.Callers.Count);
        yield return ("judged", t.T("appels et messages de démarchage jugés", "canvassing calls and messages judged"), result.Judged.Count());
        yield return ("breaches", t.T("appels et messages qui ont enfreint au moins une règle", "calls and messages that broke at least one rule"), result.Breaches.Count());
        yield return ("silent-calls", t.T("appels silencieux (décrochés, personne ne parlait)", "silent calls (answered, nobody spoke)"), result.Incoming.Count(c => c.Silent));
        yield return ("worst-day", t.T("le plus d'appels d'un même démarcheur en un jour", "most calls from one caller in one day"), WorstDay(result));
        yield return ("hidden-number", t.T("non jugés : numéro masqué", "not judged: hidden number"), result.Count(NotJudgedReason.HiddenNumber));
        yield return ("no-number", t.T("non jugés : aucun numéro dans l'export", "not judged: no number in the export"), result.Count(NotJudgedReason.NoNumber));
        yield return ("not-selling", t.T("non jugés : appelant non marqué comme démarcheur", "not judged: caller not marked as selling"), result.Count(NotJudgedReason.NotSelling));
        yield return ("input-problems", t.T("parties des fichiers illisibles (non jugées)", "parts of the files that could not be read (not judged)"), result.Problems.Count());
    }

    private static void Header(StringBuilder html, ReceivedResult result, Language t)
    {
        html.Append("<h1>").Append(Text(t.T("Appels et messages reçus : ce que dit la loi", "Calls and messages received: what the law says"))).Append("</h1>\n<p>");
        var dates = result.Incoming.Select(c => result.DateOf(c.Event.At)).ToList();
        if (dates.Count > 0)
        {
            html.Append(Text(t.T($"Du {t.Date(dates.Min())} au {t.Date(dates.Max())}. ", $"From {t.Date(dates.Min())} to {t.Date(dates.Max())}. ")));
        }

        html.Append(Text(t.T(
                $"Chaque appel ou message d'un démarcheur est jugé à son instant, selon les règles « {result.Policy.Id} » en vigueur ce jour-là, à votre heure ({result.Zone.Id}), au regard des appels précédents du même démarcheur et des faits que vous avez indiqués — comme le démarcheur aurait dû le faire avant d'appeler.",
                $"Each call or message of a canvassing caller is judged at its own instant, under the '{result.Policy.Id}' rules in force that day, in your time ({result.Zone.Id}), against the same caller's earlier calls and the facts you gave — as the caller should have judged it before calling.")))
            .Append("</p>\n<p class=\"note\">")
            .Append(Text(t.T(
                "Les numéros des démarcheurs sont la preuve et figurent en entier. Votre propre numéro, les noms de vos contacts et les numéros des appelants non marqués comme démarcheurs n'apparaissent pas dans ce rapport. Toutes les heures sont vos heures locales, avec leur décalage UTC.",
                "The callers' numbers are the evidence and appear in full. Your own number, the names of your contacts and the numbers of callers not marked as selling do not appear in this report. Every time is your local time, with its UTC offset.")))
            .Append("</p>\n");
        var breaches = result.Breaches.Count();
        html.Append("<p id=\"verdict\" class=\"").Append(breaches > 0 ? "bad" : result.Problems.Any() ? "note" : "ok").Append("\">")
            .Append(Text(breaches > 0
                ? t.T($"{t.N(breaches)} appels ou messages ont enfreint au moins une règle.", $"{t.N(breaches)} calls or messages broke at least one rule.")
                : result.Problems.Any()
                    ? t.T("Aucune infraction parmi ce qui a pu être lu ; une partie des fichiers n'a pas pu l'être (voir en bas).", "No breach among what could be read; part of the files could not be read (see below).")
                    : t.T("Aucun appel ni message jugé n'a enfreint de règle.", "No call or message judged broke a rule.")))
            .Append("</p>\n");
    }

    private static void Summary(StringBuilder html, ReceivedResult result, Language t)
    {
        html.Append("<h2>").Append(Text(t.T("En chiffres", "In figures"))).Append("</h2>\n<table id=\"summary\">\n");
        foreach (var (key, label, value) in Figures(result, t))
        {
            var bad = value > 0 && key is "breaches" or "input-problems";
            html.Append("<tr data-metric=\"").Append(key).Append("\"><td>").Append(Text(label)).Append("</td><td class=\"n value").Append(bad ? " bad" : string.Empty).Append("\">")
                .Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Files(StringBuilder html, ReceivedResult result, Language t)
    {
        html.Append("<h2>").Append(Text(t.T("Fichiers lus", "Files read"))).Append("</h2>\n<table id=\"files\"><tr><th>")
            .Append(Text(t.T("fichier", "file"))).Append("</th><th>").Append(Text(t.T("format reconnu", "format recognised"))).Append("</th><th>")
            .Append(Text(t.T("appels reçus", "calls received"))).Append("</th><th>").Append(Text(t.T("messages reçus", "messages received"))).Append("</th><th>")
            .Append(Text(t.T("sortants (non jugés)", "outgoing (not judged)"))).Append("</th><th>").Append(Text(t.T("parties illisibles", "unreadable parts"))).Append("</th></tr>\n");
        foreach (var reading in result.Readings)
        {
            html.Append("<tr data-file=\"").Append(Text(Path.GetFileName(reading.File))).Append("\"><td>").Append(Text(Path.GetFileName(reading.File))).Append("</td><td>")
                .Append(Text(Format(reading.Format, t))).Append("</td><td class=\"n\">").Append(reading.Events.Count(e => e.Incoming && e.Kind == ReceivedKind.Call))
                .Append("</td><td class=\"n\">").Append(reading.Events.Count(e => e.Incoming && e.Kind == ReceivedKind.Message))
                .Append("</td><td class=\"n\">").Append(reading.Events.Count(e => !e.Incoming))
                .Append("</td><td class=\"n").Append(reading.Problems.Count > 0 ? " bad" : string.Empty).Append("\">").Append(reading.Problems.Count).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Callers(StringBuilder html, ReceivedResult result, Language t)
    {
        html.Append("<h2>").Append(Text(t.T("Les démarcheurs", "The canvassing callers"))).Append("</h2>\n");
        if (result.Callers.Count == 0)
        {
            html.Append("<p id=\"callers\" class=\"note\">").Append(Text(t.T(
                "Aucun appelant n'est marqué comme démarcheur : nommez-les dans le fichier des appelants (--callers), ou, en France, ils sont reconnus à leurs numéros des tranches réservées par l'Arcep.",
                "No caller is marked as selling: name them in the callers file (--callers); in France they are also recognised by their numbers in Arcep's reserved ranges."))).Append("</p>\n");
            return;
        }

        html.Append("<table id=\"callers\"><tr><th>").Append(Text(t.T("démarcheur", "caller"))).Append("</th><th>").Append(Text(t.T("numéros", "numbers")))
            .Append("</th><th>").Append(Text(t.T("appels", "calls"))).Append("</th><th>").Append(Text(t.T("messages", "messages")))
            .Append("</th><th>").Append(Text(t.T("en infraction", "breaking a rule"))).Append("</th><th>").Append(Text(t.T("premier et dernier jour", "first and last day"))).Append("</th></tr>\n");
        foreach (var caller in result.Callers)
        {
            var breaches = caller.Breaches;
            html.Append("<tr data-caller=\"").Append(Text(caller.Name)).Append("\"><td>").Append(Text(caller.Name));
            if (caller.InCanvassingRange)
            {
                html.Append("<br><span class=\"note\">").Append(Text(t.T(
                    "numéro d'une tranche réservée aux automates d'appel (Arcep, décision n° 2022-1583)",
                    "a number of a range reserved for automated calling systems (Arcep, décision n° 2022-1583)"))).Append("</span>");
            }

            html.Append("</td><td class=\"numbers\">").Append(string.Join("<br>", caller.Numbers.Select(n => $"<span class=\"number\">{Text(n.Display)}</span>")))
                .Append("</td><td class=\"n calls\">").Append(caller.Calls.Count(c => c.IsCall)).Append("</td><td class=\"n messages\">").Append(caller.Calls.Count(c => !c.IsCall))
                .Append("</td><td class=\"n breaches").Append(breaches > 0 ? " bad" : string.Empty).Append("\">").Append(breaches)
                .Append("</td><td>").Append(Text($"{t.ShortDate(result.DateOf(caller.Calls[0].Event.At))} – {t.ShortDate(result.DateOf(caller.Calls[^1].Event.At))}")).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Chart(StringBuilder html, ReceivedResult result, Language t)
    {
        html.Append("<h2>").Append(Text(t.T("Appels par jour et par démarcheur", "Calls per day per caller"))).Append("</h2>\n");
        var chart = new CallsPerDayChart("calls-per-day", t.T("appels par jour et par démarcheur", "calls per day per caller"), "data-caller")
        {
            MarkAttribute = "data-breaches",
            Cell = 22,
            Left = 190,
            LabelSize = 11,
            DayLabel = t.ShortDate,
            Title = (row, date, day) => t.T(
                $"{row.Key}, {t.Date(date)} : {day.Calls} appel(s), dont {day.Marked} en infraction",
                $"{row.Key}, {t.Date(date)}: {day.Calls} call(s), {day.Marked} breaking a rule"),
        };
        foreach (var caller in result.Callers.Take(ChartCallers))
        {
            var row = chart.Row(caller.Name, caller.Name.Length > 30 ? caller.Name.Substring(0, 29) + "…" : caller.Name);
            foreach (var call in caller.Calls.Where(c => c.IsCall))
            {
                row.Add(result.DateOf(call.Event.At), call.IsBreach);
            }
        }

        if (chart.IsEmpty)
        {
            html.Append("<p class=\"note\">").Append(Text(t.T("Aucun appel de démarchage à représenter.", "No canvassing call to chart."))).Append("</p>\n");
            return;
        }

        var (first, days) = chart.Window();
        html.Append("<p>").Append(Text(t.T(
                $"Une ligne par démarcheur, une case par jour (votre date locale) du {t.Date(first)}, sur {days} jours (week-ends soulignés). La couleur compte les appels du jour ; un cadre noir marque un jour avec un appel en infraction.",
                $"One row per caller, one square per day (your local date) from {t.Date(first)}, over {days} days (weekends underlined). The colour counts the day's calls; a black frame marks a day with a call that broke a rule.")))
            .Append("</p>\n");
        CallsPerDayChart.Legend(html);
        chart.Write(html, first, days);
    }

    private static void Breaches(StringBuilder html, ReceivedResult result, Language t)
    {
        html.Append("<h2>").Append(Text(t.T("Chaque infraction", "Every breach"))).Append("</h2>\n");
        var breaches = result.Breaches.ToList();
        if (breaches.Count == 0)
        {
            html.Append("<p id=\"breaches\" class=\"ok\">").Append(Text(t.T("Aucun appel ni message jugé n'a enfreint de règle.", "No call or message judged broke a rule."))).Append("</p>\n");
            return;
        }

        html.Append("<table id=\"breaches\"><tr><th>").Append(Text(t.T("quand (votre heure)", "when (your time)"))).Append("</th><th>").Append(Text(t.T("démarcheur et numéro", "caller and number")))
            .Append("</th><th>").Append(Text(t.T("ce qui s'est passé", "what happened"))).Append("</th><th>").Append(Text(t.T("règles enfreintes, en clair, et leur texte", "rules broken, in plain words, and their law"))).Append("</th></tr>\n");
        foreach (var call in breaches)
        {
            var violations = call.Decision!.Violations;
            html.Append("<tr class=\"breach\" data-caller=\"").Append(Text(call.Caller!.Name)).Append("\" data-number=\"").Append(Text(call.Number!.Display))
                .Append("\" data-at=\"").Append(NodaTime.Text.InstantPattern.ExtendedIso.Format(call.Event.At)).Append("\" data-rules=\"").Append(Text(string.Join(" ", violations.Select(v => v.RuleId))))
                .Append("\"><td>").Append(Text(CallText.Moment(call, result, t))).Append("</td><td>").Append(Text(call.Caller.Name)).Append("<br><span class=\"number\">").Append(Text(call.Number.Display))
                .Append("</span></td><td>").Append(Text(CallText.HowItEnded(call, t) + CallText.Quote(call, t)))
                .Append("</td><td><ul class=\"rules\">");
            foreach (var violation in violations)
            {
                html.Append("<li data-rule=\"").Append(Text(violation.RuleId)).Append("\"><span class=\"rule\">").Append(Text(violation.RuleId)).Append("</span> ")
                    .Append(Text(CallText.Rule(violation, result, t))).Append(" <span class=\"citation\">").Append(Text(violation.Citation)).Append("</span></li>");
            }

            html.Append("</ul></td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void RulesBroken(StringBuilder html, ReceivedResult result, Language t)
    {
        var byRule = result.Breaches.SelectMany(c => c.Decision!.Violations)
            .GroupBy(v => v.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (byRule.Count == 0)
        {
            return;
        }

        html.Append("<h2>").Append(Text(t.T("Les règles enfreintes", "The rules broken"))).Append("</h2>\n<table id=\"rules\"><tr><th>").Append(Text(t.T("règle", "rule")))
            .Append("</th><th>").Append(Text(t.T("en clair", "in plain words"))).Append("</th><th>").Append(Text(t.T("texte", "law"))).Append("</th><th>")
            .Append(Text(t.T("appels et messages", "calls and messages"))).Append("</th></tr>\n");
        foreach (var group in byRule)
        {
            var violation = group.First();
            html.Append("<tr data-rule=\"").Append(Text(group.Key)).Append("\"><td>").Append(Text(group.Key)).Append("</td><td>").Append(Text(CallText.Rule(violation, result, t)))
                .Append("</td><td>").Append(Text(violation.Citation)).Append("</td><td class=\"n count bad\">").Append(group.Count()).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (byRule.Any(g => g.Key.StartsWith("UK-COOL-", StringComparison.Ordinal)))
        {
            html.Append("<p id=\"ofcom\" class=\"note\">").Append(Text(t.T(
                "Les rappels après un appel silencieux (UK-COOL-01, UK-COOL-02) relèvent de l'Ofcom, qui reçoit les plaintes sur les appels silencieux et abandonnés ; ils ne figurent pas dans les textes TPS et ICO.",
                "Calls again after a silent call (UK-COOL-01, UK-COOL-02) are Ofcom's to enforce (it takes complaints about silent and abandoned calls); they are not in the TPS and ICO texts."))).Append("</p>\n");
        }
    }

    private static void NotJudged(StringBuilder html, ReceivedResult result, Language t)
    {
        html.Append("<h2>").Append(Text(t.T("Ce qui n'a pas été jugé", "What was not judged"))).Append("</h2>\n<table id=\"not-judged\"><tr><th>")
            .Append(Text(t.T("raison", "reason"))).Append("</th><th>").Append(Text(t.T("appels", "calls"))).Append("</th><th>").Append(Text(t.T("messages", "messages"))).Append("</th></tr>\n");
        foreach (var (reason, label) in new[]
        {
            (NotJudgedReason.HiddenNumber, t.T("numéro masqué : personne ne peut être désigné", "hidden number: nobody can be named")),
            (NotJudgedReason.NoNumber, t.T("aucun numéro dans l'export", "no number in the export")),
            (NotJudgedReason.NotSelling, t.T("appelant non marqué comme démarcheur (voir other-numbers.csv pour les marquer)", "caller not marked as selling (see other-numbers.csv to mark them)")),
        })
        {
            var calls = result.Incoming.Where(c => c.NotJudged == reason).ToList();
            html.Append("<tr data-reason=\"").Append(Reason(reason)).Append("\"><td>").Append(Text(label)).Append("</td><td class=\"n calls\">").Append(calls.Count(c => c.IsCall))
                .Append("</td><td class=\"n messages\">").Append(calls.Count(c => !c.IsCall)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        var unidentified = result.Incoming.Where(c => c.NotJudged is NotJudgedReason.HiddenNumber or NotJudgedReason.NoNumber).ToList();
        if (unidentified.Count == 0)
        {
            return;
        }

        html.Append("<p>").Append(Text(t.T("Les appels et messages sans numéro, un par un (ils comptent dans votre récit, même si la loi ne peut pas les attribuer) :",
                "The calls and messages without a number, one by one (they are part of your account, even if the law cannot attribute them):")))
            .Append("</p>\n<table id=\"unidentified\"><tr><th>").Append(Text(t.T("quand (votre heure)", "when (your time)"))).Append("</th><th>").Append(Text(t.T("quoi", "what")))
            .Append("</th><th>").Append(Text(t.T("raison", "reason"))).Append("</th><th>").Append(Text(t.T("où dans le fichier", "where in the file"))).Append("</th></tr>\n");
        foreach (var call in unidentified)
        {
            html.Append("<tr data-reason=\"").Append(Reason(call.NotJudged!.Value)).Append("\"><td>").Append(Text(CallText.Moment(call, result, t))).Append("</td><td>")
                .Append(Text(CallText.HowItEnded(call, t))).Append("</td><td>").Append(Text(call.NotJudged == NotJudgedReason.HiddenNumber ? t.T("numéro masqué", "hidden number") : t.T("aucun numéro", "no number")))
                .Append("</td><td>").Append(Text($"{Path.GetFileName(call.Event.File)}, {call.Event.Location}")).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Complaints(StringBuilder html, IReadOnlyList<Complaint> complaints, Language t)
    {
        html.Append("<h2>").Append(Text(t.T("Les textes à déposer", "The texts to file"))).Append("</h2>\n");
        if (complaints.Count == 0)
        {
            html.Append("<p id=\"complaints\" class=\"note\">").Append(Text(t.T("Aucun texte : aucune infraction à signaler.", "No text: no breach to report."))).Append("</p>\n");
            return;
        }

        html.Append("<p>").Append(Text(t.T("Dans le dossier complaints/, à côté de ce rapport, un texte par démarcheur et par service, champ par champ comme le formulaire les demande :",
            "In the complaints/ folder beside this report, one text per caller and service, field by field as the form asks:"))).Append("</p>\n<ul id=\"complaints\">\n");
        foreach (var complaint in complaints)
        {
            html.Append("<li data-channel=\"").Append(Channel(complaint.Channel)).Append("\" data-caller=\"").Append(Text(complaint.Caller.Name)).Append("\" data-calls=\"").Append(complaint.Calls.Count)
                .Append("\"><a href=\"complaints/").Append(Text(complaint.FileName)).Append("\">").Append(Text(complaint.FileName)).Append("</a> — ")
                .Append(Text(Describe(complaint, t))).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void Problems(StringBuilder html, ReceivedResult result, Language t)
    {
        var problems = result.Problems.ToList();
        html.Append("<h2>").Append(Text(t.T("Ce qui n'a pas pu être lu", "What could not be read"))).Append("</h2>\n");
        if (problems.Count == 0)
        {
            html.Append("<p id=\"input-problems\" class=\"ok\">").Append(Text(t.T("Tout a été lu.", "Everything was read."))).Append("</p>\n");
            return;
        }

        html.Append("<p class=\"bad\">").Append(Text(t.T("Ces parties des fichiers n'ont pas été jugées ; le reste l'a été.", "These parts of the files were not judged; the rest was."))).Append("</p>\n<ul id=\"input-problems\">\n");
        foreach (var problem in problems)
        {
            html.Append("<li>").Append(Text(problem.ToString())).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string Describe(Complaint complaint, Language t)
    {
        var calls = complaint.Calls.Count.ToString(CultureInfo.InvariantCulture);
        return complaint.Channel switch
        {
            ComplaintChannel.SignalConso => t.T($"SignalConso, {complaint.Caller.Name}, {calls} appel(s) ou message(s)", $"SignalConso, {complaint.Caller.Name}, {calls} call(s) or message(s)"),
            ComplaintChannel.Bloctel => t.T($"réclamation Bloctel (appels jusqu'au 10 août 2026), {complaint.Caller.Name}, {calls} appel(s)", $"Bloctel complaint (calls until 10 August 2026), {complaint.Caller.Name}, {calls} call(s)"),
            ComplaintChannel.ConsentProofLetter => t.T($"lettre à {complaint.Caller.Name} : preuve du consentement (R223-2) et retrait (R223-3)", $"letter to {complaint.Caller.Name}: proof of consent (R223-2) and withdrawal (R223-3)"),
            ComplaintChannel.Ftc => $"FTC, {complaint.Caller.Name}, {calls}",
            ComplaintChannel.Fcc => $"FCC, {complaint.Caller.Name}, {calls}",
            ComplaintChannel.Tps => $"TPS, {complaint.Caller.Name}, {calls}",
            _ => $"ICO, {complaint.Caller.Name}, {calls}",
        };
    }

    private static string Channel(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.SignalConso => "signalconso",
        ComplaintChannel.Bloctel => "bloctel",
        ComplaintChannel.ConsentProofLetter => "consent-proof-letter",
        ComplaintChannel.Ftc => "ftc",
        ComplaintChannel.Fcc => "fcc",
        ComplaintChannel.Tps => "tps",
        _ => "ico",
    };

    private static string Reason(NotJudgedReason reason) => reason switch
    {
        NotJudgedReason.HiddenNumber => "hidden-number",
        NotJudgedReason.NoNumber => "no-number",
        _ => "not-selling",
    };

    private static string Format(ExportFormat? format, Language t) => format switch
    {
        ExportFormat.AndroidCalls => t.T("Android, SMS Backup & Restore (appels)", "Android, SMS Backup & Restore (calls)"),
        ExportFormat.AndroidMessages => t.T("Android, SMS Backup & Restore (messages)", "Android, SMS Backup & Restore (messages)"),
        ExportFormat.PlainCsv => t.T("CSV simple", "plain CSV"),
        ExportFormat.IPhoneCallHistory => t.T("iPhone, CallHistory.storedata", "iPhone, CallHistory.storedata"),
        _ => t.T("non reconnu", "not recognised"),
    };

    private static long WorstDay(ReceivedResult result)
        => result.Callers.Select(c => c.Calls.Where(x => x.IsCall).GroupBy(x => result.DateOf(x.Event.At)).Select(g => g.Count()).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max();
}
