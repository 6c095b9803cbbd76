using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow;

/// <summary>Compares the keys of a flow state's values: symbols as symbols, flow-capture ids as values.</summary>
internal sealed class VariableKeyComparer : IEqualityComparer<object>
{
    public static readonly VariableKeyComparer Instance = new();

    public new bool Equals(object? x, object? y)
        => x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

    public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
}
