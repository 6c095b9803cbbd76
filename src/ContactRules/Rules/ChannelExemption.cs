using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts every contact on one channel. With dates (<see cref="RuleExemption.InForce"/>) it
/// marks the time before a rule reached that channel (France, FR-SECT-01: electronic messages
/// only from 2 July 2025, L223-8).
/// </summary>
public sealed class ChannelExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="channel">The exempt channel.</param>
    /// <param name="description">What the exemption is, in plain words.</param>
    public ChannelExemption(ContactChannel channel, string description)
        : base(description)
    {
        Channel = channel;
    }

    /// <summary>The exempt channel.</summary>
    public ContactChannel Channel { get; }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
        => context.Request.Channel == Channel ? instant : null;
}
