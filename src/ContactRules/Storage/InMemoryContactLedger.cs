using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// A ledger in this process's memory, for tests, tools and one process that may forget
/// everything at exit: attempts, consents, opt-outs, registry entries and the evidence log, with
/// the guarantees of the durable ledgers in every other respect (the same contract tests run
/// against all of them). Each person's state is changed under a lock of their own; an attempt
/// history read is an immutable snapshot, so reads take no lock on the history itself.
/// </summary>
public sealed class InMemoryContactLedger : ContactLedger
{
    private readonly ConcurrentDictionary<string, Person> people = new ConcurrentDictionary<string, Person>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<OptOut>> registries = new ConcurrentDictionary<string, ImmutableArray<OptOut>>(StringComparer.Ordinal);
    private readonly MemoryLog log;
    private long lastId;

    /// <summary>
    /// Creates an empty ledger on the system clock, whose phone-number key is drawn at random
    /// (nothing outlives the process, so no hash has to match one made elsewhere).
    /// </summary>
    public InMemoryContactLedger()
        : this(new ContactLedgerOptions(new PhoneNumberHasher(RandomKey())))
    {
    }

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="options">The phone-number key, clock and reservation expiry.</param>
    public InMemoryContactLedger(ContactLedgerOptions options)
        : base(options)
    {
        log = new MemoryLog(options.Clock);
    }

    /// <inheritdoc />
    public override IEvidenceLog Log => log;

    /// <summary>Nothing to close: the ledger lives as long as the object.</summary>
    public override void Dispose()
    {
    }

    /// <inheritdoc />
    public override string ToString() => "in-memory contact ledger";

    internal override ContactSnapshot ReadCore(Contact contact)
    {
        var history = ContactHistory.Empty;
        var facts = ContactFacts.None;
        if (people.TryGetValue(contact.Id, out var person))
        {
            lock (person)
            {
                history = WithoutExpired(person.Attempts.History);
                facts = person.Facts();
            }
        }

        if (contact.PhoneNumber is { } number && registries.TryGetValue(number, out var entries))
        {
            facts = new ContactFacts(facts.Consents, facts.OptOuts.AddRange(entries));
        }

        return new ContactSnapshot(contact, history, facts);
    }

    internal override Task<ContactSnapshot> ReadCoreAsync(Contact contact, CancellationToken cancellationToken)
        => CompletedTasks.Run(() => ReadCore(contact), cancellationToken);

    internal override IReadOnlyList<ContactSnapshot> ReadManyCore(IReadOnlyList<Contact> contacts)
    {
        var snapshots = new ContactSnapshot[contacts.Count];
        for (var i = 0; i < snapshots.Length; i++)
        {
            snapshots[i] = ReadCore(contacts[i]);
        }

        return snapshots;
    }

    internal override ReservationResult ReserveCore(PendingReservation reservation)
    {
        reservation.CancellationToken.ThrowIfCancellationRequested();
        var person = people.GetOrAdd(reservation.ContactId, _ => new Person());
        lock (person)
        {
            Reached(ReservationStep.Locked);
            var verdict = reservation.Decide(ReadCore(reservation.Contact));
            Reached(ReservationStep.Decided);

            // Everything is worked out before anything changes, so that a failure changes nothing.
            long? id = verdict.IsAllowed ? Interlocked.Increment(ref lastId) : null;
            var used = verdict.ConsentUses.Select(consentId => person.Consents.TryGetValue(consentId, out var stored) ? stored : throw UnknownConsent(reservation.ContactId, consentId)).ToList();
            var evidence = verdict.Evidence(id);
            log.Append(EvidenceKinds.Decision, evidence);
            if (id is { } attemptId)
            {
                person.Attempts = person.Attempts.Insert(reservation.Attempt, attemptId);
                foreach (var stored in used)
                {
                    stored.Uses.Add(new ConsentUse(stored.Consent.Id!, reservation.Attempt.At, attemptId));
                }
            }

            Reached(ReservationStep.Committed);
            return new ReservationResult(verdict, id);
        }
    }

    internal override Task<ReservationResult> ReserveCoreAsync(PendingReservation reservation)
        => CompletedTasks.Run(() => ReserveCore(reservation), reservation.CancellationToken);

    internal override void CompleteCore(string contactId, long attemptId, AttemptOutcome outcome)
    {
        if (!people.TryGetValue(contactId, out var person))
        {
            throw NotOpen(contactId, attemptId, null);
        }

        lock (person)
        {
            person.Attempts = person.Attempts.Complete(attemptId, outcome, contactId);
        }
    }

    internal override Task CompleteCoreAsync(string contactId, long attemptId, AttemptOutcome outcome, CancellationToken cancellationToken)
        => CompletedTasks.Run(() => CompleteCore(contactId, attemptId, outcome), cancellationToken);

    internal override long RecordCore(string contactId, ContactAttempt attempt)
    {
        var person = people.GetOrAdd(contactId, _ => new Person());
        lock (person)
        {
            var id = Interlocked.Increment(ref lastId);
            person.Attempts = person.Attempts.Insert(attempt, id);
            return id;
        }
    }

    internal override void RecordConsentCore(string contactId, string consentId, ConsentRecord consent, ConsentProof proof, string evidence)
    {
        var person = people.GetOrAdd(contactId, _ => new Person());
        lock (person)
        {
            if (person.Consents.ContainsKey(consentId))
            {
                throw DuplicateConsent(contactId, consentId);
            }

            log.Append(EvidenceKinds.Consent, evidence);
            person.Consents.Add(consentId, new StoredConsent(consent, proof, Clock.GetCurrentInstant()));
        }
    }

    internal override void RevokeConsentCore(string contactId, string consentId, Instant revokedAt, string evidence)
    {
        var person = people.TryGetValue(contactId, out var found) ? found : throw UnknownConsent(contactId, consentId);
        lock (person)
        {
            var stored = person.Consents.TryGetValue(consentId, out var consent) ? consent : throw UnknownConsent(contactId, consentId);
            if (stored.Consent.RevokedAt is { } earlier && earlier <= revokedAt)
            {
                return;
            }

            log.Append(EvidenceKinds.Revocation, evidence);
            stored.Consent = Revoked(stored.Consent, revokedAt);
        }
    }

    internal override void RecordOptOutCore(string contactId, OptOut optOut, string evidence)
    {
        var person = people.GetOrAdd(contactId, _ => new Person());
        lock (person)
        {
            log.Append(EvidenceKinds.OptOut, evidence);
            person.OptOuts.Add(optOut);
        }
    }

    internal override void RecordRegistryEntryCore(string phoneNumber, OptOut entry, ContactRegistry registry)
        // One entry per number, registry and registration instant, as in the durable ledgers: a
        // registry file imported twice does not double its entries.
        => registries.AddOrUpdate(
            phoneNumber,
            _ => ImmutableArray.Create(entry),
            (_, existing) => existing.Any(e => e.Registry == registry && e.RequestedAt == entry.RequestedAt) ? existing : existing.Add(entry));

    internal override ConsentEvidence? GetConsentEvidenceCore(string contactId, string consentId)
    {
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

    private static byte[] RandomKey()
    {
        var key = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(key);
        }

        return key;
    }

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

    private ContactHistory WithoutExpired(ContactHistory current)
    {
        if (Options.ReservationCutoff() is not { } cutoff)
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

    /// <summary>One person's state; every change is made under a lock on it.</summary>
    private sealed class Person
    {
        public AttemptList Attempts { get; set; } = AttemptList.Empty;

        public Dictionary<string, StoredConsent> Consents { get; } = new Dictionary<string, StoredConsent>(StringComparer.Ordinal);

        public List<OptOut> OptOuts { get; } = new List<OptOut>();

        public ContactFacts Facts()
            => Consents.Count == 0 && OptOuts.Count == 0
                ? ContactFacts.None
                : new ContactFacts(Consents.Values.Select(c => c.Consent).ToImmutableArray(), OptOuts.ToImmutableArray());
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

    /// <summary>A person's attempts and their ids, sorted by instant; replaced, never changed, on every write.</summary>
    private sealed class AttemptList
    {
        public static readonly AttemptList Empty = new AttemptList(Array.Empty<ContactAttempt>(), Array.Empty<long>());

        private readonly ContactAttempt[] attempts;
        private readonly long[] ids;

        private AttemptList(ContactAttempt[] attempts, long[] ids)
        {
            this.attempts = attempts;
            this.ids = ids;
            History = ContactHistory.FromSortedUnsafe(attempts, attempts.Length);
        }

        public ContactHistory History { get; }

        public AttemptList Insert(ContactAttempt attempt, long id)
        {
            // After every attempt at the same or an earlier instant: ties keep arrival order.
            var index = History.FirstIndexAfter(attempt.At);
            var newAttempts = new ContactAttempt[attempts.Length + 1];
            var newIds = new long[ids.Length + 1];
            Array.Copy(attempts, 0, newAttempts, 0, index);
            Array.Copy(ids, 0, newIds, 0, index);
            newAttempts[index] = attempt;
            newIds[index] = id;
            Array.Copy(attempts, index, newAttempts, index + 1, attempts.Length - index);
            Array.Copy(ids, index, newIds, index + 1, ids.Length - index);
            return new AttemptList(newAttempts, newIds);
        }

        public AttemptList Complete(long id, AttemptOutcome outcome, string contactId)
        {
            var index = Array.IndexOf(ids, id);
            if (index < 0 || attempts[index].Outcome != AttemptOutcome.Reserved)
            {
                throw NotOpen(contactId, id, index < 0 ? null : attempts[index].Outcome);
            }

            var newAttempts = (ContactAttempt[])attempts.Clone();
            newAttempts[index] = attempts[index].WithOutcome(outcome);
            return new AttemptList(newAttempts, ids);
        }
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

        public void Append(string kind, string payload)
        {
            lock (entries)
            {
                var entry = EvidenceChain.Next(head, clock.GetCurrentInstant(), kind, payload);
                entries.Add(entry);
                head = new LogHead(entry.Sequence, entry.Hash);
            }
        }

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
