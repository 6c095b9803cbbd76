using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Cli.Tests;

/// <summary>
/// A ledger whose reads fail when they include one person (a lost connection, a locked file) and
/// find nothing for the others; every write fails, so that a test sees at once if a scrub tried one.
/// </summary>
internal sealed class FailingLedger : ContactLedger
{
    private readonly string failingId;

    internal FailingLedger(string failingId)
        : base(new ContactLedgerOptions(new PhoneNumberHasher(new byte[32])))
    {
        this.failingId = failingId;
    }

    public override IEvidenceLog Log => throw Write();

    public override void Dispose()
    {
    }

    internal override ContactSnapshot ReadCore(Contact contact) => ReadManyCore(new[] { contact })[0];

    internal override Task<ContactSnapshot> ReadCoreAsync(Contact contact, CancellationToken cancellationToken) => Task.FromResult(ReadCore(contact));

    internal override IReadOnlyList<ContactSnapshot> ReadManyCore(IReadOnlyList<Contact> contacts)
        => contacts.Any(c => c.Id == failingId)
            ? throw new IOException("the connection to the ledger was lost")
            : contacts.Select(c => new ContactSnapshot(c, ContactHistory.Empty, ContactFacts.None)).ToList();

    internal override ReservationResult ReserveCore(PendingReservation reservation) => throw Write();

    internal override Task<ReservationResult> ReserveCoreAsync(PendingReservation reservation) => throw Write();

    internal override void CompleteCore(string contactId, long attemptId, AttemptOutcome outcome) => throw Write();

    internal override Task CompleteCoreAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken) => throw Write();

    internal override long RecordCore(string contactId, ContactAttempt attempt) => throw Write();

    internal override void RecordConsentCore(string contactId, string consentId, ConsentRecord consent, ConsentProof proof, string evidence) => throw Write();

    internal override void RevokeConsentCore(string contactId, string consentId, Instant revokedAt, string evidence) => throw Write();

    internal override void RecordOptOutCore(string contactId, OptOut optOut, string evidence) => throw Write();

    internal override void RecordRegistryEntryCore(string phoneNumber, OptOut entry, ContactRegistry registry) => throw Write();

    internal override ConsentEvidence? GetConsentEvidenceCore(string contactId, string consentId) => throw Write();

    private static InvalidOperationException Write() => new("scrub must not write to the ledger");
}
