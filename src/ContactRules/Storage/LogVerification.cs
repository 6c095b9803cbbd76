using System.Collections.Generic;
using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>
/// The result of checking an evidence log (<see cref="IEvidenceLog.Verify"/>, <see cref="Check"/>): whether the log is intact and, when it is
/// not, the first entry found wrong and how.
/// </summary>
public sealed class LogVerification
{
    private LogVerification(long entriesChecked, LogProblem problem, long? firstBadSequence, string message)
    {
        EntriesChecked = entriesChecked;
        Problem = problem;
        FirstBadSequence = firstBadSequence;
        Message = message;
    }

    /// <summary>True when every entry is where it was written, as it was written, up to the recorded head.</summary>
    public bool IsIntact => Problem == LogProblem.None;

    /// <summary>What is wrong; <see cref="LogProblem.None"/> when intact.</summary>
    public LogProblem Problem { get; }

    /// <summary>
    /// The sequence number of the first entry found wrong: the altered entry, the first missing
    /// one, or the position where the written order is first broken. Null when intact.
    /// </summary>
    public long? FirstBadSequence { get; }

    /// <summary>The number of entries read before the verdict.</summary>
    public long EntriesChecked { get; }

    /// <summary>The verdict in plain words.</summary>
    public string Message { get; }

    /// <summary>
    /// Checks entries from anywhere (an export, a file, a copy of the tables) against the hash
    /// chain and the head recorded with them, as <see cref="IEvidenceLog.Verify"/> checks a
    /// ledger's own log: reads the entries once, in the order given, keeping none in memory.
    /// </summary>
    /// <remarks>
    /// Each entry's hash is SHA-256 over its sequence number, instant, kind, payload and the hash
    /// of the entry before it (docs/storage.md gives the exact bytes); changing, removing or
    /// reordering any entry breaks the chain there, and the head catches entries removed at the end.
    /// </remarks>
    /// <param name="entries">The entries, in storage order (by sequence number).</param>
    /// <param name="head">The head the ledger recorded when it last appended.</param>
    /// <returns>The verdict, naming the first altered, missing or reordered entry.</returns>
    public static LogVerification Check(IEnumerable<EvidenceLogEntry> entries, LogHead head) => EvidenceChain.Verify(entries, head);

    /// <summary>The verdict for an intact log.</summary>
    /// <param name="entriesChecked">The number of entries checked.</param>
    /// <returns>The verdict.</returns>
    internal static LogVerification Intact(long entriesChecked)
        => new LogVerification(entriesChecked, LogProblem.None, null, $"The log is intact: {entriesChecked} entries, each linked to the one before and matching its hash.");

    /// <summary>The verdict for a damaged log.</summary>
    /// <param name="entriesChecked">The number of entries read.</param>
    /// <param name="problem">What is wrong; not <see cref="LogProblem.None"/>.</param>
    /// <param name="firstBadSequence">The first entry found wrong.</param>
    /// <param name="message">What is wrong, in plain words.</param>
    /// <returns>The verdict.</returns>
    internal static LogVerification Damaged(long entriesChecked, LogProblem problem, long firstBadSequence, string message)
    {
        Preconditions.CheckArgument(problem != LogProblem.None, nameof(problem), "A damaged log has a problem other than None.");
        return new LogVerification(entriesChecked, problem, firstBadSequence, Preconditions.CheckNotEmpty(message, nameof(message)));
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
