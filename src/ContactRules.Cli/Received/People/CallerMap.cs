using System;
using System.Collections.Generic;
using System.IO;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Input;
using ContactRules.Cli.Received.Exports;

namespace ContactRules.Cli.Received.People;

/// <summary>
/// The callers file: which company each number calls for, so that its subcontractors' numbers
/// are counted as one professional, and whether it was selling. A CSV file with a header row:
/// <c>number</c> (as the phone showed it), <c>name</c> (the company), and optionally
/// <c>selling</c> (<c>yes</c> by default, <c>no</c> for a caller that was not canvassing),
/// <c>recorded</c> (<c>yes</c> for a recorded voice, <c>no</c> by default) and <c>sector</c>.
/// </summary>
/// <remarks>
/// It is a small file the person writes by hand, read as every CSV file of the tool is
/// (<see cref="CsvReader"/>), and strictly: a mistake stops the run with its line and column,
/// because a caller silently left unnamed would split one professional's calls in two and hide
/// the breaches of their sum.
/// </remarks>
internal sealed class CallerMap
{
    internal static readonly string[] Required = { "number", "name" };
    internal static readonly string[] Known = { "number", "name", "selling", "recorded", "sector" };

    private readonly Dictionary<string, CallerEntry> byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallerEntry> byName = new(StringComparer.Ordinal);

    /// <summary>No caller named: every number is its own caller.</summary>
    internal static CallerMap Empty { get; } = new();

    /// <summary>The callers, in the order the file names them.</summary>
    internal List<CallerEntry> Callers { get; } = new();

    /// <summary>The caller named for <paramref name="number"/>, if any.</summary>
    internal CallerEntry? Find(CallingNumber number) => byNumber.GetValueOrDefault(number.Key);

    /// <summary>The caller named <paramref name="name"/>, if any.</summary>
    internal CallerEntry? Named(string name) => byName.GetValueOrDefault(name);

    /// <summary>Reads the callers file; <paramref name="problems"/> gets every line in error.</summary>
    internal static CallerMap Read(string path, NumberReader numbers, List<ExportProblem> problems)
    {
        var map = new CallerMap();
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = new CsvReader(stream);
            if (!CsvHeader.TryRead(reader, Known, Required, out var header, out var headerProblem))
            {
                problems.Add(new ExportProblem(path, headerProblem!.Location, headerProblem.Message));
                return map;
            }

            while (reader.TryRead(out var readProblem))
            {
                if (header!.ProblemOf(reader, readProblem) is { } problem)
                {
                    problems.Add(new ExportProblem(path, ExportProblem.InCsv(reader.Line, header, problem.Column), problem.Message));
                    continue;
                }

                map.Add(path, reader, header, numbers, problems);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(new ExportProblem(path, string.Empty, $"cannot be read: {e.Message}"));
        }

        return map;
    }

    private void Add(string path, CsvReader reader, CsvHeader header, NumberReader numbers, List<ExportProblem> problems)
    {
        string Where(string column) => ExportProblem.InCsv(reader.Line, header, header.IndexOf(column) + 1);
        string? Field(string column) => header.IndexOf(column) is >= 0 and var i ? reader.GetString(i).Trim() : null;

        var location = ExportProblem.InCsv(reader.Line, header, 0);
        var raw = Field("number")!;
        var name = Field("name")!;
        if (raw.Length == 0 || NumberReader.IsHiddenMarker(raw))
        {
            problems.Add(new ExportProblem(path, Where("number"), $"'{ValueText.Shorten(raw)}' is not a number; expected the number as the phone shows it, such as 01 62 00 00 00 or +33162000000"));
            return;
        }

        if (name.Length == 0)
        {
            problems.Add(new ExportProblem(path, Where("name"), "empty; expected the name of the company that calls from this number"));
            return;
        }

        if (!TryYesNo(Field("selling"), out var selling) || !TryYesNo(Field("recorded"), out var recorded))
        {
            var column = TryYesNo(Field("selling"), out _) ? "recorded" : "selling";
            problems.Add(new ExportProblem(path, Where(column), $"'{ValueText.Shorten(Field(column)!)}' is not yes or no; expected yes, no, or empty"));
            return;
        }

        var number = numbers.Read(raw);
        if (byNumber.TryGetValue(number.Key, out var already) && already.Name != name)
        {
            problems.Add(new ExportProblem(path, Where("number"), $"{number.Display} is already given to '{already.Name}'; expected each number once (a number calls for one company)"));
            return;
        }

        if (!byName.TryGetValue(name, out var caller))
        {
            caller = new CallerEntry(name);
            byName.Add(name, caller);
            Callers.Add(caller);
            caller.Selling = selling ?? true;
            caller.Recorded = recorded ?? false;
        }
        else if ((selling is { } s && s != caller.Selling) || (recorded is { } r && r != caller.Recorded))
        {
            problems.Add(new ExportProblem(path, location, $"'{name}' is marked differently on an earlier line (selling {(caller.Selling ? "yes" : "no")}, recorded {(caller.Recorded ? "yes" : "no")}); expected the same marks for every number of a company"));
            return;
        }

        if (Field("sector") is { Length: > 0 } sector)
        {
            caller.Sector ??= sector;
        }

        if (!caller.Numbers.Contains(number))
        {
            caller.Numbers.Add(number);
        }

        byNumber[number.Key] = caller;
    }

    private static bool TryYesNo(string? text, out bool? value)
    {
        value = null;
        switch (text?.ToLowerInvariant())
        {
            case null or "":
                return true;
            case "yes" or "y" or "oui" or "o" or "true" or "1":
                value = true;
                return true;
            case "no" or "n" or "non" or "false" or "0":
                value = false;
                return true;
            default:
                return false;
        }
    }
}
