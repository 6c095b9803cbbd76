using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// Compares the keys the analysis tracks: variables as symbols, element roots and flow-capture
/// ids as values.
/// </summary>
/// <remarks>
/// A symbol hashes by its name (equal symbols have equal names), never by identity: see
/// <see cref="ReferenceComparer{T}"/>. The same object is equal to itself without asking the
/// symbol's equality, which is the common case of a variable looked up where it was stored.
/// </remarks>
internal sealed class KeyComparer : IEqualityComparer<object>
{
    public static readonly KeyComparer Instance = new();

    [MethodImpl(Jit.Optimized)]
    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        return x is ISymbol a ? y is ISymbol b && SymbolEqualityComparer.Default.Equals(a, b) : x.Equals(y);
    }

    public int GetHashCode(object obj) => obj is ISymbol symbol ? NameHash.Of(symbol.Name) : obj.GetHashCode();
}
