using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// The element at position <see cref="Index"/> of the sequence <see cref="Origin"/>, and of every
/// sequence that follows <see cref="Origin"/> position by position (see
/// <see cref="AbstractValue.Origin"/>): <c>decisions[i]</c> of <c>gate.CheckMany(requests)</c>,
/// <c>requests[i]</c> of <c>customers.Select(...).ToList()</c> and <c>customers[i]</c> are about the
/// same person as long as neither <c>i</c> nor <c>customers</c> gets a new value.
/// </summary>
internal sealed class IndexedRoot
{
    public IndexedRoot(object origin, ISymbol index)
    {
        Origin = origin;
        Index = index;
    }

    /// <summary>The sequence whose positions count (a variable).</summary>
    public object Origin { get; }

    /// <summary>The index variable.</summary>
    public ISymbol Index { get; }

    public override bool Equals(object? obj)
        => obj is IndexedRoot other && KeyComparer.Instance.Equals(Origin, other.Origin) && SymbolEqualityComparer.Default.Equals(Index, other.Index);

    public override int GetHashCode() => (KeyComparer.Instance.GetHashCode(Origin) * 31) + SymbolEqualityComparer.Default.GetHashCode(Index);

    public override string ToString() => (Origin is ISymbol symbol ? symbol.Name : Origin.ToString()) + "[" + Index.Name + "]";
}
