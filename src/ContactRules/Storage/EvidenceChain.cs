using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// The hash chain of the evidence log: how an entry's hash is computed, and how a log is checked.
/// Every entry carries the hash of the one before it, so that changing, removing or reordering
/// any entry breaks the chain at that entry; the store's separately kept <see cref="LogHead"/>
/// catches entries removed at the end.
/// </summary>
/// <remarks>
/// The hash is SHA-256 over a canonical byte string: the format tag <c>contactrules.evidence.v1</c>,
/// then the sequence number, the instant (Unix ticks), the kind, the payload and the previous
/// hash, each as its UTF-8 byte length in decimal, a colon, the bytes and a line feed. Length
/// prefixes make the encoding unambiguous: no two different entries share a byte string.
/// </remarks>
internal static class EvidenceChain
{
    /// <summary>The "previous hash" of the first entry: 64 zeros.</summary>
    internal static readonly string GenesisHash = new string('0', 64);

    private const string FormatTag = "contactrules.evidence.v1";

    /// <summary>Computes the hash of an entry.</summary>
    /// <param name="sequence">The entry's sequence number.</param>
    /// <param name="at">When it was appended.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="payload">Its payload.</param>
    /// <param name="previousHash">The hash of the entry before it.</param>
    /// <returns>The hash, 64 lower-case hexadecimal characters.</returns>
    internal static string ComputeHash(long sequence, Instant at, string kind, string payload, string previousHash)
    {
        Preconditions.CheckNotNull(kind, nameof(kind));
        Preconditions.CheckNotNull(payload, nameof(payload));
        Preconditions.CheckNotNull(previousHash, nameof(previousHash));
        var text = new StringBuilder(payload.Length + 160);
        AppendField(text, FormatTag);
        AppendField(text, sequence.ToString(CultureInfo.InvariantCulture));
        AppendField(text, at.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture));
        AppendField(text, kind);
        AppendField(text, payload);
        AppendField(text, previousHash);
        return Hex.Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The entry that follows <paramref name="head"/>: numbered after it, linked to it, hashed.</summary>
    /// <param name="head">The log's current head.</param>
    /// <param name="at">When the entry is appended.</param>
    /// <param name="kind">Its kind (<see cref="EvidenceKinds"/>).</param>
    /// <param name="payload">Its payload, as JSON.</param>
    /// <returns>The entry, ready to store; the new head is its sequence and hash.</returns>
    internal static EvidenceLogEntry Next(LogHead head, Instant at, string kind, string payload)
    {
        Preconditions.CheckNotEmpty(kind, nameof(kind));
        Preconditions.CheckNotNull(payload, nameof(payload));
        var sequence = head.Sequence + 1;
        return new EvidenceLogEntry(sequence, at, kind, payload, head.Hash, ComputeHash(sequence, at, kind, payload, head.Hash));
    }

    /// <summary>
    /// Checks a log: reads the entries in the order the store keeps them and reports the first one
    /// that was altered, is missing, or is out of order; then checks that the log ends at the
    /// recorded <paramref name="head"/>. Reads each entry once, keeping none in memory.
    /// </summary>
    /// <param name="entries">The entries, in storage order (by sequence number for a table).</param>
    /// <param name="head">The head the store recorded when it last appended.</param>
    /// <returns>The verdict, naming the first bad entry.</returns>
    internal static LogVerification Verify(IEnumerable<EvidenceLogEntry> entries, LogHead head)
    {
        Preconditions.CheckNotNull(entries, nameof(entries));
        using var reader = entries.GetEnumerator();
        long position = 0;
        var previousHash = GenesisHash;
        while (reader.MoveNext())
        {
            var entry = reader.Current;
            position++;
            var selfConsistent = string.Equals(
                ComputeHash(entry.Sequence, entry.At, entry.Kind, entry.Payload, entry.PreviousHash),
                entry.Hash,
                StringComparison.Ordinal);
            var linked = string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal);
            if (selfConsistent && linked && entry.Sequence == position)
            {
                previousHash = entry.Hash;
                continue;
            }

            return Diagnose(reader, entry, position, selfConsistent, linked);
        }

        if (head.Sequence > position)
        {
            return LogVerification.Damaged(
                position,
                LogProblem.Missing,
                position + 1,
                $"Entry {position + 1} is missing: the log ends at entry {position}, but its head records entry {head.Sequence}, so entries {position + 1} to {head.Sequence} were removed.");
        }

        if (head.Sequence < position)
        {
            return LogVerification.Damaged(
                position,
                LogProblem.Altered,
                head.Sequence + 1,
                $"Entry {head.Sequence + 1} was not written by the log: the recorded head is entry {head.Sequence}, yet the log goes on to entry {position}.");
        }

        if (!string.Equals(head.Hash, previousHash, StringComparison.Ordinal))
        {
            return LogVerification.Damaged(
                position,
                LogProblem.Altered,
                position,
                $"Entry {position} was altered: it no longer has the hash its head recorded.");
        }

        return LogVerification.Intact(position);
    }

    private static LogVerification Diagnose(IEnumerator<EvidenceLogEntry> reader, EvidenceLogEntry entry, long position, bool selfConsistent, bool linked)
    {
        // An entry that links to one stored after it was moved ahead of that entry.
        if (!linked && LinksForward(reader, entry.PreviousHash))
        {
            return LogVerification.Damaged(
                position,
                LogProblem.Reordered,
                position,
                $"Entry {position} is out of order: the entry stored there (numbered {entry.Sequence}) was written after an entry that is stored later.");
        }

        if (entry.Sequence < position)
        {
            return LogVerification.Damaged(
                position,
                LogProblem.Reordered,
                position,
                $"Entry {position} is out of order: the entry stored there is numbered {entry.Sequence}, which comes before it.");
        }

        if (entry.Sequence > position && selfConsistent)
        {
            var lastMissing = entry.Sequence - 1;
            return LogVerification.Damaged(
                position,
                LogProblem.Missing,
                position,
                lastMissing == position
                    ? $"Entry {position} is missing: the log goes from entry {position - 1} to entry {entry.Sequence}."
                    : $"Entries {position} to {lastMissing} are missing: the log goes from entry {position - 1} to entry {entry.Sequence}.");
        }

        if (!selfConsistent)
        {
            return LogVerification.Damaged(
                position,
                LogProblem.Altered,
                position,
                $"Entry {position} was altered: its content, number or hash no longer match (stored as entry {entry.Sequence}, kind '{entry.Kind}').");
        }

        // Intact itself and in its place, but linked to another version of the entry before it:
        // that one was changed and hashed again.
        var altered = position == 1 ? 1 : position - 1;
        return LogVerification.Damaged(
            position,
            LogProblem.Altered,
            altered,
            position == 1
                ? "Entry 1 was altered: it does not start the chain."
                : $"Entry {altered} was altered and hashed again: entry {position} was linked to a different version of it.");
    }

    private static bool LinksForward(IEnumerator<EvidenceLogEntry> reader, string previousHash)
    {
        while (reader.MoveNext())
        {
            if (string.Equals(reader.Current.Hash, previousHash, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendField(StringBuilder text, string value)
    {
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
