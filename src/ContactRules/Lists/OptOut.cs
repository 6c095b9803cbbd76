using NodaTime;

namespace ContactRules;

/// <summary>
/// A "do not contact me": a company opt-out, a registry entry or a GDPR objection, with the
/// instant it was requested and, when known, the instant it takes effect.
/// </summary>
public sealed class OptOut
{
    /// <summary>Creates an opt-out of the given kind, requested at <paramref name="requestedAt"/>.</summary>
    /// <param name="kind">What kind of opt-out this is.</param>
    /// <param name="requestedAt">When the person asked (or registered).</param>
    public OptOut(OptOutKind kind, Instant requestedAt)
    {
        Kind = kind;
        RequestedAt = requestedAt;
    }

    /// <summary>What kind of opt-out this is.</summary>
    public OptOutKind Kind { get; }

    /// <summary>
    /// The register, for <see cref="OptOutKind.Registry"/> entries. A registry entry without one is
    /// honoured by every register's rule: the engine does not guess that it is from another list.
    /// </summary>
    public ContactRegistry? Registry { get; init; }

    /// <summary>When the person asked, or registered.</summary>
    public Instant RequestedAt { get; }

    /// <summary>
    /// When the opt-out takes effect, as stated by the list operator. When null: at once for
    /// company opt-outs and objections, and the registration instant plus the register's legal
    /// delay for registry entries.
    /// </summary>
    public Instant? EffectiveAt { get; init; }

    /// <summary>
    /// The only channel the person opted out of (a "medium" opt-out under Regulation F), or null
    /// for every channel.
    /// </summary>
    public ContactChannel? Channel { get; init; }

    /// <summary>The company the opt-out was addressed to; null when it covers any caller.</summary>
    public string? Entity { get; init; }
}
