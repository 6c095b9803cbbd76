using System.Linq;
using ContactRules.Analyzers.Flow.Lattice;
using Xunit;

namespace ContactRules.Analyzers.Tests.Lattice;

/// <summary>
/// The lattice's set (<see cref="SmallSet{T}"/>): set semantics whatever the order of the items,
/// and the same instance back where nothing changes, which the analysis relies on to see that a
/// state did not change (a loop's fixed point, a meet of equal paths) without comparing items.
/// </summary>
public class SmallSetTests
{
    private static readonly object A = "a";
    private static readonly object B = "b";
    private static readonly object C = "c";

    private static SmallSet<object> Of(params object[] items)
        => items.Aggregate(SmallSet<object>.Empty, (set, item) => set.Add(item));

    [Fact]
    public void Add_keeps_one_of_equal_items_and_the_order_of_first_adding()
    {
        var set = Of(B, A, new string('b', 1), C);

        Assert.Equal(new[] { B, A, C }, set.ToArray());
        Assert.Same(set, set.Add(new string('a', 1)));
    }

    [Fact]
    public void Union_is_each_item_once_and_the_larger_set_itself_when_it_holds_the_other()
    {
        var ab = Of(A, B);
        var bc = Of(B, C);
        var abc = Of(A, B, C);

        Assert.True(ab.Union(bc).SetEquals(abc));
        Assert.Equal(3, ab.Union(bc).Count);
        Assert.Same(abc, abc.Union(ab));
        Assert.Same(abc, ab.Union(abc));
        Assert.Same(ab, ab.Union(SmallSet<object>.Empty));
        Assert.Same(ab, SmallSet<object>.Empty.Union(ab));
    }

    [Fact]
    public void Intersect_is_the_common_items_and_the_smaller_set_itself_when_it_is_a_subset()
    {
        var ab = Of(A, B);
        var bc = Of(B, C);
        var abc = Of(A, B, C);

        Assert.Equal(new[] { B }, ab.Intersect(bc).ToArray());
        Assert.Same(ab, ab.Intersect(abc));
        Assert.Same(ab, abc.Intersect(ab));
        Assert.Equal(0, ab.Intersect(Of(C)).Count);
        Assert.Equal(0, ab.Intersect(SmallSet<object>.Empty).Count);
    }

    [Fact]
    public void Except_Remove_and_RemoveWhere_take_out_only_what_they_name()
    {
        var abc = Of(A, B, C);

        Assert.Equal(new[] { A, C }, abc.Except(Of(B, "z")).ToArray());
        Assert.Equal(new[] { B, C }, abc.Remove(new string('a', 1)).ToArray());
        Assert.Same(abc, abc.Remove("z"));
        Assert.Same(abc, abc.RemoveWhere(item => false));
        Assert.Equal(0, abc.RemoveWhere(item => true).Count);
        Assert.Equal(0, abc.Except(abc).Count);
    }

    [Fact]
    public void SetEquals_and_IsSubsetOf_ignore_the_order_of_the_items()
    {
        Assert.True(Of(A, B, C).SetEquals(Of(C, A, B)));
        Assert.False(Of(A, B).SetEquals(Of(A, C)));
        Assert.False(Of(A, B).SetEquals(Of(A, B, C)));
        Assert.True(Of(B).IsSubsetOf(Of(A, B)));
        Assert.False(Of(A, C).IsSubsetOf(Of(A, B)));
        Assert.True(Sets.SameAs(Of(A, B), Of(B, A)));
        Assert.False(Sets.SameAs(Of(A), null));
        Assert.True(Sets.SameAs<object>(null, null));
    }

    [Fact]
    public void Both_and_Either_treat_null_as_every_fact()
    {
        var ab = Of(A, B);

        Assert.Null(Sets.Both(ab, null));
        Assert.Same(ab, Sets.Either(ab, null));
        Assert.Same(ab, Sets.Either(null, ab));
        Assert.Equal(new[] { B }, Sets.Either(ab, Of(B, C))!.ToArray());
    }

    [Fact]
    public void The_builder_keeps_one_of_equal_items()
    {
        var builder = new SmallSet<object>.Builder();
        builder.Add(A);
        builder.Add(new string('a', 1));
        builder.Add(B);

        Assert.Equal(2, builder.Count);
        Assert.Equal(new[] { A, B }, builder.ToImmutable().ToArray());
        Assert.Same(SmallSet<object>.Empty, new SmallSet<object>.Builder().ToImmutable());
    }

    [Theory]
    [InlineData("Dial", "Dial")]
    [InlineData("CheckAsync", "CheckAsync")]
    [InlineData("", "")]
    public void NameHash_gives_equal_names_equal_hashes(string first, string second)
        => Assert.Equal(NameHash.Of(first), NameHash.Of(new string(second.ToCharArray())));

    [Fact]
    public void NameHash_spreads_the_names_a_generated_project_repeats()
    {
        var names = Enumerable.Range(0, 300).Select(i => "Service" + i).ToArray();

        // Not a requirement of equality, a check of spread: a hash of a few characters gave these
        // 300 names about 40 values.
        Assert.Equal(300, names.Select(NameHash.Of).Distinct().Count());
    }
}
