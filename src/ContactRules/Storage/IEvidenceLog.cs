using System.Collections.Generic;

namespace ContactRules.Storage;

/// <summary>
/// A ledger's append-only, hash-chained log of decisions and consent events (<see cref="ContactLedger.Log"/>),
/// for reading and checking. Entries are written by the ledger only, each in the transaction of
/// the event it records: a reservation and its decision entry, a consent and its entry, exist
/// together or not at all. Payloads never carry a raw phone number, only its keyed hash
/// (<see cref="PhoneNumberHasher"/>).
/// </summary>
public interface IEvidenceLog
{
    /// <summary>The last entry's sequence number and hash, as the log recorded it.</summary>
    /// <returns>The head; <see cref="LogHead.Empty"/> for an empty log.</returns>
    LogHead GetHead();

    /// <summary>Reads entries in sequence order.</summary>
    /// <param name="fromSequence">The first sequence number to read.</param>
    /// <param name="maxCount">The most entries to return.</param>
    /// <returns>The entries, as stored (not checked: see <see cref="Verify"/>).</returns>
    IReadOnlyList<EvidenceLogEntry> Read(long fromSequence, int maxCount);

    /// <summary>Checks the whole log against its chain and its head (see <see cref="LogVerification.Check"/>).</summary>
    /// <returns>The verdict, naming the first altered, missing or reordered entry.</returns>
    LogVerification Verify();
}
