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
/// as the largest single cost of the cache lookups (docs/benchmarks-analyzers.md). Nor is it the
/// names' string hash, randomised and mixed per process (about 5% of the consent analyzer's own
/// time on the dial-heavy benchmark): see <see cref="NameHash"/>. The container's name spreads the
/// members of the same name (a <c>Handle</c> in every handler).
/// </remarks>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class, ISymbol
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj)
        => unchecked((NameHash.Of(obj.Name) * 31) + (obj.ContainingSymbol is { } container ? NameHash.Of(container.Name) : 0));
}
