using System;
using System.IO;
using System.Linq;
using ContactRules.Cli.Csv;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// Files people open in a spreadsheet never carry a live formula from the log (CSV injection), and
/// the HTML report never carries live markup; numbers stay numbers.
/// </summary>
public class SpreadsheetSafetyTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://x.example/\",\"call me\")";

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("+cmd", true)]
    [InlineData("-2+3", true)]
    [InlineData("\tx", true)]
    [InlineData("+33612345678", false)]
    [InlineData("-5", false)]
    [InlineData("-0.25", false)]
    [InlineData("acme", false)]
    [InlineData("", false)]
    [InlineData("+", true)]
    [InlineData("-.5", true)]
    public void A_field_that_starts_like_a_formula_and_is_not_a_number_is_neutralised(string text, bool neutralised)
        => Assert.Equal(neutralised, SpreadsheetText.NeedsNeutralising(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Violations_and_input_errors_write_hostile_fields_as_text_and_the_report_escapes_them()
    {
        using var folder = new TempFolder();
        var log = folder.File("log.csv");

        // Sat 7 March 2026 11:00 in Paris: FR-HOURS-01, so that the row is in violations.csv. Its
        // caller, campaign and contact id are formulas and markup; its number stays a number.
        File.WriteAllText(log, "instant,number,outcome,caller,subcontractor,campaign,subject,contactId,timeZones\n"
            + "2026-03-07T10:00:00Z,+33612345678,no-answer,\"" + Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",<b>dial</b>,@camp,-sub,+id,Europe/Paris\n"
            + "=cmd|' /C calc'!A0,+33612345678,no-answer,acme,d,c,s,A-1,Europe/Paris\n");

        var run = CliRun.Run(string.Empty, null, "audit", log, "--policy", "fr", "--out", folder.Path);

        Assert.Equal(2, run.ExitCode);
        var violation = File.ReadAllLines(folder.File("violations.csv"))[1];
        Assert.StartsWith("2,2026-03-07T10:00:00Z,2026-03-07T11:00:00+01:00,+33612345678,'+id,\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"call me\"\")\",<b>dial</b>,'@camp,'-sub,no-answer,FR-HOURS-01,", violation, StringComparison.Ordinal);

        // The row in error names the column; its text is the tool's, and never a formula.
        var error = File.ReadAllLines(folder.File("input-errors.csv"))[1];
        Assert.StartsWith("3,1,instant,'=cmd|' /C calc'!A0' is not a valid instant", error.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var html = File.ReadAllText(folder.File("audit-report.html"));
        Assert.DoesNotContain("<b>dial</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;dial&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"call me\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_writes_a_hostile_contact_id_as_text()
    {
        using var folder = new TempFolder();
        var list = folder.File("list.csv");
        File.WriteAllText(list, "number,contactId,timeZones\n+33612345678,=1+1,Europe/Paris\n=2+2,@x,Europe/Paris\n");

        CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", "2026-03-10T09:30:00Z", "--out", folder.File("out.csv"));

        var rows = File.ReadAllLines(folder.File("out.csv")).Skip(1).ToArray();
        Assert.StartsWith("2,+33612345678,'=1+1,allowed,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("3,'=2+2,'@x,error,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Received_writes_a_hostile_sender_and_caller_name_to_other_numbers_as_text_and_the_report_escapes_them()
    {
        // A sender chooses its own name, and the callers file is whoever wrote it: neither may run
        // as a formula when the person opens other-numbers.csv; the report shows markup as text.
        using var scenario = new Received.ReceivedScenario("fr");
        scenario.Caller("+33612000000", "\"" + Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", selling: "no")
            .Caller("+33162000001", "<b>dial</b>");
        scenario.Call("2026-08-12T11:00:00+02:00", "+33612000000")
            .Call("2026-08-12T11:30:00+02:00", "+33612000000")
            .Text("2026-08-12T12:00:00+02:00", "=HACK()", "x")
            .Call("2026-08-12T15:00:00+02:00", "+33162000001");

        var run = scenario.Run();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "number,calls,messages,knownContact,namedAs\n"
            + "+33612000000,2,0,no,\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"call me\"\")\"\n"
            + "'=HACK(),0,1,no,\n",
            File.ReadAllText(Path.Combine(scenario.Out, "other-numbers.csv")));
        var html = File.ReadAllText(Path.Combine(scenario.Out, "report.html"));
        Assert.DoesNotContain("<b>dial</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;dial&lt;/b&gt;", html, StringComparison.Ordinal);
    }
}
