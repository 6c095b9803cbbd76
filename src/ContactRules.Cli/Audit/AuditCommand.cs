using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactRules.Auditing;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Input;
using ContactRules.Cli.Zones;
using ContactRules.Jurisdictions;

namespace ContactRules.Cli.Audit;

/// <summary>
/// <c>contactrules audit CALLS.csv --policy fr [--out FOLDER]</c>: replays a call log through a
/// policy with <see cref="CallLogAuditor"/> and writes every call that broke a rule
/// (<c>violations.csv</c>), the rows that could not be read (<c>input-errors.csv</c>) and an HTML
/// report (<c>audit-report.html</c>).
/// </summary>
/// <remarks>
/// The log may come in any order: calls are audited in time order (calls at the same instant in
/// the order of their lines), so that each is judged against the calls placed before it and
/// never against a later one. Exit code: 0 when no call broke a rule, 1 when at least one did
/// (or a campaign-level rule was breached), 2 when the input could not be read whole: a row in
/// error (the other rows are still audited and written), a missing column, an unreadable file or
/// a usage mistake. Error lines never show a phone number.
/// </remarks>
internal static class AuditCommand
{
    /// <summary>No call broke a rule.</summary>
    internal const int Clean = 0;

    /// <summary>At least one call broke a rule.</summary>
    internal const int ViolationsFound = 1;

    /// <summary>The input could not be read whole.</summary>
    internal const int InputInError = 2;

    internal const string Description =
        "Audit a call log after the fact: every call is judged at its own instant against the earlier calls to the same person, as a gate would have judged it. "
        + "Writes violations.csv (one row per call that broke a rule, with the whole number, for the compliance officer), input-errors.csv and audit-report.html (numbers masked) to the output folder. "
        + "The log is a CSV file with a header row; columns (any order, names matched without regard to case, spaces, '-' and '_'; other columns ignored): "
        + "instant (ISO-8601 with Z or an offset), number (E.164), outcome (no-answer, busy, voicemail, machine, conversation, refused, abandoned, not-connected, reserved), "
        + "caller (the professional on whose behalf), subcontractor, campaign, subject, all required (caller, subcontractor, campaign and subject may be empty); "
        + "optional: contactId (else the number identifies the person), timeZones (IANA ids separated by ';'; else derived from the number), channel (voice, sms), "
        + "purpose (marketing, debt-collection, informational), region (ISO 3166-2, e.g. FR-67). "
        + "With the us or uk pack, each campaign's abandoned-call rate is judged too (US-ABN-01: at most 3% per 30-day period; UK-ABN-01: at most 3% over 24 hours); a breach is reported with its abandoned calls. "
        + "Exit code 0 when no call broke a rule, 1 when one did or a campaign breached its rate, 2 when a row or the file could not be read (rows in error are reported on standard error with line and column, counted, and the rest is audited).";

    internal static Command Create(TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones)
    {
        var file = new Argument<string>("calls") { Description = "The call log, a CSV file with a header row (see above)." };
        var policy = new Option<string>("--policy") { Description = "The rule packs, ids joined by '+', such as 'fr'.", Required = true };
        var output = new Option<string>("--out")
        {
            Description = "The folder the files are written to (created when missing).",
            DefaultValueFactory = _ => "contactrules-audit",
        };

        var amdEstimate = new Option<decimal>("--amd-false-positive-rate")
        {
            Description = "UK-ABN-01 (policy with the uk pack): the reasoned estimate of the share of machine-detected calls that reached a person, between 0 and 1, counted as abandoned (Ofcom asks for one); 0 by default.",
        };

        var command = new Command("audit", Description) { file, policy, output, amdEstimate };
        command.SetAction(parseResult => Run(parseResult.GetValue(file)!, parseResult.GetValue(policy)!, parseResult.GetValue(output)!, stdout, stderr, phoneNumberZones, parseResult.GetValue(amdEstimate)));
        return command;
    }

    /// <summary>Audits the log <paramref name="path"/> and writes the files to <paramref name="folder"/>.</summary>
    /// <returns>The exit code.</returns>
    internal static int Run(string path, string policyIds, string folder, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones, decimal amdFalsePositiveRate = 0m)
    {
        if (!RulePacks.TryResolve(policyIds, out var policy, out var policyError))
        {
            stderr.WriteLine($"contactrules audit: --policy: {policyError}.");
            return InputInError;
        }

        if (amdFalsePositiveRate < 0m || amdFalsePositiveRate > 1m)
        {
            stderr.WriteLine($"contactrules audit: --amd-false-positive-rate: {amdFalsePositiveRate.ToString(CultureInfo.InvariantCulture)} is not a share; expected a number between 0 and 1, such as 0.05.");
            return InputInError;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"contactrules audit: cannot read the call log '{path}': {e.Message}");
            return InputInError;
        }

        var errors = new InputErrors("audit", path, stderr, keep: true);
        List<AuditRow> rows;
        CallLogReader log;
        try
        {
            using (stream)
            using (var reader = new CsvReader(stream))
            {
                if (!CsvHeader.TryRead(reader, CallLogReader.Required.Concat(CallLogReader.Optional).ToArray(), CallLogReader.Required, out var header, out var headerProblem))
                {
                    stderr.WriteLine($"contactrules audit: {path}, {headerProblem}");
                    return InputInError;
                }

                log = new CallLogReader(reader, header!, errors, phoneNumberZones);
                rows = log.ReadAll();
            }
        }
        catch (IOException e)
        {
            stderr.WriteLine($"contactrules audit: reading the call log '{path}' failed: {e.Message}");
            return InputInError;
        }

        var result = Audit(path, policy!, rows, log.People.Values, CampaignChecks.For(policy!, amdFalsePositiveRate), errors.Count);

        string violationsPath, reportPath, errorsPath;
        try
        {
            Directory.CreateDirectory(folder);
            violationsPath = Path.GetFullPath(Path.Combine(folder, "violations.csv"));
            reportPath = Path.GetFullPath(Path.Combine(folder, "audit-report.html"));
            errorsPath = Path.GetFullPath(Path.Combine(folder, "input-errors.csv"));
            ViolationsFile.Write(violationsPath, result);
            AuditReportWriter.Write(reportPath, result);
            errors.WriteFile(errorsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"contactrules audit: cannot write to the folder '{folder}': {e.Message}");
            return InputInError;
        }

        WriteSummary(stdout, result, violationsPath, reportPath, errorsPath);
        errors.WriteSummary("audited");
        if (errors.Count > 0)
        {
            return InputInError;
        }

        return result.ViolatingCalls > 0 || result.CampaignFindings.Count > 0 ? ViolationsFound : Clean;
    }

    /// <summary>Audits <paramref name="rows"/> in time order (then line order).</summary>
    internal static AuditResult Audit(string file, ContactPolicy policy, List<AuditRow> rows, IEnumerable<AuditPerson> people, IReadOnlyList<ICampaignCheck> checks, long rowsInError)
    {
        // A stable sort: calls at the same instant keep the order of their lines.
        var ordered = rows.OrderBy(r => r.At).ThenBy(r => r.Line).ToList();
        var auditor = new CallLogAuditor(policy);
        foreach (var row in ordered)
        {
            var call = row.ToLoggedCall();
            var audited = auditor.Audit(call);
            row.Decision = audited.Decision;
            row.Person.Rows.Add(row);
            if (audited.IsViolation)
            {
                row.Person.ViolatingCalls++;
            }

            foreach (var check in checks)
            {
                check.Observe(call, row.Line);
            }
        }

        var findings = checks.SelectMany(c => c.Findings()).ToList();
        if (findings.Count > 0)
        {
            var byLine = ordered.ToDictionary(r => r.Line);
            foreach (var finding in findings)
            {
                foreach (var line in finding.Lines)
                {
                    byLine[line].CampaignFindings.Add(finding);
                }
            }
        }

        return new AuditResult(file, policy, ordered, people.ToList(), findings, rowsInError) { CampaignRuleIds = checks.Select(c => c.RuleId).ToList() };
    }

    private static void WriteSummary(TextWriter stdout, AuditResult result, string violationsPath, string reportPath, string errorsPath)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        stdout.WriteLine($"Audited {N(result.Rows.Count)} calls to {N(result.People.Count)} people against policy '{result.Policy.Id}'.");
        if (result.ViolatingCalls == 0)
        {
            stdout.WriteLine("No call broke a rule.");
        }
        else
        {
            stdout.WriteLine($"{N(result.ViolatingCalls)} calls to {N(result.PeopleWithViolations)} people broke at least one rule:");
            foreach (var (rule, calls) in result.CallsByRule)
            {
                stdout.WriteLine($"  {rule,-14} {N(calls),10} calls");
            }
        }

        foreach (var finding in result.CampaignFindings)
        {
            stdout.WriteLine($"Campaign '{finding.Campaign}' breached {finding.RuleId} ({finding.Citation}): {finding.Reason} Abandoned calls in violations.csv: {N(finding.Lines.Length)}.");
        }

        stdout.WriteLine($"Violations: {violationsPath}");
        stdout.WriteLine($"Report: {reportPath}");
        if (result.RowsInError > 0)
        {
            stdout.WriteLine($"Rows in error: {errorsPath}");
        }
    }
}
