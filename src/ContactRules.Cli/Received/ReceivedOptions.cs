using System.Collections.Generic;

namespace ContactRules.Cli.Received;

/// <summary>The options of <c>contactrules received</c>.</summary>
/// <param name="Files">The exports.</param>
/// <param name="Policy">The rule packs, ids joined by '+'.</param>
/// <param name="Output">The output folder.</param>
internal sealed record ReceivedOptions(IReadOnlyList<string> Files, string Policy, string Output)
{
    /// <summary>The person's IANA zone, when given.</summary>
    internal string? Zone { get; init; }

    /// <summary>fr or en, when given.</summary>
    internal string? Language { get; init; }

    /// <summary>The callers file, when given.</summary>
    internal string? Callers { get; init; }

    /// <summary>The facts file, when given.</summary>
    internal string? Facts { get; init; }

    /// <summary>The person's own number, when given.</summary>
    internal string? OwnNumber { get; init; }
}
