using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Tests.Gate;

/// <summary>A ledger every operation of which fails with the exception given: the store the gate must fail closed on.</summary>
internal sealed class FailingLedger : ContactLedger
{
    private readonly Func<Exception> failure;
    private readonly InMemoryContactLedger inner = new InMemoryContactLedger();

    internal FailingLedger(Func<Exception> failure)
        : base(new ContactLedgerOptions(new PhoneNumberHasher(new byte[32])))
    {
        this.failure = failure;
    }

    public override IEvidenceLog Log => inner.Log;

    public override void Dispose()
    {
    }

    internal override ContactSnapshot ReadCore(Contact contact) => throw failure();

    internal override Task<ContactSnapshot> ReadCoreAsync(Contact contact, CancellationToken cancellationToken) => Task.FromException<ContactSnapshot>(failure());

    internal override IReadOnlyList<ContactSnapshot> ReadManyCore(IReadOnlyList<Contact> contacts) => throw failure();

    internal override ReservationResult ReserveCore(PendingReservation reservation) => throw failure();

    internal override Task<ReservationResult> ReserveCoreAsync(PendingReservation reservation) => Task.FromException<ReservationResult>(failure());

    internal override void CompleteCore(string contactId, long attemptId, AttemptOutcome outcome) => throw failure();

    internal override Task CompleteCoreAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken) => Task.FromException(failure());

    internal override long RecordCore(string contactId, ContactAttempt attempt) => throw failure();

    internal override void RecordConsentCore(string contactId, string consentId, ConsentRecord consent, ConsentProof proof, string evidence) => throw failure();

    internal override void RevokeConsentCore(string contactId, string consentId, Instant revokedAt, string evidence) => throw failure();

    internal override void RecordOptOutCore(string contactId, OptOut optOut, string evidence) => throw failure();

    internal override void RecordRegistryEntryCore(string phoneNumber, OptOut entry, ContactRegistry registry) => throw failure();

    internal override ConsentEvidence? GetConsentEvidenceCore(string contactId, string consentId) => throw failure();
}
