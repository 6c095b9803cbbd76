using System.Collections.Generic;
using System.Linq;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Testing;

/// <summary>A policy or a single rule asked about a request, and the rule ids read from the answer.</summary>
public static class Evaluations
{
    /// <summary>The decision of <paramref name="policy"/> on the request at <paramref name="at"/>, after these attempts.</summary>
    public static ContactDecision Evaluate(ContactPolicy policy, ContactRequest request, Instant at, params ContactAttempt[] history)
        => policy.Evaluate(request, at, ContactHistory.Create(history));

    /// <summary>True when the rule alone allows the request at the instant (dates in force, scope and exemptions included).</summary>
    public static bool RuleAllows(ContactRule rule, ContactRequest request, Instant at, params ContactAttempt[] history)
        => rule.Allows(new EvaluationContext(request, ContactHistory.Create(history)), at);

    /// <summary>The earliest instant from <paramref name="at"/> that the rule alone allows; null when it never will.</summary>
    public static Instant? RuleEarliest(ContactRule rule, ContactRequest request, Instant at, params ContactAttempt[] history)
        => rule.EarliestAllowed(new EvaluationContext(request, ContactHistory.Create(history)), at);

    /// <summary>A policy of these rules alone, to test them without the rest of their pack.</summary>
    public static ContactPolicy Only(params ContactRule[] rules) => new ContactPolicy("test", rules);

    /// <summary>The ids of the policy's rules, in its order.</summary>
    public static IEnumerable<string> RuleIds(ContactPolicy policy) => policy.Rules.Select(r => r.Id);

    /// <summary>The ids of the rules the decision says were broken, in its order.</summary>
    public static IEnumerable<string> RuleIds(ContactDecision decision) => decision.Violations.Select(v => v.RuleId);

    /// <summary>The id of the one rule the decision says was broken; fails when there are none or several.</summary>
    public static string SingleRuleId(ContactDecision decision) => Assert.Single(decision.Violations).RuleId;
}
