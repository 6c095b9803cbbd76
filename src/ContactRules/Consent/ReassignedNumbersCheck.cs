using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact before the number was checked against the FCC's Reassigned Numbers Database
/// (<see cref="Contact.ReassignedNumbersCheckedAt"/>): Maine requires the check before every
/// telephone sales call (US-ME-RND-01). Waiting does not help; checking does.
/// </summary>
/// <remarks>
/// The law sets no age for the check; a check recorded at any earlier instant satisfies the rule.
/// What the check found is read by <see cref="ConsentRecord.Covers(ContactRequest)"/>: a consent
/// granted before the number's last permanent disconnection does not count.
/// </remarks>
public sealed class ReassignedNumbersCheck : ContactRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    public ReassignedNumbersCheck(RuleMetadata metadata)
        : base(metadata, RuleKind.Registry)
    {
    }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => "the number checked against the Reassigned Numbers Database before the contact";

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
        => context.Request.Contact.ReassignedNumbersCheckedAt is { } checkedAt
            ? (checkedAt <= instant ? instant : checkedAt)
            : null;

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
        => context.Request.Contact.ReassignedNumbersCheckedAt is { } checkedAt
            ? $"The number is checked against the Reassigned Numbers Database only at {checkedAt}, after this contact."
            : "The number was not checked against the FCC's Reassigned Numbers Database before this contact: the caller cannot know whether it still belongs to the person who consented.";
}
