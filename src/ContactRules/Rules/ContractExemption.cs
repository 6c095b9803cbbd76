using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact made in the execution of a contract in progress and related to its object
/// (France: "contrat en cours", including ancillary, complementary and upgrade offers).
/// </summary>
public sealed class ContractExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="description">What the exemption is, in plain words.</param>
    public ContractExemption(string description)
        : base(description)
    {
    }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
        => context.Request.Contact.Contract is { IsInProgressAndRelated: true } ? instant : null;
}
