using System;
using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// The facts at one program point. Consents are "must" facts (they hold on every path, so paths
/// meet by intersection); stale variables and open permits are "may" facts (they hold on some
/// path, so paths meet by union); unread decisions are again "must" facts.
/// </summary>
internal sealed class FlowState
{
    public FlowState(
        SmallSet<Consent> consented,
        SmallSet<object> stale,
        ValueMap values,
        SmallSet<Site> openPermits,
        SmallSet<Site> unreadDecisions)
    {
        Consented = consented;
        Stale = stale;
        Values = values;
        OpenPermits = openPermits;
        UnreadDecisions = unreadDecisions;
    }

    /// <summary>The facts of successful checks that hold on every path.</summary>
    public SmallSet<Consent> Consented { get; set; }

    /// <summary>Roots (re)assigned since the last successful check on some path.</summary>
    public SmallSet<object> Stale { get; set; }

    /// <summary>What is known of each variable's and flow capture's current value.</summary>
    public ValueMap Values { get; set; }

    /// <summary>Permits (or reservations) obtained and not yet completed on some path.</summary>
    public SmallSet<Site> OpenPermits { get; set; }

    /// <summary>Decisions stored and not yet read on any path (a decision read on one path did decide something).</summary>
    public SmallSet<Site> UnreadDecisions { get; set; }

    public static FlowState Initial()
        => new(Sets.NoConsents, Sets.NoKeys, ValueMap.Empty, Sets.NoSites, Sets.NoSites);

    public FlowState Clone() => new(Consented, Stale, Values, OpenPermits, UnreadDecisions);

    /// <summary>What holds whichever of the two paths was taken; null stands for an unreachable path.</summary>
    [MethodImpl(Jit.Optimized)]
    public static FlowState? Meet(FlowState? a, FlowState? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null || ReferenceEquals(a, b))
        {
            return a;
        }

        var values = a.Values;
        if (!ReferenceEquals(a.Values, b.Values))
        {
            var builder = a.Values.ToBuilder();
            foreach (var entry in a.Values)
            {
                if (!b.Values.TryGetValue(entry.Key, out var other))
                {
                    builder.Remove(entry.Key);
                }
                else if (!ReferenceEquals(entry.Value, other))
                {
                    builder[entry.Key] = AbstractValue.Meet(entry.Value, other);
                }
            }

            values = builder.ToImmutable();
        }

        return new FlowState(
            Sets.Intersect(a.Consented, b.Consented),
            Sets.Union(a.Stale, b.Stale),
            values,
            Sets.Union(a.OpenPermits, b.OpenPermits),
            a.UnreadDecisions.Count == 0 || b.UnreadDecisions.Count == 0 ? Sets.NoSites : Sets.Intersect(a.UnreadDecisions, b.UnreadDecisions));
    }

    /// <summary>
    /// The state after a <c>finally</c> whose own exit state is <paramref name="finallyExit"/> and
    /// which assigns <paramref name="assigned"/>: consents survive unless the finally reassigns
    /// their variable; permits stay open unless the finally completes them.
    /// </summary>
    public FlowState ThroughFinally(FlowState? finallyExit, SmallSet<object> assigned)
    {
        if (finallyExit is null)
        {
            return this;
        }

        var consented = Consented;
        foreach (var root in assigned)
        {
            consented = AbstractValue.Remove(consented, root);
        }

        return new FlowState(
            consented,
            Sets.Union(Stale, assigned),
            Values,
            Sets.Intersect(OpenPermits, finallyExit.OpenPermits),
            Sets.Intersect(UnreadDecisions, finallyExit.UnreadDecisions));
    }

    /// <summary>
    /// <see cref="SameAs"/> but for the variables <paramref name="inside"/> says are declared in a
    /// loop's body: their values and whether they are stale, which the next round assigns again
    /// before it can read them. A loop's head that differs from the last only there is its fixed
    /// point (see <c>ConsentInterpreter.ForEach</c>).
    /// </summary>
    public bool SameOutside(FlowState other, Func<object, bool> inside)
    {
        if (!Sets.SameAs(Consented, other.Consented) || !Sets.SameAs(OpenPermits, other.OpenPermits) || !Sets.SameAs(UnreadDecisions, other.UnreadDecisions)
            || !Stale.RemoveWhere(inside).SetEquals(other.Stale.RemoveWhere(inside)))
        {
            return false;
        }

        foreach (var entry in Values)
        {
            if (!inside(entry.Key) && (!other.Values.TryGetValue(entry.Key, out var value) || !value.SameAs(entry.Value)))
            {
                return false;
            }
        }

        foreach (var entry in other.Values)
        {
            if (!inside(entry.Key) && !Values.ContainsKey(entry.Key))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(Jit.Optimized)]
    public bool SameAs(FlowState? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || !Sets.SameAs(Consented, other.Consented) || !Sets.SameAs(Stale, other.Stale)
            || !Sets.SameAs(OpenPermits, other.OpenPermits) || !Sets.SameAs(UnreadDecisions, other.UnreadDecisions)
            || Values.Count != other.Values.Count)
        {
            return false;
        }

        foreach (var entry in Values)
        {
            if (!other.Values.TryGetValue(entry.Key, out var value) || !value.SameAs(entry.Value))
            {
                return false;
            }
        }

        return true;
    }
}
