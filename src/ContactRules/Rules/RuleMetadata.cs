using System.Collections.Immutable;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// What every rule carries besides its logic: its id in the rules catalogue, its legal citation,
/// a description, the dates it is in force, whom it applies to and what exempts from it.
/// </summary>
public sealed class RuleMetadata
{
    private readonly ImmutableArray<RuleExemption> exemptions = ImmutableArray<RuleExemption>.Empty;

    /// <summary>Creates the metadata of a rule.</summary>
    /// <param name="id">The rule id from the rules catalogue, for example <c>FR-FREQ-01</c>.</param>
    /// <param name="citation">The legal citation, for example <c>Code de la consommation, art. D223-9</c>.</param>
    public RuleMetadata(string id, string citation)
    {
        Id = Preconditions.CheckNotEmpty(id, nameof(id));
        Citation = Preconditions.CheckNotEmpty(citation, nameof(citation));
    }

    /// <summary>The rule id from the rules catalogue.</summary>
    public string Id { get; }

    /// <summary>The legal citation.</summary>
    public string Citation { get; }

    /// <summary>What the rule does, in one sentence a compliance officer recognises.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The local dates the rule is in force; always by default.</summary>
    public InForcePeriod InForce { get; init; } = InForcePeriod.Always;

    /// <summary>The contacts the rule applies to; all by default.</summary>
    public RuleScope Scope { get; init; } = RuleScope.All;

    /// <summary>Circumstances in which the rule does not refuse.</summary>
    public ImmutableArray<RuleExemption> Exemptions
    {
        get => exemptions;
        init => exemptions = value.IsDefault ? ImmutableArray<RuleExemption>.Empty : value;
    }

    /// <summary>
    /// How ContactRules reads the law where its text leaves a choice (a boundary, an exemption
    /// not applied, a scope widened), and why that reading protects the called person; empty
    /// when the rule is applied as written.
    /// </summary>
    public string Reading { get; init; } = string.Empty;

    /// <summary>How sure the rule's source is, in the catalogue's levels; <see cref="VerificationLevel.NotStated"/> by default.</summary>
    public VerificationLevel Verification { get; init; }

    /// <summary>
    /// Which part of the rule rests on which source, where they differ (for example "hours V2;
    /// emergency ban R"), or where the source was seen; empty when the level says it all.
    /// </summary>
    public string VerificationNote { get; init; } = string.Empty;

    /// <summary>
    /// The first local date from which an attempt that never connected
    /// (<see cref="AttemptOutcome.NotConnected"/>) is a contact under this rule, for audits of
    /// what was dialled; null (the default) when it always is. Before it, an audit does not hold
    /// an unconnected attempt against the rule (PECR before the Data (Use and Access) Act 2025:
    /// a "call" was a connection established). A gate is not concerned: before dialling, every
    /// call may connect.
    /// </summary>
    public LocalDate? UnconnectedAttemptsCountFrom { get; init; }
}
