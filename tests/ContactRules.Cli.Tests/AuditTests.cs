using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// <c>contactrules audit</c> end to end on fixtures/calls.csv, a log worked through by hand from
/// D223-9 (docs/regulations.md FR-HOURS-01, FR-HOL-01, FR-FREQ-01, FR-COOL-01) and
/// docs/conventions.md, and on broken logs.
/// </summary>
/// <remarks>
/// Paris is UTC+1 until 29 March 2026, UTC+2 after; Réunion UTC+4. Mon 2 March 2026, Sat 7 March,
/// Easter Monday 6 April. Person A-1 is called for "telco" by two subcontractors (dial-one,
/// dial-two), whose calls count together (the professional and "a third party acting for it"),
/// and once for "bank", which counts apart. Line 4 (3 March 16:00) comes before line 5 (3 March
/// 11:00) in the file; the audit judges in time order, so line 5 is still the third call.
/// <list type="bullet">
/// <item>Lines 2, 3, 5, 4: A-1's calls on 2 and 3 March, the first four in 30 days: allowed.</item>
/// <item>Line 6, Wed 4 March 10:15 Paris: 4 attempts on 3 Feb–4 March: FR-FREQ-01. The cap allows
/// again when 2 March leaves the window, on 1 April (2 March + 30 days); every rule allows from
/// Wed 1 April 10:00 Paris = 08:00Z.</item>
/// <item>Line 7, Sat 7 March 11:00 Paris: FR-HOURS-01 (Saturday) and FR-FREQ-01 (5 attempts);
/// next permitted 1 April 08:00Z as above (the second 2 March call leaves on 1 April too).</item>
/// <item>Line 8, Mon 9 March 19:30 Paris, within hours: FR-FREQ-01 (6 attempts). The window drops
/// under 4 when the 3 March calls leave: 2 April; Thu 2 April 10:00 Paris = 08:00Z.</item>
/// <item>Line 9, Tue 10 March 10:30 Paris: FR-FREQ-01 and FR-COOL-01 (the refusal of 9 March blocks
/// 9 March … 8 May, R+60; allowed from 9 May, a Saturday): next permitted Mon 11 May 10:00 Paris
/// = 08:00Z (no holiday: Ascension is 14 May).</item>
/// <item>Line 10, the Réunion number (no contact id) Mon 9 March 18:30Z = 22:30 Réunion:
/// FR-HOURS-01, next permitted Tue 10 March 10:00 Réunion = 06:00Z; line 11 at exactly that
/// instant is allowed (windows are half-open).</item>
/// <item>Line 12, C-3 on Easter Monday 6 April 11:00 Paris: FR-HOL-01, next permitted Tue 7 April
/// 10:00 Paris = 08:00Z.</item>
/// <item>Line 13, A-1 for "bank" on Wed 11 March: bank's first call, and the refusal was given to
/// telco: allowed.</item>
/// <item>Line 14, a number with no zone (country code 999 is unassigned, so no zone can be derived from it): CORE-ZONE-01, no next permitted instant.</item>
/// </list>
/// </remarks>
public class AuditTests
{
    private const string Header = "line,instant,localTime,number,contactId,caller,subcontractor,campaign,subject,outcome,rules,reasons,nextPermittedAt";

    private static CliRun Audit(string log, string folder, string policy = "fr")
        => CliRun.Run(string.Empty, null, "audit", log, "--policy", policy, "--out", folder);

    /// <summary>The columns of violations.csv before the reasons, and the last one, of each row.</summary>
    private static string[] WithoutReasons(string path)
        => File.ReadAllLines(path, Encoding.UTF8).Skip(1).Select(line =>
        {
            var reasons = line.IndexOf(",\"", StringComparison.Ordinal);
            return line.Substring(0, reasons) + "," + line.Substring(line.LastIndexOf(',') + 1);
        }).ToArray();

    [Fact]
    public void Every_violating_call_is_written_with_its_rules_and_next_permitted_instant()
    {
        using var folder = new TempFolder();

        var run = Audit(TestFiles.Fixture("calls.csv"), folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var violations = folder.File("violations.csv");
        Assert.Equal(Header, File.ReadLines(violations).First());
        Assert.Equal(
            new[]
            {
                "6,2026-03-04T09:15:00Z,2026-03-04T10:15:00+01:00,+33612345678,A-1,telco,dial-one,retention,churn,no-answer,FR-FREQ-01,2026-04-01T08:00:00Z",
                "7,2026-03-07T10:00:00Z,2026-03-07T11:00:00+01:00,+33612345678,A-1,telco,dial-two,retention,churn,no-answer,FR-HOURS-01;FR-FREQ-01,2026-04-01T08:00:00Z",
                "8,2026-03-09T18:30:00Z,2026-03-09T19:30:00+01:00,+33612345678,A-1,telco,dial-one,retention,churn,refused,FR-FREQ-01,2026-04-02T08:00:00Z",
                "9,2026-03-10T09:30:00Z,2026-03-10T10:30:00+01:00,+33612345678,A-1,telco,dial-two,retention,churn,no-answer,FR-FREQ-01;FR-COOL-01,2026-05-11T08:00:00Z",
                "10,2026-03-09T18:30:00Z,2026-03-09T22:30:00+04:00,+33698765432,,telco,dial-one,retention,churn,no-answer,FR-HOURS-01,2026-03-10T06:00:00Z",
                "12,2026-04-06T09:00:00Z,2026-04-06T11:00:00+02:00,+33611111111,C-3,telco,dial-one,retention,churn,no-answer,FR-HOL-01,2026-04-07T08:00:00Z",
                "14,2026-03-10T09:30:00Z,2026-03-10T09:30:00Z,+99922222222,,telco,dial-one,retention,churn,no-answer,CORE-ZONE-01,",
            },
            WithoutReasons(violations));
    }

    [Fact]
    public void Each_reason_names_its_rule_and_citation()
    {
        using var folder = new TempFolder();

        Audit(TestFiles.Fixture("calls.csv"), folder.Path);

        var line9 = File.ReadLines(folder.File("violations.csv")).Single(l => l.StartsWith("9,", StringComparison.Ordinal));
        Assert.Contains("\"FR-FREQ-01: ", line9, StringComparison.Ordinal);
        Assert.Contains("(Code de la consommation, art. D223-9 al. 3) | FR-COOL-01: ", line9, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_summary_counts_calls_by_rule_and_shows_no_number()
    {
        using var folder = new TempFolder();

        var run = Audit(TestFiles.Fixture("calls.csv"), folder.Path);

        // 13 calls; people: A-1, the Réunion number, C-3, the zone-less number. 7 calls broke a rule
        // (lines 6, 7, 8, 9, 10, 12, 14): FR-FREQ-01 on 6-9, FR-HOURS-01 on 7 and 10.
        Assert.Equal("Audited 13 calls to 4 people against policy 'fr'.", run.Lines[0]);
        Assert.Equal("7 calls to 4 people broke at least one rule:", run.Lines[1]);
        Assert.Equal(
            new[] { "CORE-ZONE-01 1", "FR-COOL-01 1", "FR-FREQ-01 4", "FR-HOL-01 1", "FR-HOURS-01 2" },
            run.Lines.Skip(2).Take(5).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))));
        Assert.Equal("Verdict: BREACH: 7 calls to 4 people broke at least one rule.", run.Lines[7]);
        Assert.Equal("Violations: " + folder.File("violations.csv"), run.Lines[8]);
        Assert.Equal("Report: " + folder.File("audit-report.html"), run.Lines[9]);
        Assert.DoesNotContain(run.Lines, l => l.Contains("+336", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_is_self_contained_and_never_shows_a_whole_number()
    {
        using var folder = new TempFolder();

        Audit(TestFiles.Fixture("calls.csv"), folder.Path);

        var html = File.ReadAllText(folder.File("audit-report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("//", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var number in new[] { "+33612345678", "+33698765432", "+33611111111", "+99922222222" })
        {
            Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        }

        // People without a contact id are named by their masked number: '+', three digits, the last two.
        Assert.Contains("+336******32", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_log_is_exit_code_0_with_an_empty_violations_file()
    {
        using var folder = new TempFolder();
        var log = folder.File("clean.csv");

        // Mon 2 March 10:30 and 15:00 in Paris: two calls, within hours, under the cap.
        File.WriteAllText(log, "instant,number,outcome,caller,subcontractor,campaign,subject,timeZones\n"
            + "2026-03-02T09:30:00Z,+33612345678,no-answer,telco,dial-one,retention,churn,Europe/Paris\n"
            + "2026-03-02T14:00:00Z,+33612345678,busy,telco,dial-one,retention,churn,Europe/Paris\n");

        var run = Audit(log, folder.File("out"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { Header }, File.ReadAllLines(folder.File(Path.Combine("out", "violations.csv"))));
        Assert.Equal("Verdict: No breach: every row was read (2 calls), and no call and no campaign broke a rule.", run.Lines[1]);
    }

    [Fact]
    public void Broken_rows_are_reported_with_line_and_column_counted_and_the_rest_audited()
    {
        using var folder = new TempFolder();
        var log = TestFiles.Fixture("calls-broken.csv");

        var run = Audit(log, folder.Path);

        // Lines 2, 3, 10 and 11-12 (a quoted subject over two lines) are good. Line 3's caller is
        // 'telco "big"': a quote inside a field that does not start with one is an ordinary
        // character, and that caller is not 'telco', so its call counts apart. Line 10 is Sat 7
        // March 11:00 in Paris: FR-HOURS-01 alone (two earlier calls by telco, lines 2 and 11),
        // next permitted Mon 9 March 10:00 Paris = 09:00Z.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Audited 4 calls to 1 people against policy 'fr'.", run.Lines[0]);
        Assert.Equal(
            new[] { "10,2026-03-07T10:00:00Z,2026-03-07T11:00:00+01:00,+33612345678,A-1,telco,dial-two,retention,churn,no-answer,FR-HOURS-01,2026-03-09T09:00:00Z" },
            WithoutReasons(folder.File("violations.csv")));

        var prefix = $"contactrules audit: {log}, line ";
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            new[]
            {
                prefix + "4, column 1 'instant': '2026-03-02T10:00' is not a valid instant; expected an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'",
                prefix + "5, column 3 'outcome': unknown value 'hung-up'; expected one of no-answer, busy, voicemail, machine, conversation, refused, abandoned, not-connected, reserved",
                prefix + "6, column 2 'number': the value (10 characters) is not an E.164 number: '+', the country code and the number, digits only, 2 to 15 digits in all, such as '+33612345678'",
                prefix + "7, column 9 'timeZones': unknown time zone 'Europe/Pariss'; expected IANA time zone ids separated by ';', such as 'Europe/Paris' or 'Europe/Paris;Indian/Reunion'",
                prefix + "8, found 3 fields; expected 9, one for each column of the header row",
                prefix + "9, column 4 'caller': found 'x' after the closing quote of a quoted field; expected a comma or the end of the line (a quote inside a field is written twice: \"\")",
                prefix + "13, column 1 'instant': '2026-02-30T10:00:00Z' is not a valid instant (there is no day 30 in month 2 of 2026); expected an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'",
                $"contactrules audit: 7 rows of {log} in error were not audited.",
            },
            errors);

        // The invalid number is not echoed anywhere a console or log would keep it.
        Assert.DoesNotContain("0612345678", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(8, File.ReadAllLines(folder.File("input-errors.csv")).Length);
    }

    [Fact]
    public void A_missing_column_stops_the_audit_with_exit_code_2()
    {
        using var folder = new TempFolder();
        var log = TestFiles.Fixture("calls-missing-column.csv");

        var run = Audit(log, folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"contactrules audit: {log}, line 1 (the header row): missing column 'outcome'; expected a header row naming at least instant, number, outcome, caller, subcontractor, campaign, subject",
            run.Stderr.TrimEnd('\n'));
        Assert.False(File.Exists(folder.File("violations.csv")));
    }

    [Fact]
    public void A_missing_file_an_unknown_pack_and_a_missing_policy_are_exit_code_2()
    {
        using var folder = new TempFolder();

        Assert.Equal(2, Audit(folder.File("none.csv"), folder.Path).ExitCode);

        var unknown = Audit(TestFiles.Fixture("calls.csv"), folder.Path, "fr+zz");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("contactrules audit: --policy: unknown pack 'zz' in policy 'fr+zz'", unknown.Stderr, StringComparison.Ordinal);

        var usage = CliRun.Run(string.Empty, null, "audit", TestFiles.Fixture("calls.csv"));
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Run 'contactrules audit --help' for usage.", usage.Stderr, StringComparison.Ordinal);
    }
}
