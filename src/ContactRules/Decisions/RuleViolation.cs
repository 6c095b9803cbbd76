using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// One rule that refuses a contact: which rule, of what kind, under which law, why, and until
/// when.
/// </summary>
public sealed class RuleViolation
{
    /// <summary>Creates a violation.</summary>
    /// <param name="ruleId">The rule's id from the rules catalogue (for example <c>FR-FREQ-01</c>), or a <c>CORE-</c> id.</param>
    /// <param name="kind">The rule's kind.</param>
    /// <param name="citation">The legal citation.</param>
    /// <param name="reason">Why the rule refuses, in plain words.</param>
    /// <param name="until">When this rule alone stops refusing; null when waiting does not help.</param>
    public RuleViolation(string ruleId, RuleKind kind, string citation, string reason, Instant? until)
    {
        RuleId = Preconditions.CheckNotEmpty(ruleId, nameof(ruleId));
        Kind = kind;
        Citation = Preconditions.CheckNotNull(citation, nameof(citation));
        Reason = Preconditions.CheckNotNull(reason, nameof(reason));
        Until = until;
    }

    /// <summary>The rule's id from the rules catalogue, or a <c>CORE-</c> id for the engine's own refusals.</summary>
    public string RuleId { get; }

    /// <summary>The rule's kind.</summary>
    public RuleKind Kind { get; }

    /// <summary>The legal citation of the rule.</summary>
    public string Citation { get; }

    /// <summary>Why the rule refuses, in plain words.</summary>
    public string Reason { get; }

    /// <summary>When this rule alone stops refusing (given the same history); null when waiting does not help.</summary>
    public Instant? Until { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} ({Citation}): {Reason}";
}
