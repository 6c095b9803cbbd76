using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ContactRules.Cli.Csv;

namespace ContactRules.Cli.Input;

/// <summary>
/// Reports the rows of an input file that cannot be read, on standard error: the file, the line,
/// the column and what was expected, one line each. Every row in error is counted; past
/// <see cref="MaxPrinted"/> they are counted only, and the summary says how many were not shown.
/// </summary>
internal sealed class InputErrors
{
    /// <summary>How many errors are printed before they are only counted.</summary>
    internal const int MaxPrinted = 100;

    private readonly string command;
    private readonly string file;
    private readonly TextWriter error;
    private readonly List<(long Line, int Column, string? ColumnName, string Message)>? kept;

    /// <param name="command">The command, for the start of each line.</param>
    /// <param name="file">The input file, as the user named it.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="keep">True to keep every error for <see cref="WriteFile"/> (memory then grows with the errors).</param>
    internal InputErrors(string command, string file, TextWriter error, bool keep = false)
    {
        this.command = command;
        this.file = file;
        this.error = error;
        kept = keep ? new() : null;
    }

    /// <summary>The number of rows in error.</summary>
    internal long Count { get; private set; }

    /// <summary>The text of an error, as printed and as written to error files.</summary>
    internal static string Describe(int column, string? columnName, string message)
        => column <= 0
            ? message
            : $"column {column.ToString(CultureInfo.InvariantCulture)}{(columnName is null ? string.Empty : $" '{columnName}'")}: {message}";

    /// <summary>Reports one row in error.</summary>
    /// <param name="line">The line the row starts on.</param>
    /// <param name="column">The 1-based column, or 0 for the whole row.</param>
    /// <param name="columnName">The column's name in the header, when known.</param>
    /// <param name="message">What was found and what was expected.</param>
    internal void Report(long line, int column, string? columnName, string message)
    {
        Count++;
        kept?.Add((line, column, columnName, message));
        if (Count <= MaxPrinted)
        {
            error.WriteLine($"contactrules {command}: {file}, line {line.ToString(CultureInfo.InvariantCulture)}, {Describe(column, columnName, message)}");
        }
    }

    /// <summary>Says how many rows were in error, when any were.</summary>
    internal void WriteSummary(string what)
    {
        if (Count == 0)
        {
            return;
        }

        var hidden = Count - MaxPrinted;
        error.WriteLine($"contactrules {command}: {Count.ToString(CultureInfo.InvariantCulture)} rows of {file} in error were not {what}{(hidden > 0 ? $" ({hidden.ToString(CultureInfo.InvariantCulture)} not shown above)" : string.Empty)}.");
    }

    /// <summary>Writes the kept errors as CSV: <c>line,column,columnName,error</c>.</summary>
    internal void WriteFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var csv = new CsvWriter(stream);
        csv.Header("line,column,columnName,error");
        foreach (var (line, column, columnName, message) in kept ?? new())
        {
            csv.Field(line);
            csv.Field(column);
            csv.Field(columnName);
            csv.Field(message);
            csv.EndRecord();
        }

        csv.Flush();
    }
}
