using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactRules.Cli.Help;
using ContactRules.Cli.Received.Complaints;
using ContactRules.Cli.Received.Exports;
using ContactRules.Cli.Received.Judging;
using ContactRules.Cli.Received.Output;
using ContactRules.Cli.Received.People;
using ContactRules.Jurisdictions;
using NodaTime;

namespace ContactRules.Cli.Received;

/// <summary>
/// <c>contactrules received FILE… --policy PACK --out DIR</c>: the called person's side. Reads what
/// a person can export from their phone (Android's SMS Backup &amp; Restore calls and messages, the
/// iPhone's call history, a plain CSV; each recognised from its content), judges every incoming
/// call and message of a canvassing caller with the engine that judges a caller's own calls, and
/// writes <c>report.html</c>, the complaint texts (<c>complaints/</c>) and <c>other-numbers.csv</c>.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="Manual"/>, from the tool's one table (<see cref="ExitCodes"/>): an export
/// that could not be read whole still has what could be read judged and written; a wrong option,
/// callers file or facts file writes nothing (a wrong fact would make a wrong complaint). Nothing
/// leaves the machine.
/// </remarks>
internal static class ReceivedCommand
{
    internal static CommandManual Manual { get; } = new(
        "received",
        "received FILE... --policy fr [--out DIR] [--zone Z] [--lang fr|en] [--callers FILE] [--facts FILE] [--own-number N]",
        "The called person's side: judge the calls and messages a person received, from what their phone exports, and draft the complaints. "
        + "Each FILE is recognised from its content: an Android SMS Backup & Restore export (calls-*.xml, sms-*.xml), an iPhone CallHistory.storedata, "
        + $"or a CSV with the columns {string.Join(", ", PlainCsvReader.Required)} (call or sms) and optionally {string.Join(", ", PlainCsvReader.Known.Except(PlainCsvReader.Required))}. "
        + "Every incoming call and message of a caller marked as selling (named in --callers, or, in France, from Arcep's canvassing ranges) is judged by the pack at its own instant, in the person's zone, "
        + "against the same caller's earlier calls, with the person's facts (--facts: registrations, contracts, consents, refusals; none by default). "
        + "Writes DIR/report.html, DIR/complaints/*.txt and DIR/other-numbers.csv. Reference: docs/cli.md.",
        "what a person's phone exports (Android XML, iPhone database, CSV), their callers and facts files",
        "`report.html`, `complaints/*.txt`, `other-numbers.csv`",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "everything read, and nothing broke a rule",
            [ExitCodes.Findings] = "everything read, and something broke a rule (complaints drafted)",
            [ExitCodes.InputError] = "an export could not be read whole (the rest still judged and written), or a wrong option, callers or facts file (nothing judged)",
        });

    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "The exports: calls-*.xml, sms-*.xml, CallHistory.storedata, or CSV files.", Arity = ArgumentArity.OneOrMore };
        var policy = new Option<string>("--policy") { Description = "The rule packs of the person's country, ids joined by '+', such as 'fr'.", Required = true };
        var output = new Option<string>("--out") { Description = "The folder the report and the texts are written to (created when missing).", DefaultValueFactory = _ => "contactrules-received" };
        var zone = new Option<string?>("--zone") { Description = "The person's IANA time zone, when not the pack's obvious one (Europe/Paris for fr); required for packs that span several zones (us, ca, au, eu)." };
        var language = new Option<string?>("--lang") { Description = "The language of the report and the texts: fr or en (default: fr for the fr pack, en otherwise)." };
        var callers = new Option<string?>("--callers") { Description = $"The callers file (CSV: {string.Join(", ", CallerMap.Required)}, and optionally {string.Join(", ", CallerMap.Known.Except(CallerMap.Required))}): names callers and merges a company's numbers." };
        var facts = new Option<string?>("--facts") { Description = "The facts file (JSON): zone, country, ownNumber, silentCallMaxSeconds, registrations, contracts, consents, refusals, relationships." };
        var ownNumber = new Option<string?>("--own-number") { Description = "The person's own number, for the complaint forms that ask for it (never in the report)." };
        var command = new Command("received", Manual.HelpText()) { files, policy, output, zone, language, callers, facts, ownNumber };
        command.SetAction(parse => Run(
            new ReceivedOptions(parse.GetValue(files)!, parse.GetValue(policy)!, parse.GetValue(output)!)
            {
                Zone = parse.GetValue(zone),
                Language = parse.GetValue(language),
                Callers = parse.GetValue(callers),
                Facts = parse.GetValue(facts),
                OwnNumber = parse.GetValue(ownNumber),
            },
            stdout,
            stderr));
        return command;
    }

    /// <summary>Runs the command.</summary>
    /// <returns>The exit code.</returns>
    internal static int Run(ReceivedOptions options, TextWriter stdout, TextWriter stderr)
    {
        void Error(string message) => stderr.WriteLine($"contactrules received: {message}");

        var result = Judge(options, stderr, out var language);
        if (result is null)
        {
            return ExitCodes.InputError;
        }

        var complaints = ComplaintDrafts.Draft(result, language);
        string reportPath;
        try
        {
            Directory.CreateDirectory(options.Output);
            var complaintsFolder = Path.Combine(options.Output, "complaints");
            Directory.CreateDirectory(complaintsFolder);

            // A complaint of an earlier run that this run does not write again must not be filed by mistake.
            foreach (var stale in Directory.EnumerateFiles(complaintsFolder, "*.txt"))
            {
                File.Delete(stale);
            }

            foreach (var complaint in complaints)
            {
                File.WriteAllText(Path.Combine(complaintsFolder, complaint.FileName), complaint.Text, new System.Text.UTF8Encoding(false));
            }

            reportPath = Path.GetFullPath(Path.Combine(options.Output, "report.html"));
            ReceivedReportWriter.Write(reportPath, result, complaints, language);
            OtherNumbersFile.Write(Path.Combine(options.Output, "other-numbers.csv"), result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error($"cannot write to the folder '{options.Output}': {e.Message}");
            return ExitCodes.InputError;
        }

        var problems = result.Problems.ToList();
        foreach (var problem in problems)
        {
            Error(problem.ToString());
        }

        WriteSummary(stdout, result, complaints, reportPath, language);
        if (problems.Count > 0)
        {
            Error(language.T(
                $"{problems.Count} partie(s) des fichiers n'ont pas pu être lues et n'ont pas été jugées ; le reste l'a été.",
                $"{problems.Count} part(s) of the files could not be read and were not judged; the rest was."));
            return ExitCodes.InputError;
        }

        return result.Breaches.Any() ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>
    /// Reads the options, the facts, the callers and the exports, and judges: everything but the
    /// writing. Returns null (after saying why on <paramref name="stderr"/>) when an option, the
    /// callers file or the facts file is wrong.
    /// </summary>
    internal static ReceivedResult? Judge(ReceivedOptions options, TextWriter stderr, out Output.Language language)
    {
        void Error(string message) => stderr.WriteLine($"contactrules received: {message}");

        language = Output.Language.English;
        if (!RulePacks.TryResolve(options.Policy, out var policy, out var policyError))
        {
            Error($"--policy: {policyError}.");
            return null;
        }

        var settingProblems = new List<ExportProblem>();
        var facts = options.Facts is { } factsFile ? PersonFactsReader.Read(factsFile, settingProblems) : new PersonFacts();
        if (Report(settingProblems, stderr))
        {
            return null;
        }

        var firstPack = policy!.Id.Split('+')[0];
        var zoneId = options.Zone ?? facts.Zone ?? DefaultZone(firstPack);
        if (zoneId is null)
        {
            Error($"--zone: the pack '{firstPack}' spans several time zones; give the person's zone, such as --zone America/New_York.");
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zone is null)
        {
            Error($"--zone: unknown time zone '{zoneId}'; expected an IANA zone id such as Europe/Paris or America/New_York.");
            return null;
        }

        var chosen = options.Language is { } code ? Output.Language.Parse(code) : firstPack == "fr" ? Output.Language.French : Output.Language.English;
        if (chosen is null)
        {
            Error($"--lang: '{options.Language}' is not a language of the report; expected {Output.Language.Expected}.");
            return null;
        }

        language = chosen;
        var country = facts.Country ?? DefaultCountry(firstPack);
        NumberReader numbers;
        try
        {
            numbers = new NumberReader(country);
        }
        catch (ArgumentException)
        {
            Error($"{options.Facts}, $.country: '{country}' is not a country of the numbering plans; expected an ISO 3166-1 alpha-2 code such as FR, GB or US.");
            return null;
        }

        CallingNumber? own = null;
        if ((options.OwnNumber ?? facts.OwnNumber) is { Length: > 0 } ownText)
        {
            own = numbers.Read(ownText);
            if (!own.IsE164)
            {
                Error($"{(options.OwnNumber is null ? $"{options.Facts}, $.ownNumber" : "--own-number")}: '{ownText}' is not a valid phone number; expected your number as you would dial it, such as 06 12 34 56 78 or +33612345678.");
                return null;
            }
        }

        var map = options.Callers is { } callersFile ? CallerMap.Read(callersFile, numbers, settingProblems) : CallerMap.Empty;
        if (Report(settingProblems, stderr))
        {
            return null;
        }

        var readings = options.Files.Select(ReadExport).ToList();
        var result = ReceivedJudge.Judge(new ReceivedResult(policy, zone, facts, own, readings), map, numbers, settingProblems, options.Facts ?? "--facts");
        return Report(settingProblems, stderr) ? null : result;
    }

    /// <summary>The person's zone when the pack has one obvious zone.</summary>
    internal static string? DefaultZone(string pack) => pack switch
    {
        "fr" => "Europe/Paris",
        "uk" => "Europe/London",
        "de" => "Europe/Berlin",
        "es" => "Europe/Madrid",
        "it" => "Europe/Rome",
        "be" => "Europe/Brussels",
        "nl" => "Europe/Amsterdam",
        _ => null,
    };

    /// <summary>The country national numbers are read in, from the pack.</summary>
    internal static string? DefaultCountry(string pack) => pack switch
    {
        "fr" => "FR",
        "uk" => "GB",
        "de" => "DE",
        "es" => "ES",
        "it" => "IT",
        "be" => "BE",
        "nl" => "NL",
        "ca" => "CA",
        "au" => "AU",
        _ when pack.StartsWith("us", StringComparison.Ordinal) => "US",
        _ => null,
    };

    /// <summary>Reads the export <paramref name="path"/> in the format its content shows; what cannot be read is in its problems.</summary>
    internal static ExportReading ReadExport(string path)
    {
        ExportFormat? format;
        string? problem;
        try
        {
            format = ExportDetector.Detect(path, out problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var unreadable = new ExportReading(path, null);
            unreadable.Problem(string.Empty, $"cannot be read: {e.Message}");
            return unreadable;
        }

        var reading = new ExportReading(path, format);
        if (format is null)
        {
            reading.Problem(string.Empty, problem!);
            return reading;
        }

        try
        {
            switch (format)
            {
                case ExportFormat.AndroidCalls or ExportFormat.AndroidMessages:
                    AndroidBackupReader.Read(path, reading);
                    break;
                case ExportFormat.IPhoneCallHistory:
                    IPhoneCallHistoryReader.Read(path, reading);
                    break;
                default:
                    PlainCsvReader.Read(path, reading);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reading.Problem(string.Empty, $"reading stopped: {e.Message}; what was read before is judged");
        }

        return reading;
    }

    private static bool Report(List<ExportProblem> problems, TextWriter stderr)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine($"contactrules received: {problem}");
        }

        if (problems.Count > 0)
        {
            stderr.WriteLine("contactrules received: nothing was judged: a wrong callers or facts file would make wrong complaints. Correct the lines above and run again.");
        }

        return problems.Count > 0;
    }

    private static void WriteSummary(TextWriter stdout, ReceivedResult result, IReadOnlyList<Complaint> complaints, string reportPath, Output.Language t)
    {
        var calls = result.Incoming.Count(c => c.IsCall);
        var messages = result.Incoming.Count(c => !c.IsCall);
        stdout.WriteLine(t.T(
            $"{t.N(calls)} appels et {t.N(messages)} messages reçus ; {t.N(result.Judged.Count())} de {t.N(result.Callers.Count)} démarcheur(s) jugés selon '{result.Policy.Id}', à l'heure de {result.Zone.Id}.",
            $"{t.N(calls)} calls and {t.N(messages)} messages received; {t.N(result.Judged.Count())} from {t.N(result.Callers.Count)} canvassing caller(s) judged under '{result.Policy.Id}', in {result.Zone.Id} time."));
        var breaches = result.Breaches.ToList();
        if (breaches.Count == 0)
        {
            stdout.WriteLine(t.T("Aucun appel ni message jugé n'a enfreint de règle.", "No call or message judged broke a rule."));
        }
        else
        {
            stdout.WriteLine(t.T($"{t.N(breaches.Count)} ont enfreint au moins une règle :", $"{t.N(breaches.Count)} broke at least one rule:"));
            foreach (var group in breaches.SelectMany(c => c.Decision!.Violations).GroupBy(v => v.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                stdout.WriteLine($"  {group.Key,-14} {group.Count().ToString(CultureInfo.InvariantCulture),6}");
            }
        }

        var notJudged = result.Incoming.Count(c => c.NotJudged is NotJudgedReason.HiddenNumber or NotJudgedReason.NoNumber);
        if (notJudged > 0)
        {
            stdout.WriteLine(t.T($"{t.N(notJudged)} sans numéro (masqué ou absent) : comptés et montrés, non jugés.", $"{t.N(notJudged)} without a number (hidden or absent): counted and shown, not judged."));
        }

        if (result.OtherNumbers.Count > 0)
        {
            stdout.WriteLine(t.T(
                $"{t.N(result.OtherNumbers.Count)} autres numéros non marqués comme démarcheurs : other-numbers.csv (ajoutez au fichier des appelants ceux qui vendaient).",
                $"{t.N(result.OtherNumbers.Count)} other numbers not marked as selling: other-numbers.csv (add those that were selling to the callers file)."));
        }

        stdout.WriteLine(t.T($"Rapport : {reportPath}", $"Report: {reportPath}"));
        foreach (var complaint in complaints)
        {
            stdout.WriteLine(t.T($"Texte : complaints/{complaint.FileName}", $"Text: complaints/{complaint.FileName}"));
        }
    }
}
