using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace ContactRules;

/// <summary>
/// The answer to "may we contact this person now?": whether it is allowed, every rule that
/// refuses and why, and the earliest instant at which every rule would allow it.
/// </summary>
public sealed class ContactDecision
{
    private ContactDecision(bool isAllowed, ImmutableArray<RuleViolation> violations, Instant? nextPermittedAt, ImmutableArray<ContactAdvisory> advisories)
    {
        IsAllowed = isAllowed;
        Violations = violations;
        NextPermittedAt = nextPermittedAt;
        Advisories = advisories;
    }

    /// <summary>The decision that allows a contact, with no advisory.</summary>
    public static ContactDecision Allowed { get; } = new ContactDecision(true, ImmutableArray<RuleViolation>.Empty, null, ImmutableArray<ContactAdvisory>.Empty);

    /// <summary>
    /// True only when no rule in force at the evaluated instant refuses the contact. Check this
    /// before dialing: it is what the ContactRules analyzers look for.
    /// </summary>
    public bool IsAllowed { get; }

    /// <summary>Every rule that refuses the contact (not only the first), in the policy's order. Empty when allowed.</summary>
    public ImmutableArray<RuleViolation> Violations { get; }

    /// <summary>
    /// On a denial, the earliest instant at or after the evaluated instant at which every rule
    /// would allow the contact, given the same history and no new events: allowed at that
    /// instant, refused at every earlier one. Null when allowed, or when no amount of waiting
    /// helps (no consent, an opt-out, a registry entry).
    /// </summary>
    public Instant? NextPermittedAt { get; }

    /// <summary>Warnings that do not refuse: legal deadlines, records to keep, harassment patterns.</summary>
    public ImmutableArray<ContactAdvisory> Advisories { get; }

    /// <summary>Creates an allowing decision that carries advisories.</summary>
    /// <param name="advisories">The advisories.</param>
    /// <returns>The decision.</returns>
    public static ContactDecision Allow(ImmutableArray<ContactAdvisory> advisories)
        => advisories.IsDefaultOrEmpty ? Allowed : new ContactDecision(true, ImmutableArray<RuleViolation>.Empty, null, advisories);

    /// <summary>Creates a refusing decision.</summary>
    /// <param name="violations">The refusing rules; at least one.</param>
    /// <param name="nextPermittedAt">The earliest instant every rule allows, or null when waiting does not help.</param>
    /// <param name="advisories">The advisories, if any.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="violations"/> is empty.</exception>
    public static ContactDecision Refuse(ImmutableArray<RuleViolation> violations, Instant? nextPermittedAt, ImmutableArray<ContactAdvisory> advisories = default)
    {
        Internal.Preconditions.CheckArgument(!violations.IsDefaultOrEmpty, nameof(violations), "A refusal needs at least one violation: a denial is always explained.");
        return new ContactDecision(false, violations, nextPermittedAt, advisories.IsDefault ? ImmutableArray<ContactAdvisory>.Empty : advisories);
    }

    /// <inheritdoc />
    public override string ToString()
        => IsAllowed
            ? "allowed"
            : $"refused by {string.Join(", ", Violations.Select(v => v.RuleId))}; next permitted at {(NextPermittedAt is { } next ? next.ToString() : "never")}";
}
