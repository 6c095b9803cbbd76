using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow;

/// <summary>
/// Sets of variables (locals, parameters, fields and properties of <c>this</c>) compared as
/// symbols. A null set stands for "everything": the facts of a branch that cannot be taken.
/// </summary>
internal static class Sets
{
    public static readonly ImmutableHashSet<ISymbol> Empty = ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default);

    public static ImmutableHashSet<ISymbol> Of(ISymbol symbol) => Empty.Add(symbol);

    /// <summary>Both hold: the union, where "everything" absorbs.</summary>
    public static ImmutableHashSet<ISymbol>? Both(ImmutableHashSet<ISymbol>? a, ImmutableHashSet<ISymbol>? b)
        => a is null || b is null ? null : a.Count == 0 ? b : b.Count == 0 ? a : a.Union(b);

    /// <summary>One or the other holds: the intersection, where "everything" is neutral.</summary>
    public static ImmutableHashSet<ISymbol>? Either(ImmutableHashSet<ISymbol>? a, ImmutableHashSet<ISymbol>? b)
        => a is null ? b : b is null ? a : ReferenceEquals(a, b) ? a : a.Intersect(b);

    public static ImmutableHashSet<ISymbol> Union(ImmutableHashSet<ISymbol> a, ImmutableHashSet<ISymbol> b)
        => a.Count == 0 ? b : b.Count == 0 ? a : a.Union(b);

    public static ImmutableHashSet<ISymbol> Intersect(ImmutableHashSet<ISymbol> a, ImmutableHashSet<ISymbol> b)
        => ReferenceEquals(a, b) ? a : a.Intersect(b);

    public static bool SameAs(ImmutableHashSet<ISymbol>? a, ImmutableHashSet<ISymbol>? b)
        => ReferenceEquals(a, b) || (a is not null && b is not null && a.SetEquals(b));
}
