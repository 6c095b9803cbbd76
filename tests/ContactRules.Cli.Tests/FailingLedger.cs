using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Cli.Tests;

/// <summary>
/// A ledger whose reads fail for one person (a lost connection, a locked file) and find nothing
/// for the others; every write fails, so that a test sees at once if a scrub tried one.
/// </summary>
internal sealed class FailingLedger : IContactLedger
{
    private readonly string failingId;

    internal FailingLedger(string failingId)
    {
        this.failingId = failingId;
    }

    public IEvidenceLog Log => throw Write();

    public PhoneNumberHasher PhoneNumbers { get; } = new(new byte[32]);

    public ContactHistory GetHistory(string contactId) => contactId == failingId ? throw new IOException("the connection to the ledger was lost") : ContactHistory.Empty;

    public ContactFacts GetFacts(Contact contact) => contact.Id == failingId ? throw new IOException("the connection to the ledger was lost") : ContactFacts.None;

    public Task<ContactHistory> GetHistoryAsync(string contactId, CancellationToken cancellationToken = default) => Task.FromResult(GetHistory(contactId));

    public Task<ContactFacts> GetFactsAsync(Contact contact, CancellationToken cancellationToken = default) => Task.FromResult(GetFacts(contact));

    public Task<ReservationResult> ReserveAsync(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken = default) => throw Write();

    public Task CompleteAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken = default) => throw Write();

    public Task RecordConsentUsesAsync(string contactId, IReadOnlyCollection<ConsentUse> uses, CancellationToken cancellationToken = default) => throw Write();

    public ReservationResult Reserve(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide) => throw Write();

    public void Complete(string contactId, long attemptId, AttemptOutcome outcome) => throw Write();

    public long Record(string contactId, ContactAttempt attempt) => throw Write();

    public void RecordConsent(string contactId, ConsentRecord consent, ConsentProof proof) => throw Write();

    public void RevokeConsent(string contactId, string consentId, Instant revokedAt) => throw Write();

    public void RecordOptOut(string contactId, OptOut optOut) => throw Write();

    public void RecordRegistryEntry(string phoneNumber, OptOut entry) => throw Write();

    public void RecordConsentUses(string contactId, IReadOnlyCollection<ConsentUse> uses) => throw Write();

    public ConsentEvidence? GetConsentEvidence(string contactId, string consentId) => throw Write();

    private static InvalidOperationException Write() => new("scrub must not write to the ledger");
}
