using System.IO;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>The JSON Lines stream: order, line numbers, blank lines, files and exit codes.</summary>
public class StreamTests
{
    // Tue 10 March 2026 10:30 in Paris: allowed (FR-HOURS-01 window [10:00, 13:00), no holiday).
    private const string Good = @"""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""timeZones"":[""Europe/Paris""]}";

    private static string Allowed(string id) => @"{""id"":""" + id + @""",""allowed"":true,""violations"":[],""nextPermittedAt"":null}";

    [Fact]
    public void Good_lines_are_decided_around_bad_ones_in_input_order_and_the_exit_code_is_2()
    {
        var input = string.Join(
            "\n",
            @"{""id"":""one""," + Good + "}",
            "",
            @"{""id"":""two"",""policy"":""xx"",""at"":""2026-03-10T09:30:00Z""}",
            "   ",
            @"{""id"":""three""," + Good + "}",
            @"{""id"":""four""," + Good,
            @"{""id"":""five""," + Good + "}") + "\n";

        var run = CliRun.Evaluate(input);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(5, run.Lines.Length);
        Assert.Equal(Allowed("one"), run.Lines[0]);
        Assert.StartsWith(@"{""id"":""two"",""line"":3,""error"":""field 'policy': unknown pack 'xx'", run.Lines[1]);
        Assert.Equal(Allowed("three"), run.Lines[2]);
        Assert.StartsWith(@"{""id"":null,""line"":6,""error"":""the line is not valid JSON", run.Lines[3]);
        Assert.Equal(Allowed("five"), run.Lines[4]);
        Assert.Contains("3 cases decided, 2 lines in error", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_decided_gives_exit_code_0_and_nothing_on_stderr()
    {
        var run = CliRun.Evaluate(@"{""id"":""a""," + Good + "}\r\n" + @"{""id"":""b""," + Good + "}");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { Allowed("a"), Allowed("b") }, run.Lines);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Blank_input_gives_no_output_and_exit_code_0()
    {
        var run = CliRun.Evaluate("\n\n  \n");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public void A_file_argument_is_read_instead_of_standard_input()
    {
        using var folder = new TempFolder();
        var path = folder.File("cases.jsonl");

        // With a UTF-8 byte order mark, as some editors write one.
        File.WriteAllText(path, "\n" + @"{""id"":""from-file""," + Good + "}\n" + @"{""id"":""bad""}" + "\n", new System.Text.UTF8Encoding(true));

        var run = CliRun.Run(@"{""id"":""from-stdin""," + Good + "}\n", null, "evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            new[] { Allowed("from-file"), @"{""id"":""bad"",""line"":3,""error"":""missing required field 'policy'; expected pack ids joined by '+', such as 'fr' or 'us+us-fl'""}" },
            run.Lines);
    }

    [Fact]
    public void A_dash_reads_standard_input()
    {
        var run = CliRun.Run(@"{""id"":""from-stdin""," + Good + "}\n", null, "evaluate", "-");

        Assert.Equal(new[] { Allowed("from-stdin") }, run.Lines);
    }

    [Fact]
    public void A_missing_file_is_exit_code_2_with_a_message()
    {
        var run = CliRun.Run(string.Empty, null, "evaluate", "/nonexistent/cases.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains("cannot read the cases file '/nonexistent/cases.jsonl'", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_the_bound_is_an_error_and_the_next_line_is_read()
    {
        var huge = @"{""id"":""huge"",""pad"":""" + new string('x', Evaluate.JsonLinesReader.MaxLineLength) + @"""}";

        var run = CliRun.Evaluate(huge + "\n" + @"{""id"":""after""," + Good + "}\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            new[] { @"{""id"":null,""line"":1,""error"":""the line is longer than 4194304 characters; expected one case of reasonable size per line""}", Allowed("after") },
            run.Lines);
    }

    [Theory]
    [InlineData("Run 'contactrules --help' for the commands.", "evalute")]
    [InlineData("Run 'contactrules evaluate --help' for usage.", "evaluate", "a.jsonl", "b.jsonl")]
    public void A_usage_mistake_is_exit_code_2_with_nothing_on_standard_output(string help, params string[] args)
    {
        var run = CliRun.Run(@"{""id"":""a""," + Good + "}\n", null, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains(help, run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_echoed_as_given_in_readable_UTF_8()
    {
        var run = CliRun.Evaluate(@"{""id"":""dossier-é/12 \""A+B\"" <ok>""," + Good + "}\n");

        Assert.Equal(@"{""id"":""dossier-é/12 \""A+B\"" <ok>"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", run.Single);
    }
}
