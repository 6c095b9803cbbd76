using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>
/// A diagnostic's id and node, the key that reports each finding once: hashed by the node's
/// position and compared by the node's identity.
/// </summary>
/// <remarks>
/// The default comparison of the tuple hashed the id with the runtime's randomised string hash
/// and the node by its identity hash, a few per cent of the consent analysis on the dial-heavy
/// benchmark, where every finding passes through two such sets.
/// </remarks>
internal sealed class FindingKey : IEqualityComparer<(string Id, SyntaxNode Node)>
{
    public static readonly FindingKey Instance = new();

    /// <summary>A new set of keys.</summary>
    public static HashSet<(string Id, SyntaxNode Node)> NewSet() => new(Instance);

    public bool Equals((string Id, SyntaxNode Node) x, (string Id, SyntaxNode Node) y)
        => ReferenceEquals(x.Node, y.Node) && string.Equals(x.Id, y.Id, StringComparison.Ordinal);

    public int GetHashCode((string Id, SyntaxNode Node) key) => unchecked((key.Node.SpanStart * 31) + key.Node.RawKind);
}
