using System.Collections.Immutable;
using ContactRules.Internal;

namespace ContactRules.Auditing;

/// <summary>
/// A logged call with the decision the policy would have given at the instant it was placed,
/// given every earlier call in the log: what a gate would have said, after the fact.
/// </summary>
public sealed class AuditedCall
{
    /// <summary>Creates an audited call.</summary>
    /// <param name="call">The logged call.</param>
    /// <param name="decision">The decision at the call's instant.</param>
    public AuditedCall(LoggedCall call, ContactDecision decision)
        : this(call, decision, ImmutableArray<RuleViolation>.Empty)
    {
    }

    /// <summary>Creates an audited call with violations set aside.</summary>
    /// <param name="call">The logged call.</param>
    /// <param name="decision">The decision at the call's instant, without the violations set aside.</param>
    /// <param name="setAside">The violations a gate would have reported that the call did not commit (see <see cref="SetAside"/>).</param>
    public AuditedCall(LoggedCall call, ContactDecision decision, ImmutableArray<RuleViolation> setAside)
    {
        Call = Preconditions.CheckNotNull(call, nameof(call));
        Decision = Preconditions.CheckNotNull(decision, nameof(decision));
        SetAside = setAside.IsDefault ? ImmutableArray<RuleViolation>.Empty : setAside;
    }

    /// <summary>
    /// The refusals a gate would have given before the call that the call did not break, because
    /// it never connected and the rule did not yet count an unconnected attempt as a contact (the
    /// UK's PECR rules before 5 February 2026). Empty for most calls.
    /// </summary>
    public ImmutableArray<RuleViolation> SetAside { get; }

    /// <summary>The logged call.</summary>
    public LoggedCall Call { get; }

    /// <summary>The decision at the call's instant; a refusal means the call broke the rules it names.</summary>
    public ContactDecision Decision { get; }

    /// <summary>True when the call should not have been made.</summary>
    public bool IsViolation => !Decision.IsAllowed;
}
