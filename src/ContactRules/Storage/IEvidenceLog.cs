using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ContactRules.Storage;

/// <summary>
/// An append-only, hash-chained log of decisions and consent events (see <see cref="EvidenceChain"/>).
/// Payloads never carry a raw phone number: only its keyed hash (<see cref="PhoneNumberHasher"/>).
/// </summary>
public interface IEvidenceLog
{
    /// <summary>
    /// Appends an entry, numbered after the current head and linked to it; durable when the
    /// method returns. Appends from every process and node sharing the log form one chain.
    /// </summary>
    /// <param name="kind">What the entry records (see <see cref="EvidenceKinds"/>).</param>
    /// <param name="payload">The event, as JSON, with no raw phone number.</param>
    /// <returns>The entry as stored.</returns>
    EvidenceLogEntry Append(string kind, string payload);

    /// <summary>Appends an entry; see <see cref="Append"/>.</summary>
    /// <param name="kind">What the entry records (see <see cref="EvidenceKinds"/>).</param>
    /// <param name="payload">The event, as JSON, with no raw phone number.</param>
    /// <param name="cancellationToken">Honoured until the entry is committed: a cancelled call appends nothing.</param>
    /// <returns>The entry as stored.</returns>
    /// <exception cref="System.OperationCanceledException">The token was cancelled before the entry was written.</exception>
    Task<EvidenceLogEntry> AppendAsync(string kind, string payload, CancellationToken cancellationToken = default);

    /// <summary>The last entry's sequence number and hash, as the log recorded it.</summary>
    /// <returns>The head; <see cref="LogHead.Empty"/> for an empty log.</returns>
    LogHead GetHead();

    /// <summary>Reads entries in sequence order.</summary>
    /// <param name="fromSequence">The first sequence number to read.</param>
    /// <param name="maxCount">The most entries to return.</param>
    /// <returns>The entries, as stored (not checked: see <see cref="Verify"/>).</returns>
    IReadOnlyList<EvidenceLogEntry> Read(long fromSequence, int maxCount);

    /// <summary>Checks the whole log against its chain and its head (see <see cref="EvidenceChain.Verify"/>).</summary>
    /// <returns>The verdict, naming the first altered, missing or reordered entry.</returns>
    LogVerification Verify();
}
