namespace ContactRules.Cli.Scrub;

/// <summary>
/// What a scrub decided for one combination of the fields that decide (zones, channel, purpose,
/// automation, region, caller, subject, campaign): the output's decision columns, already encoded, or why such rows cannot be decided.
/// </summary>
internal sealed class ScrubOutcome
{
    private ScrubOutcome(byte[][]? fields, bool allowed, int errorColumn, string? error, bool storeFailed = false)
    {
        Fields = fields;
        Allowed = allowed;
        StoreFailed = storeFailed;
        ErrorColumn = errorColumn;
        Error = error;
    }

    /// <summary>The columns <c>decision,nextPermittedAt,nextPermittedLocal,rules,reasons</c> as UTF-8, neutralised for spreadsheets; null for an error.</summary>
    internal byte[][]? Fields { get; }

    internal bool Allowed { get; }

    /// <summary>True when the row was refused because the ledger could not be read (<c>CORE-STORE-01</c>).</summary>
    internal bool StoreFailed { get; }

    /// <summary>The 0-based column in error, for an error.</summary>
    internal int ErrorColumn { get; }

    /// <summary>What is wrong and what was expected, for an error.</summary>
    internal string? Error { get; }

    internal static ScrubOutcome Decided(byte[][] fields, bool allowed, bool storeFailed = false) => new(fields, allowed, -1, null, storeFailed);

    internal static ScrubOutcome Invalid(int column, string error) => new(null, false, column, error);
}
