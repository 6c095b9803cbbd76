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
    /// For a registry entry, when the registration takes effect, as stated by the list operator;
    /// when null, the registration instant plus the register's legal delay. Company opt-outs and
    /// objections ignore it: they take effect at <see cref="RequestedAt"/>, because a legal
    /// honouring delay (US: 10 business days) is a deadline for the caller, never a grace period.
    /// </summary>
    public Instant? EffectiveAt { get; init; }

    /// <summary>
    /// The only channel the person opted out of (a "medium" opt-out under Regulation F), or null
    /// for every channel.
    /// </summary>
    public ContactChannel? Channel { get; init; }

    /// <summary>The company the opt-out was addressed to; null when it covers any caller.</summary>
    public string? Entity { get; init; }

    /// <summary>
    /// True when the opt-out reaches <paramref name="request"/>: an objection stops direct
    /// marketing on every channel, whatever channel it came by; another opt-out reaches its own
    /// channel (every channel when it names none); either reaches the caller it was addressed to
    /// (every caller when it names none, or when the request names no caller).
    /// </summary>
    internal bool Reaches(ContactRequest request)
        => (Kind == OptOutKind.Objection || Channel is not { } channel || channel == request.Channel)
            && (Entity is null || request.Caller is null || Entity == request.Caller);
}
