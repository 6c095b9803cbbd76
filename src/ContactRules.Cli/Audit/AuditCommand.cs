using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactRules.Auditing;
using ContactRules.Cli.Consents;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Help;
using ContactRules.Cli.Input;
using ContactRules.Cli.Ledger;
using ContactRules.Cli.Zones;
using ContactRules.Jurisdictions;
using ContactRules.Storage;

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
/// never against a later one. The consents a company holds come from <c>--consents</c> (a CSV
/// file) and from the ledger of <c>--ledger</c>/<c>--pg</c> (its consents, opt-outs and
/// objections; never its attempts: the log is the history). The verdict is
/// <see cref="AuditVerdict"/>'s; exit codes: <see cref="Manual"/>. Error lines never show a phone
/// number.
/// </remarks>
internal static class AuditCommand
{
    internal static CommandManual Manual { get; } = new(
        "audit",
        "audit CALLS.csv --policy fr [--out FOLDER] [--consents FILE] [--ledger FILE | --pg CONN [--pg-schema S]] [--amd-false-positive-rate R]",
        "Audit a call log after the fact: every call is judged at its own instant against the earlier calls to the same person, as a gate would have judged it. "
        + "Writes violations.csv (one row per call that broke a rule, with the whole number, for the compliance officer), input-errors.csv and audit-report.html (numbers masked) to the output folder. "
        + "With the us or uk pack, each campaign's abandoned-call rate is judged too (US-ABN-01: at most 3% per 30-day period; UK-ABN-01: at most 3% over 24 hours). "
        + "The consents the company holds come from --consents (a CSV file) and from the ledger of --ledger or --pg (its consents, opt-outs and objections; never its attempts: the log is the history). "
        + "The verdict says 'no breach' only when every row was read and no call and no campaign broke a rule; otherwise it names what broke a rule and what was not judged.",
        "a call log (CSV), a consents file, a ledger",
        "`violations.csv`, `input-errors.csv`, `audit-report.html`",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "every row read, and no call and no campaign broke a rule",
            [ExitCodes.Findings] = "every row read, and a call or a campaign broke a rule",
            [ExitCodes.InputError] = "rows of the log or of the consents file not read (the rest is audited, and the verdict names what was not judged), an unreadable file, a missing column",
            [ExitCodes.StoreUnreadable] = "the ledger cannot be opened, or could not be read for some people (their calls judged without its facts)",
        })
    {
        Columns = new[]
        {
            new ColumnManual("instant", "yes", "when the call was placed, ISO-8601 with `Z` or an offset"),
            new ColumnManual("number", "yes", "the number called, E.164 (`+33612345678`)"),
            new ColumnManual("outcome", "yes", "`no-answer`, `busy`, `voicemail`, `machine`, `conversation`, `refused`, `abandoned`, `not-connected`, `reserved`"),
            new ColumnManual("caller", "yes (may be empty)", "the professional on whose behalf the call was made; France counts per professional, all its subcontractors together. Empty means unknown, and then the call counts for every caller"),
            new ColumnManual("subcontractor", "yes (may be empty)", "the firm that placed the call; shown in the report, not a counting key"),
            new ColumnManual("campaign", "yes (may be empty)", "the campaign; the abandoned-call rate is judged per campaign"),
            new ColumnManual("subject", "yes (may be empty)", "the matter (offer, debt id); a counting key where the law counts per subject"),
            new ColumnManual("contactId", "no", "the person; when empty, the number identifies the person"),
            new ColumnManual("timeZones", "no", "candidate IANA zones separated by `;` (`Europe/Paris;Indian/Reunion`); when empty, derived from the number (no adapter yet: the call is then refused with `CORE-ZONE-01`)"),
            new ColumnManual("channel", "no", "`voice` (default), `sms`"),
            new ColumnManual("purpose", "no", "`marketing` (default), `debt-collection`, `informational`"),
            new ColumnManual("region", "no", "ISO 3166-2 subdivision (`FR-67`)"),
        },
    };

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

        var consents = new Option<string?>("--consents") { Description = "A consents file (CSV; columns in docs/cli.md) whose consents are joined to the calls by contactId or number." };
        var ledger = LedgerSource.CreateOptions("read each person's consents, opt-outs and objections from (never its attempts: the log is the history)");
        var command = new Command("audit", Manual.HelpText()) { file, policy, output, amdEstimate, consents };
        ledger.AddTo(command);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(policy)!,
            parseResult.GetValue(output)!,
            stdout,
            stderr,
            phoneNumberZones,
            parseResult.GetValue(amdEstimate),
            new AuditSources(parseResult.GetValue(consents), parseResult.GetValue(ledger.Sqlite), parseResult.GetValue(ledger.Postgres), parseResult.GetValue(ledger.Schema))));
        return command;
    }

    /// <summary>Audits the log <paramref name="path"/> and writes the files to <paramref name="folder"/>.</summary>
    /// <returns>The exit code.</returns>
    internal static int Run(string path, string policyIds, string folder, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones, decimal amdFalsePositiveRate = 0m, AuditSources? sources = null)
    {
        sources ??= AuditSources.None;
        if (!RulePacks.TryResolve(policyIds, out var policy, out var policyError))
        {
            stderr.WriteLine($"contactrules audit: --policy: {policyError}.");
            return ExitCodes.InputError;
        }

        if (amdFalsePositiveRate < 0m || amdFalsePositiveRate > 1m)
        {
            stderr.WriteLine($"contactrules audit: --amd-false-positive-rate: {amdFalsePositiveRate.ToString(CultureInfo.InvariantCulture)} is not a share; expected a number between 0 and 1, such as 0.05.");
            return ExitCodes.InputError;
        }

        ConsentsFile? consents = null;
        if (sources.ConsentsPath is { } consentsPath && !ConsentsFile.TryRead("audit", consentsPath, stderr, out consents))
        {
            return ExitCodes.InputError;
        }

        if (LedgerSource.Open("audit", sources.LedgerPath, sources.ConnectionString, sources.Schema, required: false, stderr, out var ledger, out _) is { } failed)
        {
            return failed;
        }

        try
        {
            return Run(path, policy!, folder, stdout, stderr, phoneNumberZones, amdFalsePositiveRate, consents, ledger);
        }
        finally
        {
            (ledger as IDisposable)?.Dispose();
        }
    }

    private static int Run(string path, ContactPolicy policy, string folder, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones, decimal amdFalsePositiveRate, ConsentsFile? consents, ContactLedger? ledger)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"contactrules audit: cannot read the call log '{path}': {e.Message}");
            return ExitCodes.InputError;
        }

        var errors = new InputErrors("audit", path, stderr, keep: true);
        List<AuditRow> rows;
        CallLogReader log;
        try
        {
            using (stream)
            using (var reader = new CsvReader(stream))
            {
                if (!CsvHeader.TryRead(reader, Manual.Columns.Select(c => c.Name).ToArray(), CallLogReader.Required, out var header, out var headerProblem))
                {
                    stderr.WriteLine($"contactrules audit: {path}, {headerProblem}");
                    return ExitCodes.InputError;
                }

                log = new CallLogReader(reader, header!, errors, phoneNumberZones, consents);
                rows = log.ReadAll();
            }
        }
        catch (IOException e)
        {
            stderr.WriteLine($"contactrules audit: reading the call log '{path}' failed: {e.Message}");
            return ExitCodes.InputError;
        }

        var ledgerFailures = ledger is null ? 0 : AddLedgerFacts(ledger, rows, stderr);
        var result = Audit(path, policy, rows, log.People.Values, CampaignChecks.For(policy, amdFalsePositiveRate), errors.Count, consents?.RowsInError ?? 0, ledgerFailures);

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
            return ExitCodes.InputError;
        }

        WriteSummary(stdout, result, violationsPath, reportPath, errorsPath);
        errors.WriteSummary("audited");
        return result.Verdict.ExitCode;
    }

    /// <summary>Audits <paramref name="rows"/> in time order (then line order).</summary>
    internal static AuditResult Audit(string file, ContactPolicy policy, List<AuditRow> rows, IEnumerable<AuditPerson> people, IReadOnlyList<ICampaignCheck> checks, long rowsInError, long consentRowsInError = 0, long ledgerFailures = 0)
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

        var everyone = people.ToList();
        foreach (var person in everyone)
        {
            person.ViolatingCalls = person.Rows.Count(r => r.IsListed);
        }

        return new AuditResult(file, policy, ordered, everyone, findings, rowsInError)
        {
            CampaignRuleIds = checks.Select(c => c.RuleId).ToList(),
            ConsentRowsInError = consentRowsInError,
            LedgerFailures = ledgerFailures,
        };
    }

    /// <summary>
    /// Gives each person's calls the consents, opt-outs and objections the ledger holds for them.
    /// A person the ledger cannot be read for keeps what the log and the consents file say, and is
    /// counted: the verdict names them.
    /// </summary>
    /// <returns>The people the ledger could not be read for.</returns>
    private static long AddLedgerFacts(ContactLedger ledger, List<AuditRow> rows, TextWriter stderr)
    {
        long failures = 0;
        foreach (var calls in rows.GroupBy(r => r.Person))
        {
            var person = calls.Key;
            var first = calls.First();

            ContactFacts facts;
            try
            {
                facts = ledger.Read(new Contact(person.Key) { PhoneNumber = first.Number, TimeZones = first.Zones }).Facts;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (failures++ == 0)
                {
                    stderr.WriteLine($"contactrules audit: the ledger could not be read for {person.Label} ({e.GetType().Name}: {e.Message}); the calls of such people are judged without its facts.");
                }

                continue;
            }

            if (facts.IsEmpty)
            {
                continue;
            }

            foreach (var row in calls)
            {
                row.Consents = row.Consents.AddRange(facts.Consents);
                row.OptOuts = row.OptOuts.AddRange(facts.OptOuts);
            }
        }

        return failures;
    }

    private static void WriteSummary(TextWriter stdout, AuditResult result, string violationsPath, string reportPath, string errorsPath)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        stdout.WriteLine($"Audited {N(result.Rows.Count)} calls to {N(result.People.Count)} people against policy '{result.Policy.Id}'.");
        if (result.ListedCalls > 0)
        {
            stdout.WriteLine($"{N(result.ListedCalls)} calls to {N(result.PeopleWithViolations)} people broke at least one rule:");
            foreach (var (rule, calls) in result.CallsByRule)
            {
                stdout.WriteLine($"  {rule,-14} {N(calls),10} calls");
            }
        }

        foreach (var finding in result.CampaignFindings)
        {
            stdout.WriteLine($"Campaign '{finding.Campaign}' breached {finding.RuleId} ({finding.Citation}): {finding.Reason} Abandoned calls in violations.csv: {N(finding.Lines.Length)}.");
        }

        stdout.WriteLine($"Verdict: {result.Verdict.Headline}");
        stdout.WriteLine($"Violations: {violationsPath}");
        stdout.WriteLine($"Report: {reportPath}");
        if (result.RowsInError > 0)
        {
            stdout.WriteLine($"Rows in error: {errorsPath}");
        }
    }
}
