using ContactRules.Analyzers.Flow.Lattice;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>What a lambda over the elements of a sequence tells about each element, about <see cref="ElementRoot.Self"/>.</summary>
/// <param name="Returned">Its return value (a selector's tuple of the element and its decision).</param>
/// <param name="WhenTrue">For a predicate: the facts about the element when it returns true (a <c>Where</c> on the gate's decision).</param>
/// <param name="AtReturn">The facts about the element that hold whenever it returns (a selector applied to checked elements).</param>
internal sealed record LambdaSummary(AbstractValue Returned, SmallSet<Consent> WhenTrue, SmallSet<Consent> AtReturn)
{
    public static readonly LambdaSummary Nothing = new(AbstractValue.Empty, Sets.NoConsents, Sets.NoConsents);
}
