using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ContactRules.Cli.Help;
using ContactRules.Cli.Input;
using ContactRules.Cli.Output;
using ContactRules.Internal;
using ContactRules.Registries;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Cli.Registry;

/// <summary>
/// <c>contactrules registry build EXPORT --registry us-dnc --snapshot 2026-11-01 --out FILE</c>
/// builds a memory-mapped registry file from a register's export with
/// <see cref="RegistryFileBuilder"/>; <c>contactrules registry info FILE</c> opens one, checks it
/// whole and says what it holds.
/// </summary>
/// <remarks>
/// A line of the export that is not a phone number may be a protected number that the registry
/// would then lack: each one is reported with its line, column and what was expected, counted,
/// and the exit code is 2. The registry file is then not written, unless <c>--max-rejected</c>
/// allows that many such lines (the file then lacks them, and the exit code is still 2). An
/// existing file at <c>--out</c> is replaced only by a complete new one. Exit codes:
/// <see cref="BuildManual"/> and <see cref="InfoManual"/>.
/// </remarks>
internal static class RegistryCommand
{
    // As RegistryBuildOptions.DefaultCountryCode reads it; checked before the export is read.
    private static readonly Regex CountryCode = new(@"^\+?[1-9][0-9]{0,2}\z", RegexOptions.CultureInvariant);

    internal static CommandManual BuildManual { get; } = new(
        "registry build",
        "registry build EXPORT --registry us-dnc --snapshot DATE --out FILE [--country-code C] [--column N] [--header] [--max-rejected N]",
        "Build a registry file (memory-mapped, checksummed) from a do-not-call register's export: one number a line, or in a column of a CSV file; E.164, or national digits with --country-code. Prints the lines read, the numbers written, the duplicates and the malformed lines (each with line, column and what was expected). A malformed line may be a protected number: the file is not written when there is one, unless --max-rejected allows it.",
        "a register's export",
        "a registry file",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "every line read and the file written",
            [ExitCodes.InputError] = "malformed lines (the file is written only within --max-rejected), an unreadable export",
        });

    internal static CommandManual InfoManual { get; } = new(
        "registry info",
        "registry info FILE",
        "Open a registry file, verify its header, size and checksum, and print its register, snapshot date and number count.",
        "a registry file",
        "its register, date, count",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "sound",
            [ExitCodes.InputError] = "missing, torn or corrupt",
        });

    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var export = new Argument<string>("export") { Description = "The register's export: a text file with one number a line, or a CSV file (see --column)." };
        var registry = new Option<string>("--registry") { Description = $"The register the export comes from: {EnumText<ContactRegistry>.Expected}.", Required = true };
        var snapshot = new Option<string>("--snapshot")
        {
            Description = "The date of the register version (the day it was downloaded), as YYYY-MM-DD (taken at 00:00 UTC, the earliest reading: the freshness rules then count the snapshot as older, never younger) or an ISO-8601 instant with Z or an offset.",
            Required = true,
        };
        var countryCode = new Option<string?>("--country-code") { Description = "The country calling code of numbers written without '+' (the US export lists 10-digit numbers: 1); without it every number must be E.164." };
        var column = new Option<int>("--column") { Description = "The 1-based column of the number in a CSV export; 1 by default.", DefaultValueFactory = _ => 1 };
        var header = new Option<bool>("--header") { Description = "The first line is a header, not a number." };
        var maxRejected = new Option<long>("--max-rejected") { Description = "How many malformed lines may be left out with the file still written; 0 by default (each may be a protected number). The exit code is 2 whenever a line was left out." };
        var output = new Option<string>("--out") { Description = "The registry file to write; replaced only by a complete new file.", Required = true };
        var build = new Command("build", BuildManual.HelpText()) { export, registry, snapshot, countryCode, column, header, maxRejected, output };
        build.SetAction(parseResult => Build(
            parseResult.GetValue(export)!,
            parseResult.GetValue(registry)!,
            parseResult.GetValue(snapshot)!,
            parseResult.GetValue(countryCode),
            parseResult.GetValue(column),
            parseResult.GetValue(header),
            parseResult.GetValue(maxRejected),
            parseResult.GetValue(output)!,
            stdout,
            stderr));

        var file = new Argument<string>("file") { Description = "A registry file built by 'contactrules registry build'." };
        var info = new Command("info", InfoManual.HelpText()) { file };
        info.SetAction(parseResult => Info(parseResult.GetValue(file)!, stdout, stderr));

        return new Command("registry", "Build and inspect do-not-call registry files.") { build, info };
    }

    internal static int Build(string exportPath, string registryText, string snapshotText, string? countryCode, int column, bool header, long maxRejected, string outPath, TextWriter stdout, TextWriter stderr)
    {
        const string Command = "contactrules registry build";
        if (!EnumText<ContactRegistry>.TryParse(registryText.Trim(), out var registry))
        {
            stderr.WriteLine($"{Command}: --registry: unknown register '{ValueText.Shorten(registryText)}'; expected one of {EnumText<ContactRegistry>.Expected}.");
            return ExitCodes.InputError;
        }

        if (!TryParseSnapshot(snapshotText.Trim(), out var snapshotAt))
        {
            stderr.WriteLine($"{Command}: --snapshot: '{ValueText.Shorten(snapshotText)}' is not a date; expected YYYY-MM-DD, such as '2026-11-01', or {InstantText.Expected}.");
            return ExitCodes.InputError;
        }

        if (column < 1)
        {
            stderr.WriteLine($"{Command}: --column: {column.ToString(CultureInfo.InvariantCulture)} is not a column; expected 1 for the first column, 2 for the second, ...");
            return ExitCodes.InputError;
        }

        if (maxRejected < 0)
        {
            stderr.WriteLine($"{Command}: --max-rejected: expected 0 or more lines.");
            return ExitCodes.InputError;
        }

        var options = new RegistryBuildOptions(registry, snapshotAt)
        {
            DefaultCountryCode = countryCode,
            Column = column - 1,
            HasHeader = header,

            // Every malformed line is counted and reported here; the limit is applied below, so
            // that the count and the lines are known even when the file is not kept.
            MaxRejectedLines = long.MaxValue,
        };
        if (countryCode is not null && !CountryCode.IsMatch(countryCode))
        {
            stderr.WriteLine($"{Command}: --country-code: '{ValueText.Shorten(countryCode!)}' is not a country calling code; expected 1 to 3 digits not starting with 0, such as 1 or 33.");
            return ExitCodes.InputError;
        }

        if (!File.Exists(exportPath))
        {
            stderr.WriteLine($"{Command}: cannot read the export '{exportPath}': there is no such file.");
            return ExitCodes.InputError;
        }

        var staging = outPath + ".unchecked";
        RegistryBuildResult result;
        try
        {
            result = RegistryFileBuilder.Build(exportPath, staging, options);
        }
        catch (Exception e) when (e is RegistryFormatException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            TryDelete(staging);
            stderr.WriteLine($"{Command}: {exportPath}: {e.Message}");
            return ExitCodes.InputError;
        }

        var errors = new InputErrors("registry build", exportPath, stderr);
        if (result.Rejected > 0)
        {
            ReportRejections(exportPath, result, options.Column, errors, stderr);
        }

        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var keep = result.Rejected <= maxRejected;
        try
        {
            if (keep)
            {
                File.Move(staging, outPath, overwrite: true);
            }
            else
            {
                File.Delete(staging);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{Command}: cannot write the registry file '{outPath}': {e.Message}");
            return ExitCodes.InputError;
        }

        stdout.WriteLine($"{exportPath}: {N(result.LinesRead)} lines read, {N(result.Numbers)} numbers, {N(result.Duplicates)} duplicates (kept once), {N(result.Rejected)} malformed lines.");
        if (!keep)
        {
            stderr.WriteLine($"{Command}: {N(result.Rejected)} lines of {exportPath} are not phone numbers (at most {N(maxRejected)} allowed by --max-rejected): each may be a protected number, so the registry file '{outPath}' was not written.");
            return ExitCodes.InputError;
        }

        stdout.WriteLine($"{outPath}: {EnumText<ContactRegistry>.Format(registry)} snapshot of {DecisionText.Utc(snapshotAt)}, {N(result.Numbers)} numbers, {N(result.SizeInBytes)} bytes, built in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s.");
        if (result.Rejected > 0)
        {
            stderr.WriteLine($"{Command}: {N(result.Rejected)} malformed lines of {exportPath} were left out of '{outPath}' (allowed by --max-rejected): the registry lacks any number they held.");
            return ExitCodes.InputError;
        }

        return ExitCodes.Ok;
    }

    internal static int Info(string path, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            using var file = RegistryFile.Open(path);
            stdout.WriteLine($"{path}: {EnumText<ContactRegistry>.Format(file.Registry)} snapshot of {DecisionText.Utc(file.SnapshotAt)}, {file.Count.ToString("N0", CultureInfo.InvariantCulture)} numbers, {file.SizeInBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; header, size and checksum verified.");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is RegistryFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"contactrules registry info: {(e is FileNotFoundException ? $"there is no registry file '{path}'" : e.Message)}");
            return ExitCodes.InputError;
        }
    }

    /// <summary>Reads a registry (one of <c>--registry FILE</c>), with a clear error when it cannot be trusted.</summary>
    internal static bool TryOpen(string command, string path, TextWriter stderr, out RegistryFile? file)
    {
        file = null;
        try
        {
            file = RegistryFile.Open(path);
            return true;
        }
        catch (Exception e) when (e is RegistryFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"contactrules {command}: --registry: {(e is FileNotFoundException ? $"there is no registry file '{path}'" : e.Message)}");
            return false;
        }
    }

    private static bool TryParseSnapshot(string text, out Instant snapshotAt)
    {
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            snapshotAt = date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            return true;
        }

        return InstantText.TryParse(text, out snapshotAt);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The staging file is left behind; the registry file itself was not touched.
        }
    }

    /// <summary>
    /// Reports the builder's first rejected lines with their column: the builder names the line,
    /// the column of the field is found by reading those lines again. The text of a line is not
    /// echoed (it may be most of a protected number), only its length.
    /// </summary>
    private static void ReportRejections(string exportPath, RegistryBuildResult result, int fieldIndex, InputErrors errors, TextWriter stderr)
    {
        var wanted = new SortedDictionary<long, string>();
        foreach (var rejection in result.FirstRejections)
        {
            // "line N: what was expected (found '...')".
            var colon = rejection.IndexOf(": ", StringComparison.Ordinal);
            if (!rejection.StartsWith("line ", StringComparison.Ordinal) || colon < 0 || !long.TryParse(rejection.AsSpan(5, colon - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                stderr.WriteLine($"contactrules registry build: {exportPath}: {rejection}");
                continue;
            }

            var message = rejection.Substring(colon + 2);
            var found = message.LastIndexOf(" (found '", StringComparison.Ordinal);
            wanted[line] = found >= 0 ? message.Substring(0, found) : message;
        }

        var lines = ReadLines(exportPath, wanted.Keys);
        foreach (var (line, message) in wanted)
        {
            var text = lines.TryGetValue(line, out var bytes) ? bytes : Array.Empty<byte>();
            var (column, length) = Field(text, fieldIndex);
            errors.Report(line, column, null, column > 0 ? $"{message}; the field holds {length.ToString(CultureInfo.InvariantCulture)} characters" : message);
        }

        var unshown = result.Rejected - result.FirstRejections.Length;
        if (unshown > 0)
        {
            stderr.WriteLine($"contactrules registry build: {exportPath}: {unshown.ToString("N0", CultureInfo.InvariantCulture)} more malformed lines not shown.");
        }
    }

    /// <summary>The 1-based column where field <paramref name="index"/> starts, and its length; column 0 when the line has fewer fields.</summary>
    private static (int Column, int Length) Field(byte[] line, int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            var comma = Array.IndexOf(line, (byte)',', start);
            if (comma < 0)
            {
                return (0, 0);
            }

            start = comma + 1;
        }

        var end = Array.IndexOf(line, (byte)',', start);
        var fieldEnd = end < 0 ? line.Length : end;
        return (Encoding.UTF8.GetCharCount(line, 0, start) + 1, Encoding.UTF8.GetCharCount(line, start, fieldEnd - start));
    }

    /// <summary>The text of the given lines (1-based, counted as the builder counts them: by line feed), without their line end.</summary>
    private static Dictionary<long, byte[]> ReadLines(string path, ICollection<long> numbers)
    {
        var found = new Dictionary<long, byte[]>();
        if (numbers.Count == 0)
        {
            return found;
        }

        var last = numbers.Max();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var current = new List<byte>();
        long line = 1;
        int b;
        while (line <= last && (b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                Keep();
                line++;
                current.Clear();
            }
            else if (numbers.Contains(line))
            {
                current.Add((byte)b);
            }
        }

        Keep();
        return found;

        void Keep()
        {
            if (numbers.Contains(line) && !found.ContainsKey(line))
            {
                if (current.Count > 0 && current[^1] == '\r')
                {
                    current.RemoveAt(current.Count - 1);
                }

                found[line] = current.ToArray();
            }
        }
    }
}
