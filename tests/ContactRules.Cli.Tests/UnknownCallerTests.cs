using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// scrub on a ledger: France counts calls per professional, so a caller the ledger's attempts
/// never name would silently read as "never called" (LedgerFixture: P-2 called four times by
/// 'telco' on 2–5 March, a fifth call in 30 days breaks FR-FREQ-01). Such a caller is reported and
/// the exit code is 2, unless it is stated as new with --new-caller.
/// </summary>
public class UnknownCallerTests
{
    private const string At = "2026-03-10T09:30:00Z";

    [Fact]
    public void A_misspelt_caller_is_reported_with_the_callers_the_ledger_names_and_exit_code_2()
    {
        using var folder = new TempFolder();
        var ledger = folder.File("ledger.db");
        LedgerFixture.Write(ledger);
        var list = folder.File("list.csv");
        File.WriteAllText(list, "number,contactId,timeZones,caller\n+33612340002,P-2,Europe/Paris,Telco\n+33612340001,P-1,Europe/Paris,Telco\n");

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At, "--ledger", ledger, "--out", folder.File("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            "contactrules scrub: caller 'Telco' is named by none of the 4 attempts the ledger holds for the 1 people of its rows called before (they name 'telco'): its rows were decided as if it had never called them. If it is a new caller, state it with --new-caller 'Telco'; otherwise correct the list's caller column.",
            run.Stderr,
            StringComparison.Ordinal);

        // Read as a new professional, P-2's fifth call is allowed: that is what the report warns of.
        Assert.StartsWith("2,+33612340002,P-2,allowed,", File.ReadAllLines(folder.File("out.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_stated_as_new_is_exit_code_0_and_a_known_caller_needs_nothing()
    {
        using var folder = new TempFolder();
        var ledger = folder.File("ledger.db");
        LedgerFixture.Write(ledger);
        var list = folder.File("list.csv");
        File.WriteAllText(list, "number,contactId,timeZones,caller\n+33612340002,P-2,Europe/Paris,bank\n");
        var known = folder.File("known.csv");
        File.WriteAllText(known, "number,contactId,timeZones,caller\n+33612340002,P-2,Europe/Paris,telco\n");

        var stated = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At, "--ledger", ledger, "--new-caller", "bank", "--out", folder.File("a.csv"));
        var telco = CliRun.Run(string.Empty, null, "scrub", known, "--policy", "fr", "--at", At, "--ledger", ledger, "--out", folder.File("b.csv"));

        Assert.Equal(0, stated.ExitCode);
        Assert.Equal(0, telco.ExitCode);
        Assert.StartsWith("2,+33612340002,P-2,refused,2026-04-01T08:00:00Z,", File.ReadAllLines(folder.File("b.csv"))[1], StringComparison.Ordinal);
    }
}
