using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// One entry of the evidence log: its place in the chain, when it was written, what kind of
/// event it records, the event itself as JSON (phone numbers only as keyed hashes), the hash of
/// the entry before it, and its own hash over all of these (see <see cref="LogVerification.Check"/>).
/// </summary>
public sealed class EvidenceLogEntry
{
    /// <summary>Creates an entry as read from a store; nothing is checked here, <see cref="LogVerification.Check"/> does that.</summary>
    /// <param name="sequence">The entry's number in the chain, from 1.</param>
    /// <param name="at">When it was appended.</param>
    /// <param name="kind">What it records (<c>decision</c>, <c>consent</c>, <c>revocation</c>, <c>opt-out</c>).</param>
    /// <param name="payload">The event, as JSON.</param>
    /// <param name="previousHash">The hash of the entry before it (64 zeros for the first).</param>
    /// <param name="hash">Its own hash.</param>
    public EvidenceLogEntry(long sequence, Instant at, string kind, string payload, string previousHash, string hash)
    {
        Sequence = sequence;
        At = at;
        Kind = Preconditions.CheckNotNull(kind, nameof(kind));
        Payload = Preconditions.CheckNotNull(payload, nameof(payload));
        PreviousHash = Preconditions.CheckNotNull(previousHash, nameof(previousHash));
        Hash = Preconditions.CheckNotNull(hash, nameof(hash));
    }

    /// <summary>The entry's number in the chain, from 1, with no gap.</summary>
    public long Sequence { get; }

    /// <summary>When the entry was appended.</summary>
    public Instant At { get; }

    /// <summary>What the entry records (<c>decision</c>, <c>consent</c>, <c>revocation</c>, <c>opt-out</c>).</summary>
    public string Kind { get; }

    /// <summary>The event, as JSON.</summary>
    public string Payload { get; }

    /// <summary>The hash of the entry before this one.</summary>
    public string PreviousHash { get; }

    /// <summary>This entry's hash (SHA-256, lower-case hexadecimal).</summary>
    public string Hash { get; }

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {At} {Kind} {Hash}";
}
