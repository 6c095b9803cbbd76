using System;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// Who a value is about: a root (a local, a parameter, a field or property of <c>this</c>, or an
/// <see cref="ElementRoot"/>) and, when the value is one of that person's phone numbers, which one.
/// </summary>
internal sealed class Subject : IEquatable<Subject>
{
    public Subject(object root, ISymbol? number)
    {
        Root = root;
        Number = number;
    }

    /// <summary>The variable or element the value derives from.</summary>
    public object Root { get; }

    /// <summary>The phone-number member read from the root (<c>c.AlternatePhone</c>), or null for the person as a whole.</summary>
    public ISymbol? Number { get; }

    public Subject WithNumber(ISymbol? number) => new(Root, number);

    public Subject WithRoot(object root) => new(root, Number);

    public bool Equals(Subject? other) => other is not null && KeyComparer.Instance.Equals(Root, other.Root) && SymbolEqualityComparer.Default.Equals(Number, other.Number);

    public override bool Equals(object? obj) => obj is Subject other && Equals(other);

    public override int GetHashCode() => (KeyComparer.Instance.GetHashCode(Root) * 31) + (Number is null ? 0 : NameHash.Of(Number.Name));

    /// <summary>How a message names it: <c>'c'</c>, <c>'c.AlternatePhone'</c>.</summary>
    public string Describe()
    {
        var root = Root is ISymbol symbol ? symbol.Name : Root.ToString() ?? "?";
        return Number is null ? root : root + "." + Number.Name;
    }
}
