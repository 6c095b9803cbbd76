using System.Collections.Immutable;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// The empty sets of the analysis and the operations on sets where null stands for "everything":
/// the facts of a branch that cannot be taken.
/// </summary>
internal static class Sets
{
    public static readonly ImmutableHashSet<Subject> NoSubjects = ImmutableHashSet<Subject>.Empty;

    public static readonly ImmutableHashSet<Consent> NoConsents = ImmutableHashSet<Consent>.Empty;

    public static readonly ImmutableHashSet<object> NoKeys = ImmutableHashSet.Create<object>(KeyComparer.Instance);

    public static readonly ImmutableHashSet<Site> NoSites = ImmutableHashSet<Site>.Empty;

    public static ImmutableHashSet<object> Key(object key) => NoKeys.Add(key);

    /// <summary>Both hold: the union, where "everything" absorbs.</summary>
    public static ImmutableHashSet<T>? Both<T>(ImmutableHashSet<T>? a, ImmutableHashSet<T>? b)
        => a is null || b is null ? null : Union(a, b);

    /// <summary>One or the other holds: the intersection, where "everything" is neutral.</summary>
    public static ImmutableHashSet<T>? Either<T>(ImmutableHashSet<T>? a, ImmutableHashSet<T>? b)
        => a is null ? b : b is null ? a : Intersect(a, b);

    public static ImmutableHashSet<T> Union<T>(ImmutableHashSet<T> a, ImmutableHashSet<T> b)
        => a.Count == 0 ? b : b.Count == 0 || ReferenceEquals(a, b) ? a : a.Union(b);

    /// <summary>
    /// The intersection; one of the two sets itself when it is a subset of the other (the common
    /// case at a join, where ImmutableHashSet.Intersect would build a copy of it).
    /// </summary>
    public static ImmutableHashSet<T> Intersect<T>(ImmutableHashSet<T> a, ImmutableHashSet<T> b)
        => ReferenceEquals(a, b) ? a : a.Count == 0 ? a : b.Count == 0 ? b
            : a.Count <= b.Count && IsSubset(a, b) ? a
            : b.Count < a.Count && IsSubset(b, a) ? b
            : a.Intersect(b);

    /// <summary>Set equality without the HashSet that ImmutableHashSet.SetEquals builds of its argument.</summary>
    public static bool SameAs<T>(ImmutableHashSet<T>? a, ImmutableHashSet<T>? b)
        => ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && IsSubset(b, a));

    /// <summary>True when every item of <paramref name="items"/> is in <paramref name="set"/>; ImmutableHashSet.IsSubsetOf would build a HashSet of the set.</summary>
    public static bool IsSubset<T>(ImmutableHashSet<T> items, ImmutableHashSet<T> set)
    {
        foreach (var item in items)
        {
            if (!set.Contains(item))
            {
                return false;
            }
        }

        return true;
    }
}
