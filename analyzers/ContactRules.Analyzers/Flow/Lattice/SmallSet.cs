using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// An immutable set kept as one array in the order its items were added: the sets of the
/// analysis (subjects, facts, permit holders, sites) hold a handful of items at most.
/// </summary>
/// <remarks>
/// Why not <c>ImmutableHashSet</c>: the interpreter enumerates these sets at nearly every
/// operation (facts of a check, channels of a grant, roots of an argument), and each enumeration
/// of an immutable hash set rented a pooled stack whose copying, with the tree nodes every change
/// allocated, was about a third of what the dial-heavy benchmark charged the consent analyzer,
/// most of it as the garbage collections it landed in our callbacks. Here a lookup compares a few
/// references, enumeration allocates nothing and a change copies one short array. Items compare
/// by <see cref="KeyComparer"/> for <see cref="object"/> keys and by their own equality otherwise.
/// The order of items is the order of the code that added them, so nothing the analyzer reports
/// depends on hash codes (a symbol's name hashes differently in every process).
/// </remarks>
/// <typeparam name="T">A reference type: the code over it is shared by all the sets' types.</typeparam>
internal sealed class SmallSet<T> : IEnumerable<T>
    where T : class
{
    /// <summary>The empty set.</summary>
    public static readonly SmallSet<T> Empty = new(Array.Empty<T>());

    private static readonly IEqualityComparer<T> Comparer
        = typeof(T) == typeof(object) ? (IEqualityComparer<T>)(object)KeyComparer.Instance : EqualityComparer<T>.Default;

    private readonly T[] items;

    private SmallSet(T[] items) => this.items = items;

    public int Count => items.Length;

    /// <summary>The set of one item.</summary>
    public static SmallSet<T> Of(T item) => new(new[] { item });

    [MethodImpl(Jit.Optimized)]
    public bool Contains(T item)
    {
        var all = items;
        for (var i = 0; i < all.Length; i++)
        {
            if (ReferenceEquals(all[i], item) || Comparer.Equals(all[i], item))
            {
                return true;
            }
        }

        return false;
    }

    public SmallSet<T> Add(T item)
    {
        if (Contains(item))
        {
            return this;
        }

        var added = new T[items.Length + 1];
        Array.Copy(items, added, items.Length);
        added[items.Length] = item;
        return new SmallSet<T>(added);
    }

    public SmallSet<T> Remove(T item) => Contains(item) ? RemoveWhere(x => ReferenceEquals(x, item) || Comparer.Equals(x, item)) : this;

    /// <summary>This set without the items <paramref name="remove"/> holds for.</summary>
    public SmallSet<T> RemoveWhere(Func<T, bool> remove)
    {
        var kept = 0;
        foreach (var item in items)
        {
            if (!remove(item))
            {
                kept++;
            }
        }

        if (kept == items.Length)
        {
            return this;
        }

        if (kept == 0)
        {
            return Empty;
        }

        var result = new T[kept];
        var next = 0;
        foreach (var item in items)
        {
            if (!remove(item))
            {
                result[next++] = item;
            }
        }

        return new SmallSet<T>(result);
    }

    /// <summary>This set without the items of <paramref name="other"/>.</summary>
    public SmallSet<T> Except(SmallSet<T> other)
        => other.Count == 0 || Count == 0 ? this : ReferenceEquals(this, other) ? Empty : RemoveWhere(other.Contains);

    /// <summary>Both sets' items; one of them itself when it holds the other.</summary>
    [MethodImpl(Jit.Optimized)]
    public SmallSet<T> Union(SmallSet<T> other)
    {
        if (other.Count == 0 || ReferenceEquals(this, other))
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var missing = 0;
        foreach (var item in other.items)
        {
            if (!Contains(item))
            {
                missing++;
            }
        }

        if (missing == 0)
        {
            return this;
        }

        // Every item of this set is among the other's: the other is the union.
        if (other.Count - missing == Count)
        {
            return other;
        }

        var result = new T[items.Length + missing];
        Array.Copy(items, result, items.Length);
        var next = items.Length;
        foreach (var item in other.items)
        {
            if (!Contains(item))
            {
                result[next++] = item;
            }
        }

        return new SmallSet<T>(result);
    }

    /// <summary>The items in both sets; one of them itself when it is a subset of the other.</summary>
    [MethodImpl(Jit.Optimized)]
    public SmallSet<T> Intersect(SmallSet<T> other)
    {
        if (ReferenceEquals(this, other) || Count == 0)
        {
            return this;
        }

        if (other.Count == 0)
        {
            return other;
        }

        if (Count <= other.Count && IsSubsetOf(other))
        {
            return this;
        }

        if (other.Count < Count && other.IsSubsetOf(this))
        {
            return other;
        }

        return RemoveWhere(item => !other.Contains(item));
    }

    /// <summary>True when every item of this set is in <paramref name="other"/>.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool IsSubsetOf(SmallSet<T> other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        foreach (var item in items)
        {
            if (!other.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Set equality, whatever the order of the items.</summary>
    public bool SetEquals(SmallSet<T> other) => ReferenceEquals(this, other) || (Count == other.Count && other.IsSubsetOf(this));

    public Enumerator GetEnumerator() => new(items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>Adds and removes one after the other, then one set.</summary>
    public sealed class Builder
    {
        private readonly List<T> items = new();

        public int Count => items.Count;

        public void Add(T item)
        {
            foreach (var existing in items)
            {
                if (ReferenceEquals(existing, item) || Comparer.Equals(existing, item))
                {
                    return;
                }
            }

            items.Add(item);
        }

        public SmallSet<T> ToImmutable() => items.Count == 0 ? Empty : new SmallSet<T>(items.ToArray());
    }

    /// <summary>No allocation: the items' array never changes.</summary>
    public struct Enumerator
    {
        private readonly T[] items;
        private int index;

        public Enumerator(T[] items)
        {
            this.items = items;
            index = -1;
        }

        public readonly T Current => items[index];

        public bool MoveNext() => ++index < items.Length;
    }
}
