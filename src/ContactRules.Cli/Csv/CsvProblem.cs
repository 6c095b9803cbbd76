namespace ContactRules.Cli.Csv;

/// <summary>Why a record of a CSV file cannot be read, and where.</summary>
/// <param name="Column">The 1-based column, or 0 when the problem is the record as a whole.</param>
/// <param name="Message">What was found and what was expected, in plain words.</param>
internal sealed record CsvProblem(int Column, string Message);
