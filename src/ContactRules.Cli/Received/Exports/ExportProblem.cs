namespace ContactRules.Cli.Received.Exports;

/// <summary>One part of an input file that could not be read: where, and what was found and expected.</summary>
/// <param name="File">The file, as named on the command line.</param>
/// <param name="Location">Where in the file (<c>line 12</c>, <c>&lt;call&gt; on line 12, attribute 'date'</c>, <c>ZCALLRECORD row Z_PK 5, column ZDATE</c>), or empty for the whole file.</param>
/// <param name="Message">What was found and what was expected.</param>
internal sealed record ExportProblem(string File, string Location, string Message)
{
    /// <summary>The problem as one line of standard error and of the report.</summary>
    public override string ToString() => Location.Length == 0 ? $"{File}: {Message}" : $"{File}, {Location}: {Message}";
}
