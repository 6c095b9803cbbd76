using System;
using System.Collections.Generic;

namespace ContactRules.Cli.Scrub;

/// <summary>What a scrub reads besides the list: a ledger (<c>--ledger</c> or <c>--pg</c>), registry files (<c>--registry</c>) and a consents file (<c>--consents</c>).</summary>
/// <param name="LedgerPath">The SQLite ledger file, or null.</param>
/// <param name="ConnectionString">The PostgreSQL connection string, or null.</param>
/// <param name="Schema">The PostgreSQL ledger's schema, or null for the default.</param>
/// <param name="RegistryPaths">The registry files.</param>
internal sealed record ScrubSources(string? LedgerPath, string? ConnectionString, string? Schema, IReadOnlyList<string> RegistryPaths)
{
    /// <summary>The list alone.</summary>
    internal static ScrubSources None { get; } = new(null, null, null, Array.Empty<string>());

    /// <summary>The consents file, or null.</summary>
    internal string? ConsentsPath { get; init; }

    /// <summary>Callers of the list stated as new to the ledger (<c>--new-caller</c>).</summary>
    internal IReadOnlyList<string> NewCallers { get; init; } = Array.Empty<string>();
}
