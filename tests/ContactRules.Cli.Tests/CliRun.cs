using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ContactRules.Cli.Zones;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>One in-process run of <c>contactrules</c>: exit code, output lines and error text.</summary>
internal sealed record CliRun(int ExitCode, string[] Lines, string Stderr)
{
    // The engine's explanation follows the contract's four fields of a violation; its wording is
    // the core's, so the exact-line assertions compare everything else and check reasons apart.
    private static readonly Regex Reason = new(@",""reason"":""(?:[^""\\]|\\.)*""", RegexOptions.CultureInvariant);

    /// <summary>Runs <c>contactrules evaluate</c> with <paramref name="input"/> on standard input.</summary>
    internal static CliRun Evaluate(string input, IPhoneNumberZones? phoneNumberZones = null)
        => Run(input, phoneNumberZones, "evaluate");

    internal static CliRun Run(string input, IPhoneNumberZones? phoneNumberZones, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter();
        var exitCode = Program.Run(args, stdin, stdout, stderr, phoneNumberZones ?? NoPhoneNumberZones.Instance);
        var text = stdout.ToString();
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "every output line ends with a line feed");
        var lines = text.Length == 0 ? Array.Empty<string>() : text.TrimEnd('\n').Split('\n');
        return new CliRun(exitCode, lines, stderr.ToString());
    }

    /// <summary>The output lines without the violations' <c>reason</c> fields.</summary>
    internal string[] WithoutReasons => Lines.Select(WithoutReason).ToArray();

    internal static string WithoutReason(string line) => Reason.Replace(line, string.Empty);

    /// <summary>The single output line, without reasons.</summary>
    internal string Single => Assert.Single(WithoutReasons);

    /// <summary>Every violation of every line carries a non-empty reason.</summary>
    internal void AssertEveryViolationExplained()
    {
        foreach (var line in Lines)
        {
            var violations = Regex.Matches(line, @"\{""rule"":").Count;
            var reasons = Regex.Matches(line, @",""reason"":""[^""]").Count;
            Assert.Equal(violations, reasons);
        }
    }
}
