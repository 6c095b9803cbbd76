using System.Globalization;
using ContactRules.Cli.Csv;

namespace ContactRules.Cli.Received.Exports;

/// <summary>One part of an input file that could not be read: where, and what was found and expected.</summary>
/// <param name="File">The file, as named on the command line.</param>
/// <param name="Location">Where in the file (<c>line 12</c>, <c>line 12, column 3 'direction'</c>, <c>&lt;call&gt; on line 12, attribute 'date'</c>, <c>ZCALLRECORD row Z_PK 5, column ZDATE</c>), or empty for the whole file.</param>
/// <param name="Message">What was found and what was expected.</param>
internal sealed record ExportProblem(string File, string Location, string Message)
{
    /// <summary>Where in a CSV file: <c>line 12</c> for the record as a whole, <c>line 12, column 3 'direction'</c> for one of its fields.</summary>
    /// <param name="line">The line the record starts on.</param>
    /// <param name="header">The file's header, which names the columns.</param>
    /// <param name="column">The 1-based column, or 0 for the whole record.</param>
    internal static string InCsv(long line, CsvHeader header, int column)
        => column <= 0
            ? $"line {line.ToString(CultureInfo.InvariantCulture)}"
            : $"line {line.ToString(CultureInfo.InvariantCulture)}, column {column.ToString(CultureInfo.InvariantCulture)} '{header.NameAt(column - 1)}'";

    /// <summary>The problem as one line of standard error and of the report.</summary>
    public override string ToString() => Location.Length == 0 ? $"{File}: {Message}" : $"{File}, {Location}: {Message}";
}
