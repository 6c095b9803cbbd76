using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// What is known of each variable and flow capture at one program point (<see cref="FlowState.Values"/>):
/// an immutable map keyed by <see cref="KeyComparer"/>, kept as three parallel arrays while it
/// is small, as an <c>ImmutableDictionary</c> once it holds more than <see cref="MaxArrayCount"/> entries.
/// </summary>
/// <remarks>
/// Why not <c>ImmutableDictionary</c>: a method holds a few dozen entries at most, the interpreter
/// replaces one per assignment and enumerates all of them at every kill, meet and comparison, and
/// the dictionary's tree allocated nodes on every change and copied a pooled stack on every
/// enumeration (about a fifth of the interpreter's samples on the dial-heavy benchmark). Here a
/// change copies short arrays, a lookup scans the stored hash codes, and enumeration allocates
/// nothing. A long method (many flow captures) goes back to the dictionary, whose changes cost
/// O(log n) where the arrays' would cost O(n).
/// </remarks>
internal sealed class ValueMap : IEnumerable<KeyValuePair<object, AbstractValue>>
{
    public const int MaxArrayCount = 24;

    public static readonly ValueMap Empty = new(Array.Empty<object>(), Array.Empty<AbstractValue>(), Array.Empty<int>());

    private readonly object[] keys;
    private readonly AbstractValue[] values;
    private readonly int[] hashes;
    private readonly ImmutableDictionary<object, AbstractValue>? large;

    private ValueMap(object[] keys, AbstractValue[] values, int[] hashes)
    {
        this.keys = keys;
        this.values = values;
        this.hashes = hashes;
    }

    private ValueMap(ImmutableDictionary<object, AbstractValue> large)
        : this(Array.Empty<object>(), Array.Empty<AbstractValue>(), Array.Empty<int>())
    {
        this.large = large;
    }

    public int Count => large?.Count ?? keys.Length;

    public bool ContainsKey(object key) => large?.ContainsKey(key) ?? IndexOf(key, KeyComparer.Instance.GetHashCode(key)) >= 0;

    [MethodImpl(Jit.Optimized)]
    public bool TryGetValue(object key, out AbstractValue value)
    {
        if (large is not null)
        {
            return large.TryGetValue(key, out value!);
        }

        var index = IndexOf(key, KeyComparer.Instance.GetHashCode(key));
        value = index >= 0 ? values[index] : null!;
        return index >= 0;
    }

    [MethodImpl(Jit.Optimized)]
    public ValueMap SetItem(object key, AbstractValue value)
    {
        if (large is not null)
        {
            var changed = large.SetItem(key, value);
            return ReferenceEquals(changed, large) ? this : new ValueMap(changed);
        }

        var hash = KeyComparer.Instance.GetHashCode(key);
        var index = IndexOf(key, hash);
        if (index >= 0)
        {
            if (ReferenceEquals(values[index], value))
            {
                return this;
            }

            var replaced = (AbstractValue[])values.Clone();
            replaced[index] = value;
            return new ValueMap(keys, replaced, hashes);
        }

        var count = keys.Length;
        if (count >= MaxArrayCount)
        {
            var builder = ImmutableDictionary.CreateBuilder<object, AbstractValue>(KeyComparer.Instance);
            for (var i = 0; i < count; i++)
            {
                builder[keys[i]] = values[i];
            }

            builder[key] = value;
            return new ValueMap(builder.ToImmutable());
        }

        var newKeys = new object[count + 1];
        var newValues = new AbstractValue[count + 1];
        var newHashes = new int[count + 1];
        Array.Copy(keys, newKeys, count);
        Array.Copy(values, newValues, count);
        Array.Copy(hashes, newHashes, count);
        newKeys[count] = key;
        newValues[count] = value;
        newHashes[count] = hash;
        return new ValueMap(newKeys, newValues, newHashes);
    }

    public ValueMap Remove(object key)
    {
        if (large is not null)
        {
            var changed = large.Remove(key);
            return ReferenceEquals(changed, large) ? this : new ValueMap(changed);
        }

        var index = IndexOf(key, KeyComparer.Instance.GetHashCode(key));
        if (index < 0)
        {
            return this;
        }

        if (keys.Length == 1)
        {
            return Empty;
        }

        return new ValueMap(Without(keys, index), Without(values, index), Without(hashes, index));
    }

    public Builder ToBuilder() => new(this);

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<object, AbstractValue>> IEnumerable<KeyValuePair<object, AbstractValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static T[] Without<T>(T[] array, int index)
    {
        var result = new T[array.Length - 1];
        Array.Copy(array, result, index);
        Array.Copy(array, index + 1, result, index, array.Length - index - 1);
        return result;
    }

    [MethodImpl(Jit.Optimized)]
    private int IndexOf(object key, int hash)
    {
        for (var i = 0; i < hashes.Length; i++)
        {
            if (hashes[i] == hash && KeyComparer.Instance.Equals(keys[i], key))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>No allocation over the arrays, which never change; the dictionary's own enumerator over a large map.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<object, AbstractValue>>
    {
        private readonly ValueMap map;
        private ImmutableDictionary<object, AbstractValue>.Enumerator entries;
        private int index;

        public Enumerator(ValueMap map)
        {
            this.map = map;
            entries = map.large?.GetEnumerator() ?? default;
            index = -1;
        }

        public readonly KeyValuePair<object, AbstractValue> Current => map.large is not null ? entries.Current : new(map.keys[index], map.values[index]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => map.large is not null ? entries.MoveNext() : ++index < map.keys.Length;

        public void Reset()
        {
            if (map.large is not null)
            {
                entries.Reset();
            }

            index = -1;
        }

        public void Dispose()
        {
            if (map.large is not null)
            {
                entries.Dispose();
            }
        }
    }

    /// <summary>Changes made one after the other (a meet, a kill), with the same interface as a dictionary's builder.</summary>
    public sealed class Builder
    {
        private ValueMap current;

        public Builder(ValueMap map) => current = map;

        public AbstractValue this[object key]
        {
            set => current = current.SetItem(key, value);
        }

        public bool Remove(object key)
        {
            var count = current.Count;
            current = current.Remove(key);
            return current.Count != count;
        }

        public ValueMap ToImmutable() => current;
    }
}
