namespace ContactRules.Cli.Audit;

/// <summary>What an audit reads besides the log: a consents file (<c>--consents</c>) and a ledger's facts (<c>--ledger</c> or <c>--pg</c>).</summary>
/// <param name="ConsentsPath">The consents file, or null.</param>
/// <param name="LedgerPath">The SQLite ledger file, or null.</param>
/// <param name="ConnectionString">The PostgreSQL connection string, or null.</param>
/// <param name="Schema">The PostgreSQL ledger's schema, or null for the default.</param>
internal sealed record AuditSources(string? ConsentsPath, string? LedgerPath, string? ConnectionString, string? Schema)
{
    /// <summary>The log alone.</summary>
    internal static AuditSources None { get; } = new(null, null, null, null);
}
