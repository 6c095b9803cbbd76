using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers;

/// <summary>
/// Identity comparison for per-definition caches: a definition symbol is one object per
/// compilation, and hashing its identity costs nothing, where symbol equality hashes names.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
