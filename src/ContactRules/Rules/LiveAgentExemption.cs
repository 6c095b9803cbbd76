using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact for which a live agent is guaranteed to be on the line
/// (<see cref="ContactRequest.LiveAgentGuaranteed"/>).
/// </summary>
public sealed class LiveAgentExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="description">What the exemption is, in plain words.</param>
    public LiveAgentExemption(string description)
        : base(description)
    {
    }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
        => context.Request.LiveAgentGuaranteed ? instant : null;
}
