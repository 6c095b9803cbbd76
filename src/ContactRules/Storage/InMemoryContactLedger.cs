using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// A ledger in this process's memory, for tests, tools and single-process services: the
/// <see cref="InMemoryContactHistoryStore"/> for attempts, plus consents, opt-outs, registry
/// entries and an evidence log, all lost when the process ends. Behaves like the durable ledgers
/// in every other respect (the same contract tests run against all of them).
/// </summary>
public sealed class InMemoryContactLedger : IContactLedger, IContactBulkReader
{
    private readonly InMemoryContactHistoryStore history = new InMemoryContactHistoryStore();
    private readonly ConcurrentDictionary<string, PersonFacts> people = new ConcurrentDictionary<string, PersonFacts>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<OptOut>> registries = new ConcurrentDictionary<string, ImmutableArray<OptOut>>(StringComparer.Ordinal);
    private readonly ContactLedgerOptions options;
    private readonly MemoryLog log;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="options">The phone-number key, clock and reservation expiry.</param>
    public InMemoryContactLedger(ContactLedgerOptions options)
    {
        this.options = Preconditions.CheckNotNull(options, nameof(options));
        log = new MemoryLog(options.Clock);
    }

    /// <inheritdoc />
    public IEvidenceLog Log => log;

    /// <inheritdoc />
    public PhoneNumberHasher PhoneNumbers => options.PhoneNumbers;

    /// <inheritdoc />
    public ContactHistory GetHistory(string contactId) => WithoutExpired(history.GetHistory(contactId));

    /// <inheritdoc />
    public ReservationResult Reserve(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide)
    {
        LedgerPreconditions.Reservation(contactId, reservation, decide);
        return history.Reserve(contactId, reservation, current => decide(WithoutExpired(current)));
    }

    /// <inheritdoc />
    public void Complete(string contactId, long attemptId, AttemptOutcome outcome) => history.Complete(contactId, attemptId, outcome);

    /// <inheritdoc />
    public long Record(string contactId, ContactAttempt attempt) => history.Record(contactId, attempt);

    /// <inheritdoc />
    public IReadOnlyList<ContactSnapshot> ReadMany(IReadOnlyList<Contact> contacts)
    {
        Preconditions.CheckNotNull(contacts, nameof(contacts));
        var snapshots = new ContactSnapshot[contacts.Count];
        for (var i = 0; i < snapshots.Length; i++)
        {
            var contact = contacts[i] ?? throw new ArgumentException($"contacts[{i}] is null.", nameof(contacts));
            snapshots[i] = new ContactSnapshot(contact, GetHistory(contact.Id), GetFacts(contact));
        }

        return snapshots;
    }

    /// <inheritdoc />
    public ContactFacts GetFacts(Contact contact)
    {
        Preconditions.CheckNotNull(contact, nameof(contact));
        var consents = ImmutableArray<ConsentRecord>.Empty;
        var optOuts = ImmutableArray<OptOut>.Empty;
        if (people.TryGetValue(contact.Id, out var person))
        {
            lock (person)
            {
                consents = person.Consents.Values.Select(c => c.Consent).ToImmutableArray();
                optOuts = person.OptOuts.ToImmutableArray();
            }
        }

        if (contact.PhoneNumber is { } number && registries.TryGetValue(number, out var entries))
        {
            optOuts = optOuts.AddRange(entries);
        }

        return consents.IsEmpty && optOuts.IsEmpty ? ContactFacts.None : new ContactFacts(consents, optOuts);
    }

    /// <inheritdoc />
    public void RecordConsent(string contactId, ConsentRecord consent, ConsentProof proof)
    {
        var id = LedgerPreconditions.Consent(contactId, consent, proof);
        var person = people.GetOrAdd(contactId, _ => new PersonFacts());
        lock (person)
        {
            if (person.Consents.ContainsKey(id))
            {
                throw new InvalidOperationException($"Contact {contactId} already has a consent with id '{id}'; a consent is recorded once, and revoked or superseded by a new id.");
            }

            person.Consents.Add(id, new StoredConsent(consent, proof, options.Clock.GetCurrentInstant()));
            log.Append(EvidenceKinds.Consent, EvidencePayloads.Consent(contactId, consent, proof, PhoneNumbers));
        }
    }

    /// <inheritdoc />
    public void RevokeConsent(string contactId, string consentId, Instant revokedAt)
    {
        LedgerPreconditions.ConsentReference(contactId, consentId);
        var stored = FindConsent(contactId, consentId, out var person);
        lock (person)
        {
            if (stored.Consent.RevokedAt is { } earlier && earlier <= revokedAt)
            {
                return;
            }

            stored.Consent = Revoked(stored.Consent, revokedAt);
            log.Append(EvidenceKinds.Revocation, EvidencePayloads.Revocation(contactId, consentId, revokedAt));
        }
    }

    /// <inheritdoc />
    public void RecordOptOut(string contactId, OptOut optOut)
    {
        LedgerPreconditions.OptOut(contactId, optOut);
        var person = people.GetOrAdd(contactId, _ => new PersonFacts());
        lock (person)
        {
            person.OptOuts.Add(optOut);
            log.Append(EvidenceKinds.OptOut, EvidencePayloads.OptOut(contactId, optOut));
        }
    }

    /// <inheritdoc />
    public void RecordRegistryEntry(string phoneNumber, OptOut entry)
    {
        LedgerPreconditions.RegistryEntry(phoneNumber, entry);
        // One entry per number, registry and registration instant, as in the durable ledgers: a
        // registry file imported twice does not double its entries.
        registries.AddOrUpdate(
            phoneNumber,
            _ => ImmutableArray.Create(entry),
            (_, existing) => existing.Any(e => e.Registry == entry.Registry && e.RequestedAt == entry.RequestedAt) ? existing : existing.Add(entry));
    }

    /// <inheritdoc />
    public void RecordConsentUses(string contactId, IReadOnlyCollection<ConsentUse> uses)
    {
        LedgerPreconditions.ConsentUses(contactId, uses);
        if (uses.Count == 0)
        {
            return;
        }

        var resolved = uses.Select(use => (use, stored: FindConsent(contactId, use.ConsentId, out _))).ToList();
        var person = people[contactId];
        lock (person)
        {
            foreach (var (use, stored) in resolved)
            {
                stored.Uses.Add(use);
            }
        }
    }

    /// <inheritdoc />
    public ConsentEvidence? GetConsentEvidence(string contactId, string consentId)
    {
        LedgerPreconditions.ConsentReference(contactId, consentId);
        if (!people.TryGetValue(contactId, out var person))
        {
            return null;
        }

        lock (person)
        {
            return person.Consents.TryGetValue(consentId, out var stored)
                ? new ConsentEvidence(contactId, stored.Consent, stored.Proof, stored.RecordedAt, stored.Uses.OrderBy(u => u.UsedAt).ToImmutableArray())
                : null;
        }
    }

    /// <inheritdoc />
    public Task<ContactHistory> GetHistoryAsync(string contactId, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => GetHistory(contactId), cancellationToken);

    /// <inheritdoc />
    public Task<ReservationResult> ReserveAsync(string contactId, ContactAttempt reservation, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => Reserve(contactId, reservation, decide), cancellationToken);

    /// <inheritdoc />
    public Task CompleteAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => Complete(contactId, attemptId, outcome), cancellationToken);

    /// <inheritdoc />
    public Task<ContactFacts> GetFactsAsync(Contact contact, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => GetFacts(contact), cancellationToken);

    /// <inheritdoc />
    public Task RecordConsentUsesAsync(string contactId, IReadOnlyCollection<ConsentUse> uses, CancellationToken cancellationToken = default)
        => CompletedTasks.Run(() => RecordConsentUses(contactId, uses), cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "in-memory contact ledger";

    private static ConsentRecord Revoked(ConsentRecord consent, Instant revokedAt)
        => new ConsentRecord(consent.GrantedAt)
        {
            Id = consent.Id,
            Channel = consent.Channel,
            Purpose = consent.Purpose,
            Entity = consent.Entity,
            ExpiresAt = consent.ExpiresAt,
            RevokedAt = revokedAt,
            OutsideHours = consent.OutsideHours,
            Slot = consent.Slot,
            Basis = consent.Basis,
        };

    private StoredConsent FindConsent(string contactId, string consentId, out PersonFacts person)
    {
        if (people.TryGetValue(contactId, out var found))
        {
            lock (found)
            {
                if (found.Consents.TryGetValue(consentId, out var stored))
                {
                    person = found;
                    return stored;
                }
            }
        }

        throw new InvalidOperationException($"Contact {contactId} has no consent with id '{consentId}'.");
    }

    private ContactHistory WithoutExpired(ContactHistory current)
    {
        if (options.ReservationCutoff() is not { } cutoff)
        {
            return current;
        }

        var attempts = current.Attempts;
        var expired = false;
        foreach (var attempt in attempts)
        {
            if (attempt.Outcome == AttemptOutcome.Reserved && attempt.At < cutoff)
            {
                expired = true;
                break;
            }
        }

        if (!expired)
        {
            return current;
        }

        var kept = new List<ContactAttempt>(attempts.Length);
        foreach (var attempt in attempts)
        {
            if (attempt.Outcome != AttemptOutcome.Reserved || attempt.At >= cutoff)
            {
                kept.Add(attempt);
            }
        }

        return ContactHistory.Create(kept);
    }

    private sealed class PersonFacts
    {
        public Dictionary<string, StoredConsent> Consents { get; } = new Dictionary<string, StoredConsent>(StringComparer.Ordinal);

        public List<OptOut> OptOuts { get; } = new List<OptOut>();
    }

    private sealed class StoredConsent
    {
        public StoredConsent(ConsentRecord consent, ConsentProof proof, Instant recordedAt)
        {
            Consent = consent;
            Proof = proof;
            RecordedAt = recordedAt;
        }

        public ConsentRecord Consent { get; set; }

        public ConsentProof Proof { get; }

        public Instant RecordedAt { get; }

        public List<ConsentUse> Uses { get; } = new List<ConsentUse>();
    }

    private sealed class MemoryLog : IEvidenceLog
    {
        private readonly List<EvidenceLogEntry> entries = new List<EvidenceLogEntry>();
        private readonly IClock clock;
        private LogHead head = LogHead.Empty;

        public MemoryLog(IClock clock)
        {
            this.clock = clock;
        }

        public EvidenceLogEntry Append(string kind, string payload)
        {
            lock (entries)
            {
                var entry = EvidenceChain.Next(head, clock.GetCurrentInstant(), kind, payload);
                entries.Add(entry);
                head = new LogHead(entry.Sequence, entry.Hash);
                return entry;
            }
        }

        public Task<EvidenceLogEntry> AppendAsync(string kind, string payload, CancellationToken cancellationToken = default)
            => CompletedTasks.Run(() => Append(kind, payload), cancellationToken);

        public LogHead GetHead()
        {
            lock (entries)
            {
                return head;
            }
        }

        public IReadOnlyList<EvidenceLogEntry> Read(long fromSequence, int maxCount)
        {
            Preconditions.CheckPositive(maxCount, nameof(maxCount));
            lock (entries)
            {
                return entries.Where(e => e.Sequence >= fromSequence).Take(maxCount).ToList();
            }
        }

        public LogVerification Verify()
        {
            List<EvidenceLogEntry> snapshot;
            LogHead recorded;
            lock (entries)
            {
                snapshot = entries.ToList();
                recorded = head;
            }

            return EvidenceChain.Verify(snapshot, recorded);
        }
    }
}
