using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow;

/// <summary>
/// What the consent analysis knows about the value of an expression.
/// </summary>
/// <remarks>
/// Consent facts about a bool are absolute once stored in a variable: they list every variable
/// consented if the bool is true (or false), so that <c>var ok = d.IsAllowed &amp;&amp; x;</c>, lowered
/// by the control-flow graph into several blocks, still carries the facts of each path.
/// </remarks>
internal sealed class AbstractValue
{
    public static readonly AbstractValue Empty = new(Sets.Empty, Sets.Empty, Sets.Empty, null, Sets.Empty, Sets.Empty, null, null);

    /// <summary>The constant <c>true</c>: it is never false.</summary>
    public static readonly AbstractValue True = new(Sets.Empty, Sets.Empty, null, null, Sets.Empty, Sets.Empty, null, null);

    /// <summary>The constant <c>false</c>: it is never true.</summary>
    public static readonly AbstractValue False = new(Sets.Empty, null, Sets.Empty, null, Sets.Empty, Sets.Empty, null, null);

    public AbstractValue(
        ImmutableHashSet<ISymbol> roots,
        ImmutableHashSet<ISymbol>? whenTrue,
        ImmutableHashSet<ISymbol>? whenFalse,
        ImmutableHashSet<ISymbol>? decision,
        ImmutableHashSet<ISymbol> nullWhenTrue,
        ImmutableHashSet<ISymbol> nullWhenFalse,
        ISymbol? alias,
        SyntaxNode? site)
    {
        Roots = roots;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
        Decision = decision;
        NullWhenTrue = nullWhenTrue;
        NullWhenFalse = nullWhenFalse;
        Alias = alias;
        Site = site;
    }

    /// <summary>The variables the value was built from: the contact's identity flows through them.</summary>
    public ImmutableHashSet<ISymbol> Roots { get; }

    /// <summary>Variables consented when this bool is true; null when it is never true.</summary>
    public ImmutableHashSet<ISymbol>? WhenTrue { get; }

    /// <summary>Variables consented when this bool is false; null when it is never false.</summary>
    public ImmutableHashSet<ISymbol>? WhenFalse { get; }

    /// <summary>For a <c>ContactDecision</c>: the variables consented when it is allowed.</summary>
    public ImmutableHashSet<ISymbol>? Decision { get; }

    /// <summary>Permit variables known null when this bool is true.</summary>
    public ImmutableHashSet<ISymbol> NullWhenTrue { get; }

    /// <summary>Permit variables known null when this bool is false.</summary>
    public ImmutableHashSet<ISymbol> NullWhenFalse { get; }

    /// <summary>The variable this value is a plain read of, if any.</summary>
    public ISymbol? Alias { get; }

    /// <summary>The call that produced this decision or permit.</summary>
    public SyntaxNode? Site { get; }

    public static AbstractValue FromRoots(ImmutableHashSet<ISymbol> roots)
        => roots.Count == 0 ? Empty : new AbstractValue(roots, Sets.Empty, Sets.Empty, null, Sets.Empty, Sets.Empty, null, null);

    public AbstractValue WithRoots(ImmutableHashSet<ISymbol> roots)
        => new(roots, WhenTrue, WhenFalse, Decision, NullWhenTrue, NullWhenFalse, Alias, Site);

    public AbstractValue WithAlias(ISymbol? alias)
        => new(Roots, WhenTrue, WhenFalse, Decision, NullWhenTrue, NullWhenFalse, alias, Site);

    public AbstractValue WithConditions(ImmutableHashSet<ISymbol>? whenTrue, ImmutableHashSet<ISymbol>? whenFalse)
        => new(Roots, whenTrue, whenFalse, Decision, NullWhenTrue, NullWhenFalse, Alias, Site);

    public AbstractValue Negate()
        => new(Roots, WhenFalse, WhenTrue, null, NullWhenFalse, NullWhenTrue, null, null);

    /// <summary>The value stored in a variable: bool facts become absolute (see remarks).</summary>
    public AbstractValue Stored(ImmutableHashSet<ISymbol> consented, bool isBool)
        => isBool && consented.Count > 0
            ? new AbstractValue(Roots, Sets.Both(WhenTrue, consented), Sets.Both(WhenFalse, consented), Decision, NullWhenTrue, NullWhenFalse, null, Site)
            : Alias is null ? this : WithAlias(null);

    /// <summary>True when <paramref name="symbol"/> appears in any fact of this value.</summary>
    public bool Mentions(ISymbol symbol)
        => Roots.Contains(symbol) || (WhenTrue?.Contains(symbol) ?? false) || (WhenFalse?.Contains(symbol) ?? false) || (Decision?.Contains(symbol) ?? false)
           || NullWhenTrue.Contains(symbol) || NullWhenFalse.Contains(symbol) || SymbolEqualityComparer.Default.Equals(Alias, symbol);

    /// <summary>This value once <paramref name="symbol"/> has been given a new value: facts about the old one die.</summary>
    public AbstractValue Without(ISymbol symbol)
        => Mentions(symbol)
            ? new AbstractValue(
                Roots.Remove(symbol),
                WhenTrue?.Remove(symbol),
                WhenFalse?.Remove(symbol),
                Decision?.Remove(symbol),
                NullWhenTrue.Remove(symbol),
                NullWhenFalse.Remove(symbol),
                SymbolEqualityComparer.Default.Equals(Alias, symbol) ? null : Alias,
                Site)
            : this;

    /// <summary>What holds of the value whichever of two paths was taken.</summary>
    public static AbstractValue Meet(AbstractValue a, AbstractValue b)
    {
        if (ReferenceEquals(a, b))
        {
            return a;
        }

        return new AbstractValue(
            Sets.Intersect(a.Roots, b.Roots),
            Sets.Either(a.WhenTrue, b.WhenTrue),
            Sets.Either(a.WhenFalse, b.WhenFalse),
            a.Decision is null || b.Decision is null ? null : Sets.Intersect(a.Decision, b.Decision),
            Sets.Intersect(a.NullWhenTrue, b.NullWhenTrue),
            Sets.Intersect(a.NullWhenFalse, b.NullWhenFalse),
            SymbolEqualityComparer.Default.Equals(a.Alias, b.Alias) ? a.Alias : null,
            a.Site ?? b.Site);
    }

    public bool SameAs(AbstractValue other)
        => ReferenceEquals(this, other)
           || (Sets.SameAs(Roots, other.Roots) && Sets.SameAs(WhenTrue, other.WhenTrue) && Sets.SameAs(WhenFalse, other.WhenFalse)
               && Sets.SameAs(Decision, other.Decision) && Sets.SameAs(NullWhenTrue, other.NullWhenTrue) && Sets.SameAs(NullWhenFalse, other.NullWhenFalse)
               && SymbolEqualityComparer.Default.Equals(Alias, other.Alias) && Site == other.Site);
}
