using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// The durable state behind a <see cref="ContactGate"/>: the attempts made to each person
/// (reservations and their outcomes), their consents with proof and every use made of them,
/// their opt-outs and objections, the registry entries of numbers, and the hash-chained evidence
/// log. Give it to <see cref="ContactGate(ContactPolicy, IClock, ContactLedger)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Three ledgers, one contract (the same tests run against all of them):
/// <see cref="InMemoryContactLedger"/> (tests, tools, one process that may forget everything),
/// <c>SqliteContactLedger</c> (one file, several processes on one machine) and
/// <c>PostgreSqlContactLedger</c> (many dialer nodes). This class holds what they share: the
/// argument checks, the evidence payloads, the reservation protocol; each ledger only persists.
/// </para>
/// <para>
/// A reservation is one transaction: the ledger takes the person's lock, reads their attempts
/// and stored facts, asks the gate for the decision on what it read, and writes the reserved
/// attempt, the uses of the consents the decision relied on, and the decision's evidence entry
/// together. Whatever fails, and wherever the process or the connection dies, either all of
/// them are recorded or none.
/// </para>
/// <para>
/// Every operation a decision waits for is bounded by
/// <see cref="ContactLedgerOptions.OperationTimeout"/>: a server that is stopped, frozen or
/// unreachable, or a lock held by a stuck process, gives a failure at the deadline (the gate
/// then refuses with <c>CORE-STORE-01</c>), never a late answer.
/// </para>
/// </remarks>
public abstract class ContactLedger : IDisposable
{
    private protected ContactLedger(ContactLedgerOptions options)
    {
        Options = Preconditions.CheckNotNull(options, nameof(options));
    }

    /// <summary>The keyed hash that the ledger's tables and log use for phone numbers.</summary>
    public PhoneNumberHasher PhoneNumbers => Options.PhoneNumbers;

    /// <summary>The evidence log of decisions and consent events, for reading and checking.</summary>
    public abstract IEvidenceLog Log { get; }

    internal ContactLedgerOptions Options { get; }

    internal IClock Clock => Options.Clock;

    /// <summary>Told of every step of every reservation (tests kill the process there); null otherwise.</summary>
    internal Action<ReservationStep>? StepReached { get; set; }

    /// <summary>What the ledger holds about a person now: their attempts and their stored facts.</summary>
    /// <param name="contact">The person: their id, and their number for the registry entries.</param>
    /// <returns>The snapshot; empty history and <see cref="ContactFacts.None"/> for a person the ledger does not know.</returns>
    public ContactSnapshot Read(Contact contact) => ReadCore(CheckContact(contact));

    /// <summary>What the ledger holds about a person now, without holding a thread while the store reads; see <see cref="Read"/>.</summary>
    /// <param name="contact">The person.</param>
    /// <param name="cancellationToken">Stops the read; nothing is written either way.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ContactSnapshot> ReadAsync(Contact contact, CancellationToken cancellationToken = default)
        => ReadCoreAsync(CheckContact(contact), cancellationToken);

    /// <summary>
    /// Reads many people at once: each snapshot is what <see cref="Read"/> would return, read in a
    /// few queries for the whole block (scrubbing a call list, <see cref="ContactGate.CheckMany"/>).
    /// </summary>
    /// <param name="contacts">The people; a person may appear more than once.</param>
    /// <returns>One snapshot per contact, in order. A ledger that cannot read throws for the whole block.</returns>
    public IReadOnlyList<ContactSnapshot> ReadMany(IReadOnlyList<Contact> contacts)
    {
        Preconditions.CheckNotNull(contacts, nameof(contacts));
        for (var i = 0; i < contacts.Count; i++)
        {
            if (contacts[i] is null)
            {
                throw new ArgumentException($"contacts[{i}] is null.", nameof(contacts));
            }
        }

        return contacts.Count == 0 ? Array.Empty<ContactSnapshot>() : ReadManyCore(contacts);
    }

    /// <summary>Records an attempt made outside the gate (imported history, a manual call).</summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="attempt">The attempt.</param>
    /// <returns>The recorded attempt's id.</returns>
    public long Record(string contactId, ContactAttempt attempt) => RecordCore(CheckContactId(contactId), attempt);

    /// <summary>
    /// Records the outcome of a reservation: what <see cref="ContactPermit.Complete"/> does, for a
    /// dialer that kept the attempt id but lost its permit (a restarted process).
    /// </summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="attemptId">The reserved attempt's id (<see cref="ContactPermit.AttemptId"/>).</param>
    /// <param name="outcome">The outcome; not <see cref="AttemptOutcome.Reserved"/>.</param>
    /// <exception cref="InvalidOperationException">No such reservation of the person is open (unknown, or already completed).</exception>
    public void Complete(string contactId, long attemptId, AttemptOutcome outcome) => CompleteCore(CheckCompletion(contactId, outcome), attemptId, outcome);

    /// <summary>Records the outcome of a reservation, without holding a thread while the store writes; see <see cref="Complete"/>.</summary>
    /// <param name="contactId">The person's id.</param>
    /// <param name="attemptId">The reserved attempt's id.</param>
    /// <param name="outcome">The outcome; not <see cref="AttemptOutcome.Reserved"/>.</param>
    /// <param name="cancellationToken">Honoured until the outcome is committed: a cancelled call writes nothing.</param>
    /// <returns>A task that completes when the outcome is recorded.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before the outcome was written.</exception>
    public Task CompleteAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken = default)
        => CompleteCoreAsync(CheckCompletion(contactId, outcome), attemptId, outcome, cancellationToken);

    /// <summary>Records a consent with its proof, and its evidence entry, in one durable write.</summary>
    /// <param name="contactId">The person who gave it.</param>
    /// <param name="consent">The consent; its <see cref="ConsentRecord.Id"/> is required and unique for the person.</param>
    /// <param name="proof">How it was obtained.</param>
    /// <exception cref="ArgumentException">The consent has no id.</exception>
    /// <exception cref="InvalidOperationException">The person already has a consent with that id.</exception>
    /// <exception cref="TimeoutException">The ledger did not answer within <see cref="ContactLedgerOptions.OperationTimeout"/>: the message says that nothing was recorded, or that the consent may have been (its commit was on its way; recording it again then says whether it was).</exception>
    public void RecordConsent(string contactId, ConsentRecord consent, ConsentProof proof)
    {
        CheckContactId(contactId);
        Preconditions.CheckNotNull(consent, nameof(consent));
        Preconditions.CheckNotNull(proof, nameof(proof));
        Preconditions.CheckArgument(
            !string.IsNullOrWhiteSpace(consent.Id),
            nameof(consent),
            "A stored consent needs an Id (the caller's consent reference), so that it can be revoked and its uses recorded.");
        RecordConsentCore(contactId, consent.Id!, consent, proof, EvidencePayloads.Consent(contactId, consent, proof, PhoneNumbers));
    }

    /// <summary>
    /// Records that the person withdrew a consent at <paramref name="revokedAt"/>, with its
    /// evidence entry. A consent already revoked keeps its earlier revocation instant.
    /// </summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consentId">The consent withdrawn.</param>
    /// <param name="revokedAt">When the person withdrew it.</param>
    /// <exception cref="InvalidOperationException">The person has no consent with that id.</exception>
    /// <exception cref="TimeoutException">The ledger did not answer within <see cref="ContactLedgerOptions.OperationTimeout"/>: the message says whether the revocation may have been recorded.</exception>
    public void RevokeConsent(string contactId, string consentId, Instant revokedAt)
        => RevokeConsentCore(CheckContactId(contactId), CheckConsentId(consentId), revokedAt, EvidencePayloads.Revocation(contactId, consentId, revokedAt));

    /// <summary>
    /// Records a company opt-out ("do not call me", STOP) or a GDPR objection, with its evidence
    /// entry; durable, and seen by every process or node sharing the ledger, when this returns.
    /// </summary>
    /// <param name="contactId">The person.</param>
    /// <param name="optOut">The opt-out; of kind <see cref="OptOutKind.Company"/> or <see cref="OptOutKind.Objection"/>.</param>
    /// <exception cref="ArgumentException">The opt-out is a registry entry: those belong to a number, see <see cref="RecordRegistryEntry"/>.</exception>
    /// <exception cref="TimeoutException">The ledger did not answer within <see cref="ContactLedgerOptions.OperationTimeout"/>: the message says whether the opt-out may have been recorded (record it again when in doubt: a second record of the same opt-out changes no decision).</exception>
    public void RecordOptOut(string contactId, OptOut optOut)
    {
        CheckContactId(contactId);
        Preconditions.CheckNotNull(optOut, nameof(optOut));
        Preconditions.CheckArgument(
            optOut.Kind != OptOutKind.Registry,
            nameof(optOut),
            "A registry entry belongs to a number, not to a person: record it with RecordRegistryEntry(phoneNumber, entry).");
        RecordOptOutCore(contactId, optOut, EvidencePayloads.OptOut(contactId, optOut));
    }

    /// <summary>Records that a number is on a national registry (one entry per number, registry and registration instant).</summary>
    /// <param name="phoneNumber">The number, in E.164 form.</param>
    /// <param name="entry">The entry; of kind <see cref="OptOutKind.Registry"/> with its <see cref="OptOut.Registry"/>.</param>
    /// <exception cref="ArgumentException">The number is not E.164, or the entry is not a registry entry.</exception>
    /// <exception cref="TimeoutException">The ledger did not answer within <see cref="ContactLedgerOptions.OperationTimeout"/>: the message says whether the entry may have been recorded (recording it again is harmless).</exception>
    public void RecordRegistryEntry(string phoneNumber, OptOut entry)
    {
        Preconditions.CheckNotNull(phoneNumber, nameof(phoneNumber));
        Preconditions.CheckArgument(E164.IsValid(phoneNumber), nameof(phoneNumber), "A registry entry's number must be in E.164 form ('+' then 2 to 15 digits, no leading zero).");
        Preconditions.CheckNotNull(entry, nameof(entry));
        Preconditions.CheckArgument(
            entry.Kind == OptOutKind.Registry && entry.Registry is not null,
            nameof(entry),
            $"A registry entry has kind Registry and names its registry; got kind {entry.Kind}, registry {(entry.Registry is { } r ? r.ToString() : "none")}.");
        RecordRegistryEntryCore(phoneNumber, entry, entry.Registry!.Value);
    }

    /// <summary>Everything kept about one consent: record, proof and every use, oldest first.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consentId">The consent.</param>
    /// <returns>The evidence, or null when the person has no consent with that id.</returns>
    public ConsentEvidence? GetConsentEvidence(string contactId, string consentId)
        => GetConsentEvidenceCore(CheckContactId(contactId), CheckConsentId(consentId));

    /// <summary>Closes the ledger's connections and threads. What was written stays written.</summary>
    public abstract void Dispose();

    /// <summary>Reserves in one transaction; throws when the ledger fails or the deadline passes (nothing, or everything, recorded: see the message).</summary>
    internal ReservationResult Reserve(PendingReservation reservation) => ReserveCore(reservation);

    /// <summary>Reserves in one transaction, without holding a thread; see <see cref="Reserve"/>.</summary>
    internal Task<ReservationResult> ReserveAsync(PendingReservation reservation) => ReserveCoreAsync(reservation);

    /// <summary>The instant before which an uncompleted reservation no longer counts, in Unix ticks; <see cref="long.MinValue"/> when reservations count for good.</summary>
    internal long ReservationCutoffTicks() => Options.ReservationCutoff() is { } cutoff ? cutoff.ToUnixTimeTicks() : long.MinValue;

    /// <summary>Tells <see cref="StepReached"/>, when set, that a reservation reached <paramref name="step"/>.</summary>
    internal void Reached(ReservationStep step) => StepReached?.Invoke(step);

    internal abstract ContactSnapshot ReadCore(Contact contact);

    internal abstract Task<ContactSnapshot> ReadCoreAsync(Contact contact, CancellationToken cancellationToken);

    internal abstract IReadOnlyList<ContactSnapshot> ReadManyCore(IReadOnlyList<Contact> contacts);

    internal abstract ReservationResult ReserveCore(PendingReservation reservation);

    internal abstract Task<ReservationResult> ReserveCoreAsync(PendingReservation reservation);

    internal abstract void CompleteCore(string contactId, long attemptId, AttemptOutcome outcome);

    internal abstract Task CompleteCoreAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken);

    internal abstract long RecordCore(string contactId, ContactAttempt attempt);

    internal abstract void RecordConsentCore(string contactId, string consentId, ConsentRecord consent, ConsentProof proof, string evidence);

    internal abstract void RevokeConsentCore(string contactId, string consentId, Instant revokedAt, string evidence);

    internal abstract void RecordOptOutCore(string contactId, OptOut optOut, string evidence);

    internal abstract void RecordRegistryEntryCore(string phoneNumber, OptOut entry, ContactRegistry registry);

    internal abstract ConsentEvidence? GetConsentEvidenceCore(string contactId, string consentId);

    /// <summary>The message of a completion that found no open reservation, the same on every ledger.</summary>
    internal static InvalidOperationException NotOpen(string contactId, long attemptId, AttemptOutcome? completedAs)
        => completedAs is { } outcome
            ? new InvalidOperationException($"Attempt {attemptId} of contact {contactId} was already completed as {outcome}.")
            : new InvalidOperationException($"No attempt {attemptId} is recorded for contact {contactId}.");

    /// <summary>The message of a consent recorded twice, the same on every ledger.</summary>
    internal static InvalidOperationException DuplicateConsent(string contactId, string consentId)
        => new InvalidOperationException($"Contact {contactId} already has a consent with id '{consentId}'; a consent is recorded once, and revoked or superseded by a new id.");

    /// <summary>The message of an unknown consent, the same on every ledger.</summary>
    internal static InvalidOperationException UnknownConsent(string contactId, string consentId)
        => new InvalidOperationException($"Contact {contactId} has no consent with id '{consentId}'.");

    private static Contact CheckContact(Contact contact)
    {
        Preconditions.CheckNotNull(contact, nameof(contact));
        return contact;
    }

    private static string CheckContactId(string contactId) => Preconditions.CheckNotEmpty(contactId, nameof(contactId));

    private static string CheckConsentId(string consentId) => Preconditions.CheckNotEmpty(consentId, nameof(consentId));

    private static string CheckCompletion(string contactId, AttemptOutcome outcome)
    {
        CheckContactId(contactId);
        Preconditions.CheckArgument(outcome != AttemptOutcome.Reserved, nameof(outcome), "An attempt is completed with its real outcome, not Reserved.");
        return contactId;
    }
}
