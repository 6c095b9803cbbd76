using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Cli.Received;
using ContactRules.Cli.Received.Judging;
using Xunit;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// A person's export written as the plain CSV (one line per call: local time with offset, number,
/// direction, duration, kind), their callers file and facts file, in a folder of its own; judged
/// in-process through <see cref="ReceivedCommand.Judge"/> or run whole through the CLI.
/// </summary>
internal sealed class ReceivedScenario : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<string> rows = new();
    private readonly List<string> callers = new();

    internal ReceivedScenario(string policy)
    {
        Policy = policy;
    }

    internal string Policy { get; }

    /// <summary>The facts file's JSON, when one is given.</summary>
    internal string? Facts { get; set; }

    internal string? Zone { get; set; }

    internal string Folder => folder.Path;

    internal string Out => folder.File("out");

    /// <summary>An incoming call: <paramref name="instant"/> with its offset, seconds answered (0: missed).</summary>
    internal ReceivedScenario Call(string instant, string number, int seconds = 0)
    {
        rows.Add($"{instant},{number},incoming,{seconds},call,");
        return this;
    }

    internal ReceivedScenario Text(string instant, string number, string text)
    {
        rows.Add($"{instant},{number},incoming,,sms,\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        return this;
    }

    /// <summary>A line of the callers file (number, name, selling, recorded, sector).</summary>
    internal ReceivedScenario Caller(string number, string name, string selling = "yes", string recorded = "no", string sector = "")
    {
        callers.Add($"{number},{name},{selling},{recorded},{sector}");
        return this;
    }

    internal ReceivedOptions Options(params string[] extra)
    {
        var export = folder.File("export.csv");
        File.WriteAllText(export, "instant,number,direction,duration,kind,text\n" + string.Concat(rows.Select(r => r + "\n")), new UTF8Encoding(false));
        string? callersFile = null;
        if (callers.Count > 0)
        {
            callersFile = folder.File("callers.csv");
            File.WriteAllText(callersFile, "number,name,selling,recorded,sector\n" + string.Concat(callers.Select(c => c + "\n")), new UTF8Encoding(false));
        }

        string? factsFile = null;
        if (Facts is not null)
        {
            factsFile = folder.File("facts.json");
            File.WriteAllText(factsFile, Facts, new UTF8Encoding(false));
        }

        return new ReceivedOptions(new[] { export }.Concat(extra).ToArray(), Policy, Out) { Callers = callersFile, Facts = factsFile, Zone = Zone };
    }

    /// <summary>Judges the scenario; fails the test when the options or facts are refused.</summary>
    internal ReceivedResult Judge()
    {
        using var stderr = new StringWriter();
        var result = ReceivedCommand.Judge(Options(), stderr, out _);
        Assert.True(result is not null, stderr.ToString());
        Assert.Empty(result!.Problems);
        return result;
    }

    /// <summary>The rule ids each incoming call broke, in time order ("" for a call allowed, "-" for one not judged).</summary>
    internal string[] Rules()
        => Judge().Incoming.Select(c => c.Decision is null ? "-" : string.Join(" ", c.Decision.Violations.Select(v => v.RuleId))).ToArray();

    /// <summary>Runs <c>contactrules received</c> on the scenario.</summary>
    internal CliRun Run(params string[] extra)
    {
        var options = Options();
        var args = new List<string> { "received" };
        args.AddRange(options.Files);
        args.AddRange(new[] { "--policy", Policy, "--out", Out });
        if (options.Callers is { } c)
        {
            args.AddRange(new[] { "--callers", c });
        }

        if (options.Facts is { } f)
        {
            args.AddRange(new[] { "--facts", f });
        }

        if (Zone is { } z)
        {
            args.AddRange(new[] { "--zone", z });
        }

        args.AddRange(extra);
        return CliRun.Run(string.Empty, null, args.ToArray());
    }

    public void Dispose() => folder.Dispose();
}
