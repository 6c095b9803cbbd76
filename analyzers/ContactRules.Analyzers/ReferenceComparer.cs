using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers;

/// <summary>
/// Identity comparison for per-definition caches: a definition symbol is one object per
/// compilation, so equality is identity.
/// </summary>
/// <remarks>
/// The hash is the member's and its container's names, not the object's identity hash: a symbol
/// the compiler has locked carries a sync block, and its identity hash then goes through the
/// runtime's slow path, which in a build (many compiler threads, frequent collections) measured
/// as the largest single cost of the cache lookups (docs/benchmarks-analyzers.md).
/// </remarks>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class, ISymbol
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj)
        => unchecked((obj.Name.GetHashCode() * 31) + (obj.ContainingSymbol?.Name.GetHashCode() ?? 0));
}
