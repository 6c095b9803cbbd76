using System;
using System.Collections;
using System.Collections.Generic;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// What is known of each variable and flow capture at one program point (<see cref="FlowState.Values"/>):
/// an immutable map keyed by <see cref="KeyComparer"/>, kept as three parallel arrays.
/// </summary>
/// <remarks>
/// Why not <c>ImmutableDictionary</c>: a method holds a few dozen entries at most, the interpreter
/// replaces one per assignment and enumerates all of them at every kill, meet and comparison, and
/// the dictionary's tree allocated nodes on every change and copied a pooled stack on every
/// enumeration (a third of the interpreter's time on the dial-heavy benchmark). Here a change
/// copies short arrays, a lookup scans the stored hash codes, and enumeration allocates nothing.
/// </remarks>
internal sealed class ValueMap : IEnumerable<KeyValuePair<object, AbstractValue>>
{
    public static readonly ValueMap Empty = new(Array.Empty<object>(), Array.Empty<AbstractValue>(), Array.Empty<int>());

    private readonly object[] keys;
    private readonly AbstractValue[] values;
    private readonly int[] hashes;

    private ValueMap(object[] keys, AbstractValue[] values, int[] hashes)
    {
        this.keys = keys;
        this.values = values;
        this.hashes = hashes;
    }

    public int Count => keys.Length;

    public bool ContainsKey(object key) => IndexOf(key, KeyComparer.Instance.GetHashCode(key)) >= 0;

    public bool TryGetValue(object key, out AbstractValue value)
    {
        var index = IndexOf(key, KeyComparer.Instance.GetHashCode(key));
        value = index >= 0 ? values[index] : null!;
        return index >= 0;
    }

    public ValueMap SetItem(object key, AbstractValue value)
    {
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

    /// <summary>No allocation: a struct over the arrays, which never change.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<object, AbstractValue>>
    {
        private readonly ValueMap map;
        private int index;

        public Enumerator(ValueMap map)
        {
            this.map = map;
            index = -1;
        }

        public readonly KeyValuePair<object, AbstractValue> Current => new(map.keys[index], map.values[index]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++index < map.keys.Length;

        public void Reset() => index = -1;

        public readonly void Dispose()
        {
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
