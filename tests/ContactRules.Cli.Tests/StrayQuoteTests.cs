using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// Issue 15's reproduction: one stray quote in an unquoted field (<c>ac"me</c>) made audit report
/// "line 2, quoted field still open", audit 0 calls and print "No call broke a rule", and made
/// scrub write 1 row of 3. A quote inside a field that does not start with one is an ordinary
/// character; only the fields of the rows themselves decide.
/// </summary>
/// <remarks>
/// The person is called on Mon 9 March 2026 09:30Z (10:30 in Paris, UTC+1) by caller 'ac"me',
/// then five times on Tue 10 March by 'acme', at 10:00, 11:00, 12:00, 14:00 and 15:00 in Paris
/// (09:00Z … 14:00Z), each within D223-9's hours (10:00–13:00, 14:00–20:00). France counts per
/// professional (FR-FREQ-01: at most 4 calls in 30 days by one professional), and 'ac"me' and
/// 'acme' are two names in the log: the fifth call by 'acme', line 7, is the breach.
/// </remarks>
public class StrayQuoteTests
{
    private const string Header = "instant,number,outcome,caller,subcontractor,campaign,subject,contactId,timeZones\n";

    private static string Log()
        => Header
            + "2026-03-09T09:30:00Z,+33612345678,no-answer,ac\"me,,camp,,a1,Europe/Paris\n"
            + string.Concat(new[] { 9, 10, 11, 13, 14 }.Select(h => $"2026-03-10T{h:00}:00:00Z,+33612345678,no-answer,acme,,camp,,a1,Europe/Paris\n"));

    [Fact]
    public void A_stray_quote_is_an_ordinary_character_and_every_call_is_audited()
    {
        using var folder = new TempFolder();
        var log = folder.File("m.csv");
        File.WriteAllText(log, Log());

        var run = CliRun.Run(string.Empty, null, "audit", log, "--policy", "fr", "--out", folder.File("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal("Audited 6 calls to 1 people against policy 'fr'.", run.Lines[0]);
        var violations = File.ReadAllLines(folder.File(Path.Combine("out", "violations.csv"))).Skip(1).ToArray();
        var only = Assert.Single(violations);
        Assert.StartsWith("7,2026-03-10T14:00:00Z,2026-03-10T15:00:00+01:00,+33612345678,a1,acme,,camp,,no-answer,FR-FREQ-01,", only, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_in_a_list_leaves_every_row_decided()
    {
        using var folder = new TempFolder();
        var list = folder.File("list.csv");
        File.WriteAllText(list, "number,caller,timeZones\n+33612345678,ac\"me,Europe/Paris\n+33612345679,acme,Europe/Paris\n+33612345680,acme,Europe/Paris\n");

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", "2026-03-10T09:30:00Z", "--out", folder.File("out.csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            new[] { "2,+33612345678,,allowed", "3,+33612345679,,allowed", "4,+33612345680,,allowed" },
            File.ReadAllLines(folder.File("out.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Take(4))));
    }
}
