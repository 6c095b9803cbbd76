using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>
/// The last entry of a log as its store recorded it: its sequence number and hash. Stores keep it
/// apart from the entries so that removing entries at the end is detected; keep copies of it
/// elsewhere (a daily e-mail, a ticket) to detect a rewrite of the whole log.
/// </summary>
public readonly struct LogHead
{
    private readonly string? hash;

    /// <summary>Creates a head.</summary>
    /// <param name="sequence">The last entry's sequence number; 0 for an empty log.</param>
    /// <param name="hash">The last entry's hash; 64 zeros for an empty log.</param>
    public LogHead(long sequence, string hash)
    {
        Sequence = sequence;
        this.hash = Preconditions.CheckNotNull(hash, nameof(hash));
    }

    /// <summary>The head of an empty log.</summary>
    public static LogHead Empty => new LogHead(0, EvidenceChain.GenesisHash);

    /// <summary>The last entry's sequence number; 0 for an empty log.</summary>
    public long Sequence { get; }

    /// <summary>The last entry's hash; 64 zeros for an empty log.</summary>
    public string Hash => hash ?? EvidenceChain.GenesisHash;

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Hash}";
}
