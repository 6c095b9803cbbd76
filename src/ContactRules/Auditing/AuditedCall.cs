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
    {
        Call = Preconditions.CheckNotNull(call, nameof(call));
        Decision = Preconditions.CheckNotNull(decision, nameof(decision));
    }

    /// <summary>The logged call.</summary>
    public LoggedCall Call { get; }

    /// <summary>The decision at the call's instant; a refusal means the call broke the rules it names.</summary>
    public ContactDecision Decision { get; }

    /// <summary>True when the call should not have been made.</summary>
    public bool IsViolation => !Decision.IsAllowed;
}
