using System.IO;
using ContactRules.Cli.Help;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// The one exit-code table (docs/cli.md), command by command: 0 ok, 1 findings, 2 input or usage
/// error, 3 the ledger cannot be read. Each command is run once for each code it can give.
/// </summary>
public class ExitCodeTests
{
    private const string Case = @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""timeZones"":[""Europe/Paris""]}}";

    // Sat 7 March 2026 11:00 in Paris: FR-HOURS-01 refuses a canvassing call.
    private const string RefusedCase = @"{""id"":""c2"",""policy"":""fr"",""at"":""2026-03-07T10:00:00Z"",""contact"":{""timeZones"":[""Europe/Paris""]}}";

    private static int Run(string stdin, params string[] args) => CliRun.Run(stdin, null, args).ExitCode;

    [Fact]
    public void Evaluate_is_0_when_every_line_is_decided_and_2_otherwise()
    {
        Assert.Equal(ExitCodes.Ok, Run(Case + "\n" + RefusedCase + "\n", "evaluate"));
        Assert.Equal(ExitCodes.InputError, Run(Case + "\nnot json\n", "evaluate"));
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "evaluate", "/nonexistent/cases.jsonl"));
    }

    [Fact]
    public void Explain_is_0_allowed_1_refused_2_unreadable()
    {
        Assert.Equal(ExitCodes.Ok, Run(Case, "explain", "-"));
        Assert.Equal(ExitCodes.Findings, Run(RefusedCase, "explain", "-"));
        Assert.Equal(ExitCodes.InputError, Run("{", "explain", "-"));
    }

    [Fact]
    public void Audit_is_0_clean_1_breach_2_rows_not_read_3_ledger_unreadable()
    {
        using var folder = new TempFolder();
        var clean = folder.File("clean.csv");
        File.WriteAllText(clean, "instant,number,outcome,caller,subcontractor,campaign,subject,timeZones\n2026-03-02T09:30:00Z,+33612345678,no-answer,telco,d,c,s,Europe/Paris\n");

        Assert.Equal(ExitCodes.Ok, Run(string.Empty, "audit", clean, "--policy", "fr", "--out", folder.File("a")));
        Assert.Equal(ExitCodes.Findings, Run(string.Empty, "audit", TestFiles.Fixture("calls.csv"), "--policy", "fr", "--out", folder.File("b")));

        // Rows in error and violations among the rows read: the highest code, 2.
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "audit", TestFiles.Fixture("calls-broken.csv"), "--policy", "fr", "--out", folder.File("c")));
        Assert.Equal(ExitCodes.StoreUnreadable, Run(string.Empty, "audit", clean, "--policy", "fr", "--out", folder.File("d"), "--ledger", folder.File("none.db")));
    }

    [Fact]
    public void Received_is_0_nothing_broken_1_breach_2_unreadable_part_or_wrong_option()
    {
        using var folder = new TempFolder();
        var export = folder.File("export.csv");
        var callers = folder.File("callers.csv");
        File.WriteAllText(callers, "number,name\n+33162000001,Acme\n");

        // Wed 12 August 2026, 11:00 in Paris: no consent was given, so from 11 August 2026 the
        // call breaks FR-CONS-01; on Tue 4 August 2026 at 11:00, one call breaks nothing.
        File.WriteAllText(export, "instant,number,direction,duration,kind\n2026-08-04T11:00:00+02:00,+33162000001,incoming,0,call\n");
        Assert.Equal(ExitCodes.Ok, Run(string.Empty, "received", export, "--policy", "fr", "--callers", callers, "--out", folder.File("a")));

        File.AppendAllText(export, "2026-08-12T11:00:00+02:00,+33162000001,incoming,0,call\n");
        Assert.Equal(ExitCodes.Findings, Run(string.Empty, "received", export, "--policy", "fr", "--callers", callers, "--out", folder.File("b")));

        // A breach, and a row not read: the highest code, 2.
        File.AppendAllText(export, "2026-08-12T12:00:00+02:00,+33162000001,sideways,0,call\n");
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "received", export, "--policy", "fr", "--callers", callers, "--out", folder.File("c")));
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "received", export, "--policy", "xx", "--out", folder.File("d")));
    }

    [Fact]
    public void Scrub_is_0_decided_2_rows_in_error_3_ledger_unreadable()
    {
        using var folder = new TempFolder();
        var clean = folder.File("clean.csv");
        File.WriteAllText(clean, "number,timeZones\n+33612345678,Europe/Paris\n");

        Assert.Equal(ExitCodes.Ok, Run(string.Empty, "scrub", clean, "--policy", "fr", "--at", "2026-03-07T10:00:00Z", "--out", folder.File("a.csv")));
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "scrub", TestFiles.Fixture("list.csv"), "--policy", "fr", "--out", folder.File("b.csv")));
        Assert.Equal(ExitCodes.StoreUnreadable, Run(string.Empty, "scrub", clean, "--policy", "fr", "--ledger", folder.File("none.db"), "--out", folder.File("c.csv")));
    }

    [Fact]
    public void Registry_build_and_info_are_0_sound_and_2_unreadable()
    {
        using var folder = new TempFolder();
        var registry = folder.File("dnc.crreg");
        var export = folder.File("export.txt");
        File.WriteAllText(export, "2025550123\n2025550124\n");

        Assert.Equal(ExitCodes.Ok, Run(string.Empty, "registry", "build", export, "--registry", "us-dnc", "--snapshot", "2026-11-01", "--country-code", "1", "--out", registry));
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "registry", "build", TestFiles.Fixture("us-dnc-export.txt"), "--registry", "us-dnc", "--snapshot", "2026-11-01", "--country-code", "1", "--out", folder.File("y.crreg")));
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "registry", "build", folder.File("none.txt"), "--registry", "us-dnc", "--snapshot", "2026-11-01", "--out", folder.File("x.crreg")));
        Assert.Equal(ExitCodes.Ok, Run(string.Empty, "registry", "info", registry));
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "registry", "info", folder.File("none.crreg")));
    }

    [Fact]
    public void Ledger_verify_is_0_intact_1_tampered_2_usage_3_unreadable()
    {
        using var folder = new TempFolder();
        var ledger = folder.File("ledger.db");
        LedgerFixture.Write(ledger);

        Assert.Equal(ExitCodes.Ok, Run(string.Empty, "ledger", "verify", "--ledger", ledger));
        Assert.Equal(ExitCodes.InputError, Run(string.Empty, "ledger", "verify"));
        Assert.Equal(ExitCodes.StoreUnreadable, Run(string.Empty, "ledger", "verify", "--ledger", folder.File("none.db")));
        LedgerFixture.Tamper(ledger, "DELETE FROM evidence_log WHERE seq = 3");
        Assert.Equal(ExitCodes.Findings, Run(string.Empty, "ledger", "verify", "--ledger", ledger));
    }

    [Theory]
    [InlineData]
    [InlineData("evalute")]
    [InlineData("audit")]
    [InlineData("scrub", "list.csv", "--bogus")]
    [InlineData("registry")]
    [InlineData("received")]
    [InlineData("received", "calls.xml")]
    public void A_mistyped_command_line_is_2_for_every_command(params string[] args)
        => Assert.Equal(ExitCodes.InputError, Run(string.Empty, args));
}
