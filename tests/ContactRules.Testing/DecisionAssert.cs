using System.Linq;
using NodaTime;
using Xunit;

namespace ContactRules.Testing;

/// <summary>Assertions on decisions that say what was expected when they fail.</summary>
public static class DecisionAssert
{
    /// <summary>Asserts that the decision allows the contact.</summary>
    public static void AssertAllowed(ContactDecision decision)
        => Assert.True(decision.IsAllowed, "expected allowed, got " + decision);

    /// <summary>Asserts that exactly these rules refuse, in any order.</summary>
    public static void AssertRefusedBy(ContactDecision decision, params string[] ruleIds)
    {
        Assert.False(decision.IsAllowed, "expected a refusal by " + string.Join(", ", ruleIds));
        Assert.Equal(ruleIds.OrderBy(i => i), decision.Violations.Select(v => v.RuleId).OrderBy(i => i));
    }

    /// <summary>
    /// Allowed the minute before <paramref name="from"/>; from it, refused by <paramref name="ruleId"/>
    /// with no next permitted instant (a list or a refusal that does not lapse).
    /// </summary>
    public static void AssertRefusedForGoodFrom(ContactPolicy policy, ContactRequest request, Instant from, string ruleId)
    {
        AssertAllowed(Evaluations.Evaluate(policy, request, from - Duration.FromMinutes(1)));
        var decision = Evaluations.Evaluate(policy, request, from);
        AssertRefusedBy(decision, ruleId);
        Assert.Null(decision.NextPermittedAt);
    }
}
