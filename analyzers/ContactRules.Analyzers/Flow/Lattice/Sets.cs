namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// The empty sets of the analysis and the operations on sets where null stands for "everything":
/// the facts of a branch that cannot be taken.
/// </summary>
internal static class Sets
{
    public static readonly SmallSet<Subject> NoSubjects = SmallSet<Subject>.Empty;

    public static readonly SmallSet<Consent> NoConsents = SmallSet<Consent>.Empty;

    public static readonly SmallSet<object> NoKeys = SmallSet<object>.Empty;

    public static readonly SmallSet<Site> NoSites = SmallSet<Site>.Empty;

    public static SmallSet<object> Key(object key) => SmallSet<object>.Of(key);

    /// <summary>Both hold: the union, where "everything" absorbs.</summary>
    public static SmallSet<T>? Both<T>(SmallSet<T>? a, SmallSet<T>? b)
        where T : class
        => a is null || b is null ? null : a.Union(b);

    /// <summary>One or the other holds: the intersection, where "everything" is neutral.</summary>
    public static SmallSet<T>? Either<T>(SmallSet<T>? a, SmallSet<T>? b)
        where T : class
        => a is null ? b : b is null ? a : a.Intersect(b);

    public static SmallSet<T> Union<T>(SmallSet<T> a, SmallSet<T> b)
        where T : class
        => a.Union(b);

    public static SmallSet<T> Intersect<T>(SmallSet<T> a, SmallSet<T> b)
        where T : class
        => a.Intersect(b);

    /// <summary>Set equality, where null ("everything") equals only itself.</summary>
    public static bool SameAs<T>(SmallSet<T>? a, SmallSet<T>? b)
        where T : class
        => ReferenceEquals(a, b) || (a is not null && b is not null && a.SetEquals(b));
}
