using System.Globalization;

namespace ContactRules.Cli.Csv;

/// <summary>Why the header row of a CSV file cannot be used, and where.</summary>
/// <param name="Line">The line of the header row, or 0 when the file has none (it is empty).</param>
/// <param name="Message">What was found and what was expected, in plain words.</param>
internal sealed record CsvHeaderProblem(long Line, string Message)
{
    /// <summary>Where: <c>line 1 (the header row)</c>, or empty for the whole file.</summary>
    internal string Location => Line == 0 ? string.Empty : $"line {Line.ToString(CultureInfo.InvariantCulture)} (the header row)";

    /// <summary>The problem as one line: <c>line 1 (the header row): missing column 'number'; ...</c>.</summary>
    public override string ToString() => Line == 0 ? Message : $"{Location}: {Message}";
}
