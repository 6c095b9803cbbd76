using System;
using System.Collections.Immutable;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>Element-wise operations on the parts of a tuple value.</summary>
internal static class ValueArrays
{
    public static ImmutableArray<AbstractValue> Select(this ImmutableArray<AbstractValue> values, Func<AbstractValue, AbstractValue> map)
    {
        var builder = ImmutableArray.CreateBuilder<AbstractValue>(values.Length);
        foreach (var value in values)
        {
            builder.Add(map(value));
        }

        return builder.MoveToImmutable();
    }

    public static ImmutableArray<AbstractValue> ZipMeet(this ImmutableArray<AbstractValue> a, ImmutableArray<AbstractValue> b)
    {
        var builder = ImmutableArray.CreateBuilder<AbstractValue>(a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            builder.Add(AbstractValue.Meet(a[i], b[i]));
        }

        return builder.MoveToImmutable();
    }
}
