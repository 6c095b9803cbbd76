using System.Collections.Immutable;
using ContactRules.Internal;

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
}
