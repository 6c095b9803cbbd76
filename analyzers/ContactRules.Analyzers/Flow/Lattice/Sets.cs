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

    public static ImmutableHashSet<T> Intersect<T>(ImmutableHashSet<T> a, ImmutableHashSet<T> b)
        => ReferenceEquals(a, b) ? a : a.Count == 0 ? a : b.Count == 0 ? b : a.Intersect(b);

    public static bool SameAs<T>(ImmutableHashSet<T>? a, ImmutableHashSet<T>? b)
        => ReferenceEquals(a, b) || (a is not null && b is not null && a.SetEquals(b));
}
