using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// What the consent analysis knows about the value of an expression: whom it is about, what
/// holds when it is a true (or false) bool, what it allows when it is a decision, a permit or a
/// reservation, and, for tuples and sequences, the same of their parts.
/// </summary>
/// <remarks>
/// Consent facts about a bool are absolute once stored in a variable: they list every fact that
/// holds if the bool is true (or false), so that <c>var ok = d.IsAllowed &amp;&amp; x;</c>, lowered
/// by the control-flow graph into several blocks, still carries the facts of each path.
/// </remarks>
internal sealed record AbstractValue
{
    public static readonly AbstractValue Empty = new();

    /// <summary>The constant <c>true</c>: it is never false.</summary>
    public static readonly AbstractValue True = new() { WhenFalse = null };

    /// <summary>The constant <c>false</c>: it is never true.</summary>
    public static readonly AbstractValue False = new() { WhenTrue = null };

    /// <summary>Whom the value is about: the contact's identity flows through them.</summary>
    public SmallSet<Subject> Roots { get; init; } = Sets.NoSubjects;

    /// <summary>Facts that hold when this bool is true; null when it is never true.</summary>
    public SmallSet<Consent>? WhenTrue { get; init; } = Sets.NoConsents;

    /// <summary>Facts that hold when this bool is false; null when it is never false.</summary>
    public SmallSet<Consent>? WhenFalse { get; init; } = Sets.NoConsents;

    /// <summary>
    /// For a decision, a permit or a reservation: the facts that hold when it says yes
    /// (<c>IsAllowed</c>, a permit that is not null, <c>IsReserved</c>); null for any other value.
    /// </summary>
    public SmallSet<Consent>? Grants { get; init; }

    /// <summary>Permit holders known to hold no permit when this bool is true.</summary>
    public SmallSet<object> NullWhenTrue { get; init; } = Sets.NoKeys;

    /// <summary>Permit holders known to hold no permit when this bool is false.</summary>
    public SmallSet<object> NullWhenFalse { get; init; } = Sets.NoKeys;

    /// <summary>The variables whose permit this value is, or is part of (<c>reservation.Permit</c>): completing it completes theirs.</summary>
    public SmallSet<object> Holders { get; init; } = Sets.NoKeys;

    /// <summary>For a request (and what is built from it): the channel it asks about; <see cref="Channels.None"/> when not known.</summary>
    public Channels Channels { get; init; }

    /// <summary>The variable this value is a plain read of, if any.</summary>
    public ISymbol? Alias { get; init; }

    /// <summary>The call that produced this decision, permit or reservation.</summary>
    public SyntaxNode? Site { get; init; }

    /// <summary>For a tuple: its elements, in order; default otherwise.</summary>
    public ImmutableArray<AbstractValue> Elements { get; init; }

    /// <summary>For a sequence: what is known of each of its elements, about <see cref="ElementRoot.Self"/>; null when nothing.</summary>
    public AbstractValue? Element { get; init; }

    /// <summary>For an element of a sequence: the facts that hold once it is taken (a <c>Where</c> filter's checks).</summary>
    public SmallSet<Consent> Holds { get; init; } = Sets.NoConsents;

    /// <summary>
    /// For a sequence: the variable whose elements it follows position by position (a
    /// <c>Select</c>, <c>ToList</c> or <c>CheckMany</c> of it); null when it follows none but itself.
    /// <see cref="ElementRoot.Self"/> in <see cref="Element"/> is the origin's element at the same
    /// position, so that <c>decisions[i]</c> and <c>customers[i]</c> are one person (see <see cref="IndexedRoot"/>).
    /// </summary>
    public object? Origin { get; init; }

    /// <summary>For a delegate: the dial API it calls, when it is one's method group.</summary>
    public DelegateDial? Dials { get; init; }

    /// <summary>True when the value says only whom it is about (and a channel): no condition, decision, permit, alias or parts.</summary>
    public bool IsPlain
        => WhenTrue is { Count: 0 } && WhenFalse is { Count: 0 } && Grants is null && NullWhenTrue.Count == 0 && NullWhenFalse.Count == 0
           && Holders.Count == 0 && Alias is null && Site is null && Elements.IsDefault && Element is null && Holds.Count == 0
           && Origin is null && Dials is null;

    public static AbstractValue FromRoots(SmallSet<Subject> roots)
        => roots.Count == 0 ? Empty : new AbstractValue { Roots = roots };

    /// <summary>The value of a bool test: facts on each side, permits known null on each side.</summary>
    public static AbstractValue Condition(SmallSet<Subject> roots, SmallSet<Consent>? whenTrue, SmallSet<Consent>? whenFalse, SmallSet<object> nullWhenTrue, SmallSet<object> nullWhenFalse)
        => new() { Roots = roots, WhenTrue = whenTrue, WhenFalse = whenFalse, NullWhenTrue = nullWhenTrue, NullWhenFalse = nullWhenFalse };

    public AbstractValue Negate()
        => new() { Roots = Roots, WhenTrue = WhenFalse, WhenFalse = WhenTrue, NullWhenTrue = NullWhenFalse, NullWhenFalse = NullWhenTrue };

    /// <summary>
    /// This value as a read of <paramref name="variable"/> returns it: also about the variable
    /// itself, with the variable as its alias, and, when it holds a permit, as one of its holders.
    /// </summary>
    public AbstractValue AsReadOf(ISymbol variable, bool holdsPermit)
        => this with
        {
            Roots = Roots.Add(new Subject(variable, null)),
            Alias = variable,
            Holders = holdsPermit ? Holders.Add(variable) : Holders,
        };

    /// <summary>The value stored in a variable: bool facts become absolute (see remarks).</summary>
    public AbstractValue Stored(SmallSet<Consent> consented, bool isBool)
        => isBool && consented.Count > 0
            ? this with { WhenTrue = Sets.Both(WhenTrue, consented), WhenFalse = Sets.Both(WhenFalse, consented), Alias = null }
            : Alias is null ? this : this with { Alias = null };

    /// <summary>True when <paramref name="root"/> appears in any fact of this value.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool Mentions(object root)
    {
        if (Holders.Contains(root) || NullWhenTrue.Contains(root) || NullWhenFalse.Contains(root)
            || KeyComparer.Instance.Equals(Alias, root) || KeyComparer.Instance.Equals(Origin, root)
            || Mentions(Roots, root) || Mentions(WhenTrue, root) || Mentions(WhenFalse, root) || Mentions(Grants, root) || Mentions(Holds, root))
        {
            return true;
        }

        if (!Elements.IsDefault)
        {
            foreach (var element in Elements)
            {
                if (element.Mentions(root))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>This value once <paramref name="root"/> has been given a new value: facts about the old one die.</summary>
    public AbstractValue Without(object root)
        => Mentions(root)
            ? new AbstractValue
            {
                Roots = Remove(Roots, root),
                WhenTrue = RemoveOrNull(WhenTrue, root),
                WhenFalse = RemoveOrNull(WhenFalse, root),
                Grants = RemoveOrNull(Grants, root),
                NullWhenTrue = NullWhenTrue.Remove(root),
                NullWhenFalse = NullWhenFalse.Remove(root),
                Holders = Holders.Remove(root),
                Channels = Channels,
                Alias = KeyComparer.Instance.Equals(Alias, root) ? null : Alias,
                Site = Site,
                Elements = Elements.IsDefault ? Elements : Elements.Select(e => e.Without(root)),
                Element = Element,
                Holds = Remove(Holds, root),
                Origin = KeyComparer.Instance.Equals(Origin, root) ? null : Origin,
                Dials = Dials,
            }
            : this;

    /// <summary>This value with every fact about <paramref name="from"/> made about <paramref name="to"/>.</summary>
    public AbstractValue Substitute(object from, object to)
        => Mentions(from)
            ? new AbstractValue
            {
                Roots = Replace(Roots, from, to),
                WhenTrue = ReplaceOrNull(WhenTrue, from, to),
                WhenFalse = ReplaceOrNull(WhenFalse, from, to),
                Grants = ReplaceOrNull(Grants, from, to),
                NullWhenTrue = NullWhenTrue,
                NullWhenFalse = NullWhenFalse,
                Holders = Holders,
                Channels = Channels,
                Alias = null,
                Site = Site,
                Elements = Elements.IsDefault ? Elements : Elements.Select(e => e.Substitute(from, to)),
                Element = Element,
                Holds = Replace(Holds, from, to),
                Origin = Origin,
                Dials = Dials,
            }
            : this;

    /// <summary>What holds of the value whichever of two paths was taken.</summary>
    [MethodImpl(Jit.Optimized)]
    public static AbstractValue Meet(AbstractValue a, AbstractValue b)
    {
        // Equal values (the same fact reached by two paths, or again in the next round) meet as
        // themselves: no copy, and the states that hold them stay reference-equal.
        if (ReferenceEquals(a, b) || a.SameAs(b))
        {
            return a;
        }

        return new AbstractValue
        {
            Roots = Sets.Intersect(a.Roots, b.Roots),
            WhenTrue = Sets.Either(a.WhenTrue, b.WhenTrue),
            WhenFalse = Sets.Either(a.WhenFalse, b.WhenFalse),
            Grants = a.Grants is null || b.Grants is null ? null : Sets.Intersect(a.Grants, b.Grants),
            NullWhenTrue = Sets.Intersect(a.NullWhenTrue, b.NullWhenTrue),
            NullWhenFalse = Sets.Intersect(a.NullWhenFalse, b.NullWhenFalse),
            Holders = Sets.Union(a.Holders, b.Holders),
            Channels = a.Channels | b.Channels,
            Alias = SymbolEqualityComparer.Default.Equals(a.Alias, b.Alias) ? a.Alias : null,
            Site = a.Site ?? b.Site,
            Elements = !a.Elements.IsDefault && !b.Elements.IsDefault && a.Elements.Length == b.Elements.Length
                ? a.Elements.ZipMeet(b.Elements)
                : default,
            Element = a.Element is null || b.Element is null ? null : Meet(a.Element, b.Element),
            Holds = Sets.Intersect(a.Holds, b.Holds),
            Origin = KeyComparer.Instance.Equals(a.Origin, b.Origin) ? a.Origin : null,

            // A delegate that may be a dial API's is one: calling it may contact someone.
            Dials = a.Dials ?? b.Dials,
        };
    }

    public bool SameAs(AbstractValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null
            || !Sets.SameAs(Roots, other.Roots) || !Sets.SameAs(WhenTrue, other.WhenTrue) || !Sets.SameAs(WhenFalse, other.WhenFalse)
            || !Sets.SameAs(Grants, other.Grants) || !Sets.SameAs(NullWhenTrue, other.NullWhenTrue) || !Sets.SameAs(NullWhenFalse, other.NullWhenFalse)
            || !Sets.SameAs(Holders, other.Holders) || Channels != other.Channels || !SymbolEqualityComparer.Default.Equals(Alias, other.Alias)
            || Site != other.Site || !Sets.SameAs(Holds, other.Holds) || Elements.IsDefault != other.Elements.IsDefault
            || !KeyComparer.Instance.Equals(Origin, other.Origin) || !Equals(Dials, other.Dials)
            || (Element is null ? other.Element is not null : !Element.SameAs(other.Element)))
        {
            return false;
        }

        if (!Elements.IsDefault)
        {
            if (Elements.Length != other.Elements.Length)
            {
                return false;
            }

            for (var i = 0; i < Elements.Length; i++)
            {
                if (!Elements[i].SameAs(other.Elements[i]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [MethodImpl(Jit.Optimized)]
    private static bool Mentions(SmallSet<Subject> set, object root)
    {
        foreach (var subject in set)
        {
            if (KeyComparer.Instance.Equals(subject.Root, root))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(Jit.Optimized)]
    private static bool Mentions(SmallSet<Consent>? set, object root)
    {
        if (set is null)
        {
            return false;
        }

        foreach (var consent in set)
        {
            if (KeyComparer.Instance.Equals(consent.Root, root))
            {
                return true;
            }
        }

        return false;
    }

    internal static SmallSet<Subject> Remove(SmallSet<Subject> set, object root)
        => Mentions(set, root) ? set.RemoveWhere(subject => KeyComparer.Instance.Equals(subject.Root, root)) : set;

    internal static SmallSet<Consent> Remove(SmallSet<Consent> set, object root)
        => Mentions(set, root) ? set.RemoveWhere(consent => KeyComparer.Instance.Equals(consent.Root, root)) : set;

    private static SmallSet<Consent>? RemoveOrNull(SmallSet<Consent>? set, object root) => set is null ? null : Remove(set, root);

    private static SmallSet<Subject> Replace(SmallSet<Subject> set, object from, object to)
    {
        if (!Mentions(set, from))
        {
            return set;
        }

        var builder = new SmallSet<Subject>.Builder();
        foreach (var subject in set)
        {
            builder.Add(KeyComparer.Instance.Equals(subject.Root, from) ? subject.WithRoot(to) : subject);
        }

        return builder.ToImmutable();
    }

    private static SmallSet<Consent> Replace(SmallSet<Consent> set, object from, object to)
    {
        if (!Mentions(set, from))
        {
            return set;
        }

        var builder = new SmallSet<Consent>.Builder();
        foreach (var consent in set)
        {
            builder.Add(KeyComparer.Instance.Equals(consent.Root, from) ? consent.WithRoot(to) : consent);
        }

        return builder.ToImmutable();
    }

    private static SmallSet<Consent>? ReplaceOrNull(SmallSet<Consent>? set, object from, object to) => set is null ? null : Replace(set, from, to);
}
