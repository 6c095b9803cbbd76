using System;
using System.IO;
using System.Linq;
using ContactRules.Cli.Scrub;
using ContactRules.Cli.Zones;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// <c>contactrules scrub</c> end to end on fixtures/list.csv at Fri 6 March 2026 18:30Z: 19:30 in
/// Paris (UTC+1), 22:30 in Réunion (UTC+4), 14:30 in Martinique (UTC-4). Expected rows are worked
/// out by hand from D223-9 (FR-HOURS-01: Monday to Friday, 10:00–13:00 and 14:00–20:00 in the
/// consumer's zone, canvassing calls only) and docs/conventions.md.
/// </summary>
public class ScrubTests
{
    private const string At = "2026-03-06T18:30:00Z";
    private const string Header = "line,number,contactId,decision,nextPermittedAt,nextPermittedLocal,rules,reasons";

    private static readonly string[] Expected =
    {
        // Paris 19:30 on a Friday, inside [14:00, 20:00).
        "2,+33612345678,P-1,allowed,,,",
        // Réunion 22:30: refused until the next window, Mon 9 March 10:00 Réunion = 06:00Z.
        "3,+262692123456,R-1,refused,2026-03-09T06:00:00Z,2026-03-09T10:00:00+04:00,FR-HOURS-01",
        // Martinique 14:30, channel and purpose empty: voice and marketing by default; allowed.
        "4,+596696123456,M-1,allowed,,,",
        // Paris and Réunion: allowed only where both windows are open. Mon 9 March 09:00Z is 10:00 in
        // Paris but 13:00 in Réunion (its lunch gap); 10:00Z is 11:00 Paris, 14:00 Réunion. The id
        // holds a comma, so it is written quoted, as it was read.
        "5,+33612345679,\"Dupont, Jean\",refused,2026-03-09T10:00:00Z,2026-03-09T11:00:00+01:00,FR-HOURS-01",
        // No zone, and none derivable (no phone-number adapter): CORE-ZONE-01, waiting does not help.
        "6,+33612345680,Z-1,refused,,,CORE-ZONE-01",
        // D223-9 governs canvassing calls: a text message is not refused by its hours (22:30 in
        // Réunion), but a marketing message needs a consent to messages (CPCE L34-5, FR-EMSG-01),
        // which a call list cannot carry: refused, and waiting does not help. (This row used to be
        // allowed: a French marketing SMS needed no consent, which the law never said.)
        "7,+262692123457,R-2,refused,,,FR-EMSG-01",
        // An informational call is not canvassing: not refused.
        "8,+262692123458,R-3,allowed,,,",
        "9,+33612345681,P-2,allowed,,,",
        "10,0612345678,P-3,error,,,",
        "11,+33612345682,P-4,error,,,",
        "12,+33612345683,P-5,error,,,",
        "13,,,error,,,",
        "14,,,error,,,",
        // The same combination as line 3, decided again from the kept outcome.
        "15,+262692123459,R-4,refused,2026-03-09T06:00:00Z,2026-03-09T10:00:00+04:00,FR-HOURS-01",
    };

    /// <summary>The rows of a decisions file after its header, without their last column (the reasons).</summary>
    internal static string[] WithoutReasons(string[] lines)
        => lines.Skip(1).Select(line => line.Substring(0, line.LastIndexOf(line.EndsWith('"') ? ",\"" : ",", StringComparison.Ordinal))).ToArray();

    [Fact]
    public void Every_row_is_decided_in_order_with_its_rules_and_next_permitted_instant()
    {
        using var folder = new TempFolder();

        var run = CliRun.Run(string.Empty, null, "scrub", TestFiles.Fixture("list.csv"), "--policy", "fr", "--at", At, "--out", folder.File("decisions.csv"));

        Assert.Equal(2, run.ExitCode);
        var lines = File.ReadAllLines(folder.File("decisions.csv"));
        Assert.Equal(Header, lines[0]);
        Assert.Equal(Expected, WithoutReasons(lines));
        Assert.EndsWith(",\"FR-HOURS-01: Fri 2026-03-06 22:30 in Indian/Reunion is outside the allowed hours (Mon–Fri 10:00–13:00, 14:00–20:00; Sat–Sun none); the next allowed hour there starts Mon 2026-03-09 10:00 in Indian/Reunion. (Code de la consommation, art. D223-9 al. 1-2 (décret n° 2022-1313))\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_in_error_say_which_column_and_what_was_expected_and_never_echo_a_number_on_the_console()
    {
        using var folder = new TempFolder();
        var list = TestFiles.Fixture("list.csv");

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At, "--out", folder.File("decisions.csv"));

        var lines = File.ReadAllLines(folder.File("decisions.csv"));
        Assert.Equal(
            new[]
            {
                "10,0612345678,P-3,error,,,,\"column 1 'number': the value (10 characters) is not an E.164 number: '+', the country code and the number, digits only, 2 to 15 digits in all, such as '+33612345678'\"",
                "11,+33612345682,P-4,error,,,,\"column 3 'timeZones': unknown time zone 'Mars/Olympus'; expected IANA time zone ids separated by ';', such as 'Europe/Paris' or 'Europe/Paris;Indian/Reunion'\"",
                "12,+33612345683,P-5,error,,,,\"column 4 'channel': unknown value 'fax'; expected one of voice, sms, or empty for voice\"",
                "13,,,error,,,,\"column 6 'caller': found 'x' after the closing quote of a quoted field; expected a comma or the end of the line (a quote inside a field is written twice: \"\"\"\")\"",
                "14,,,error,,,,\"found 3 fields; expected 8, one for each column of the header row\"",
            },
            lines.Skip(9).Take(5));

        var stderr = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"contactrules scrub: deciding {list} at {At} under policy 'fr'.", stderr[0]);
        Assert.Equal($"contactrules scrub: {list}, line 10, column 1 'number': the value (10 characters) is not an E.164 number: '+', the country code and the number, digits only, 2 to 15 digits in all, such as '+33612345678'", stderr[1]);
        Assert.Equal(5, stderr.Count(l => l.Contains(", line ", StringComparison.Ordinal)));
        Assert.StartsWith("contactrules scrub: 14 rows: 4 allowed, 5 refused, 5 in error, in ", stderr[^2], StringComparison.Ordinal);
        Assert.Equal($"contactrules scrub: 5 rows of {list} in error were not decided (their decision is 'error').", stderr[^1]);
        Assert.DoesNotContain("0612345678", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("+3361234568", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("+2626921234", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kept_outcomes_give_the_same_file_as_deciding_every_row_alone()
    {
        using var folder = new TempFolder();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 6, 18, 30));

        // Once with the outcome cache, once deciding every row through the engine.
        ScrubCommand.Run(TestFiles.Fixture("list.csv"), "fr", folder.File("kept.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock);
        ScrubCommand.Run(TestFiles.Fixture("list.csv"), "fr", folder.File("alone.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock, cacheOutcomes: false);

        Assert.Equal(File.ReadAllBytes(folder.File("alone.csv")), File.ReadAllBytes(folder.File("kept.csv")));
        Assert.Equal(Expected, WithoutReasons(File.ReadAllLines(folder.File("kept.csv"))));
    }

    [Fact]
    public void A_clean_list_is_exit_code_0_and_goes_to_standard_output_without_out()
    {
        using var folder = new TempFolder();
        var list = folder.File("clean.csv");

        // Tue 10 March 2026 09:30Z is 10:30 in Paris: inside [10:00, 13:00).
        File.WriteAllText(list, "Number,Time Zones\r\n+33612345678,Europe/Paris\r\n\r\n+33612345679,Europe/Paris\r\n");

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", "2026-03-10T10:30:00+01:00");

        Assert.Equal(0, run.ExitCode);
        // A blank line is no row; CRLF line ends read the same; line numbers are the file's.
        Assert.Equal(new[] { Header, "2,+33612345678,,allowed,,,,", "4,+33612345679,,allowed,,,," }, run.Lines);
    }

    [Theory]
    [InlineData("--at", "2026-03-10 10:30", "contactrules scrub: --at: '2026-03-10 10:30' is not a valid instant; expected an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'")]
    [InlineData("--policy", "xx", "contactrules scrub: --policy: unknown pack 'xx' in policy 'xx'")]
    public void A_bad_option_is_exit_code_2(string option, string value, string error)
    {
        var args = option == "--at"
            ? new[] { "scrub", TestFiles.Fixture("list.csv"), "--policy", "fr", "--at", value }
            : new[] { "scrub", TestFiles.Fixture("list.csv"), "--policy", value };

        var run = CliRun.Run(string.Empty, null, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.StartsWith(error, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_without_a_number_column_is_exit_code_2()
    {
        using var folder = new TempFolder();
        var list = folder.File("no-number.csv");
        File.WriteAllText(list, "phone,timeZones\n+33612345678,Europe/Paris\n");

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"contactrules scrub: {list}, line 1 (the header row): missing column 'number'; expected a header row naming at least number", run.Stderr.TrimEnd('\n'));
    }
}
