using System;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow;

/// <summary>A variable together with the call that gave it its current decision or permit.</summary>
internal readonly struct Site : IEquatable<Site>
{
    public Site(ISymbol variable, SyntaxNode node)
    {
        Variable = variable;
        Node = node;
    }

    public ISymbol Variable { get; }

    public SyntaxNode Node { get; }

    public bool Equals(Site other) => SymbolEqualityComparer.Default.Equals(Variable, other.Variable) && Node == other.Node;

    public override bool Equals(object? obj) => obj is Site other && Equals(other);

    public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Variable) * 31) + Node.GetHashCode();
}
