using System;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>A variable together with the call that gave it its current decision or permit.</summary>
internal sealed class Site : IEquatable<Site>
{
    public Site(object variable, SyntaxNode node)
    {
        Variable = variable;
        Node = node;
    }

    /// <summary>The variable (a symbol) holding the decision or permit.</summary>
    public object Variable { get; }

    public SyntaxNode Node { get; }

    public bool Equals(Site? other) => other is not null && KeyComparer.Instance.Equals(Variable, other.Variable) && Node == other.Node;

    public override bool Equals(object? obj) => obj is Site other && Equals(other);

    public override int GetHashCode() => (KeyComparer.Instance.GetHashCode(Variable) * 31) + Node.GetHashCode();
}
