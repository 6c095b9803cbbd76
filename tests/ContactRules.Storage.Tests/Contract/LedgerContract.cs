using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Jurisdictions;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.Contract;

/// <summary>
/// What every ledger promises, run against the in-memory, SQLite and PostgreSQL ledgers alike.
/// Expected values come from the law (docs/regulations.md) and the counting conventions
/// (docs/conventions.md), never from a ledger's own output.
/// </summary>
public abstract partial class LedgerContract : IDisposable
{
    protected FakeClock Clock { get; } = ClockAtTuesday();

    /// <summary>Opens a new, empty ledger for this test, on <see cref="Clock"/>.</summary>
    protected abstract ContactLedger Open(Duration? reservationExpiry = null);

    /// <summary>Opens another instance on the storage of the last <see cref="Open"/>: another process or dialer node.</summary>
    protected abstract ContactLedger OpenAnotherNode();

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void An_unknown_person_has_no_history_and_no_facts()
    {
        var ledger = Open();
        Assert.Equal(0, History(ledger, "nobody").Count);
        Assert.True(ledger.Read(Person("nobody")).Facts.IsEmpty);
        Assert.Null(ledger.GetConsentEvidence("nobody", "k-1"));
    }

    [Fact]
    public void Recorded_attempts_come_back_oldest_first_with_every_field()
    {
        var ledger = Open();
        var later = new ContactAttempt(Instant.FromUtc(2026, 3, 9, 15, 0, 0).PlusNanoseconds(1200), AttemptOutcome.Conversation, ContactChannel.Sms, ContactPurpose.DebtCollection) { Subject = "debt-7", Caller = "acme" };
        var earlier = new ContactAttempt(Instant.FromUtc(2026, 3, 2, 9, 0, 0), AttemptOutcome.NotConnected);
        var first = ledger.Record("c-1", later);
        var second = ledger.Record("c-1", earlier);
        ledger.Record("c-2", earlier);

        Assert.NotEqual(first, second);
        var history = History(ledger, "c-1").Attempts.ToArray();
        Assert.Equal(new[] { earlier, later }, history);
    }

    [Fact]
    public void An_allowed_reservation_is_recorded_as_reserved_and_a_refused_one_is_not()
    {
        var ledger = Open();
        var reservation = new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved) { Caller = "acme" };
        var allowed = Reservations.Reserve(ledger, "c-1", reservation, _ => ContactDecision.Allowed);
        var refused = Reservations.Reserve(ledger, "c-1", reservation, _ => Refusal());

        Assert.NotNull(allowed.AttemptId);
        Assert.Null(refused.AttemptId);
        Assert.False(refused.Decision.IsAllowed);
        Assert.Equal(new[] { reservation }, History(ledger, "c-1").Attempts.ToArray());
    }

    [Fact]
    public void Reserve_decides_on_the_history_recorded_before_it()
    {
        var ledger = Open();
        var past = new ContactAttempt(Instant.FromUtc(2026, 3, 3, 9, 0, 0), AttemptOutcome.Busy);
        ledger.Record("c-1", past);
        ContactAttempt[]? seen = null;
        Reservations.Reserve(ledger, "c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), history =>
        {
            seen = history.Attempts.ToArray();
            return ContactDecision.Allowed;
        });

        Assert.Equal(new[] { past }, seen);
    }

    [Fact]
    public void A_reservation_is_completed_once_with_its_real_outcome()
    {
        var ledger = Open();
        var id = Reservations.Reserve(ledger, "c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ => ContactDecision.Allowed).AttemptId!.Value;

        Assert.Throws<ArgumentException>(() => ledger.Complete("c-1", id, AttemptOutcome.Reserved));
        ledger.Complete("c-1", id, AttemptOutcome.Voicemail);
        Assert.Equal(AttemptOutcome.Voicemail, Assert.Single(History(ledger, "c-1").Attempts.ToArray()).Outcome);
        var twice = Assert.Throws<InvalidOperationException>(() => ledger.Complete("c-1", id, AttemptOutcome.NoAnswer));
        Assert.Contains("already completed", twice.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ledger.Complete("c-2", id, AttemptOutcome.NoAnswer));
        Assert.Throws<InvalidOperationException>(() => ledger.Complete("c-1", id + 1000, AttemptOutcome.NoAnswer));
    }

    [Fact]
    public void The_gate_allows_four_calls_and_refuses_the_fifth_until_the_first_leaves_the_30_day_window()
    {
        var gate = new ContactGate(FranceRules.Pack, Clock, Open());
        var request = Call(Person());
        for (var i = 0; i < 4; i++)
        {
            Assert.True(gate.TryReserve(request, out var permit));
            permit!.Complete(AttemptOutcome.NoAnswer);
            Clock.AdvanceMinutes(10);
        }

        Assert.False(gate.TryReserve(request, out _, out var decision));
        // D223-9: at most 4 attempts in 30 calendar days. The four attempts fall on 10 March
        // 2026; the window of 9 April (11 March - 9 April) holds none, and 9 April, a Thursday
        // and no holiday, opens at 10:00.
        Assert.Equal("FR-FREQ-01", Assert.Single(decision.Violations).RuleId);
        Assert.Equal(ParisTime("2026-04-09 10:00"), decision.NextPermittedAt);
    }

    [Fact]
    public void A_reservation_never_completed_counts_for_good_by_default()
    {
        var gate = new ContactGate(FranceRules.Pack, Clock, Open());
        var request = Call(Person());
        for (var i = 0; i < 4; i++)
        {
            Assert.True(gate.TryReserve(request, out _));
        }

        // The dialer crashed: nothing is completed. Later the same day the four still count.
        Clock.AdvanceHours(5);
        Assert.False(gate.TryReserve(request, out _, out var decision));
        Assert.Equal("FR-FREQ-01", Assert.Single(decision.Violations).RuleId);
    }

    [Fact]
    public void A_reservation_never_completed_stops_counting_after_the_expiry_set()
    {
        var gate = new ContactGate(FranceRules.Pack, Clock, Open(reservationExpiry: Duration.FromHours(2)));
        var request = Call(Person());
        var permits = new List<ContactPermit>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(gate.TryReserve(request, out var permit));
            permits.Add(permit!);
        }

        permits[0].Complete(AttemptOutcome.NoAnswer);
        Assert.False(gate.TryReserve(request, out _));

        // 10:30 + 2 h 1 min = 12:31, still within the hours: three reservations have expired;
        // the completed attempt still counts, so three more calls fit under the cap of four.
        Clock.AdvanceMinutes(121);
        Assert.True(gate.TryReserve(request, out _));
        Assert.True(gate.TryReserve(request, out _));
        Assert.True(gate.TryReserve(request, out _));
        Assert.False(gate.TryReserve(request, out _));
    }

    [Fact]
    public void A_consent_is_kept_with_its_proof_and_returned_with_the_facts()
    {
        var ledger = Open();
        var consent = new ConsentRecord(Instant.FromUtc(2026, 1, 5, 12, 0, 0))
        {
            Id = "k-1",
            Channel = ContactChannel.Voice,
            Purpose = ContactPurpose.Marketing,
            Entity = "acme",
            ExpiresAt = Instant.FromUtc(2027, 1, 5, 12, 0, 0),
            OutsideHours = true,
        };
        ledger.RecordConsent("c-1", consent, Proof());

        var stored = Assert.Single(ledger.Read(Person()).Facts.Consents);
        AssertSameConsent(consent, stored);
        var evidence = ledger.GetConsentEvidence("c-1", "k-1")!;
        AssertSameConsent(consent, evidence.Consent);
        Assert.Equal("web-form", evidence.Proof.CaptureMethod);
        Assert.Equal("Yes, acme may call me about its offers.", evidence.Proof.TextShown);
        Assert.Equal("form-2026-01", evidence.Proof.TextVersion);
        Assert.Equal(new[] { "s3://evidence/c-1/page.png", "ip:203.0.113.7" }, evidence.Proof.EvidenceReferences.ToArray());
        Assert.Equal(Number, evidence.Proof.PhoneNumber);
        Assert.Equal("acme", evidence.Proof.CollectedBy);
        Assert.Equal(Tuesday1030, evidence.RecordedAt);
        Assert.Empty(evidence.Uses);

        Assert.Throws<InvalidOperationException>(() => ledger.RecordConsent("c-1", consent, Proof()));
        Assert.Throws<ArgumentException>(() => ledger.RecordConsent("c-1", new ConsentRecord(Tuesday1030), Proof()));
    }

    [Fact]
    public void A_slot_consent_and_a_soft_opt_in_come_back_with_their_slot_and_basis_read_alone_and_in_bulk()
    {
        var ledger = Open();
        var slot = new ConsentRecord(Instant.FromUtc(2026, 9, 1, 8, 0, 0))
        {
            Id = "slot-1",
            Channel = ContactChannel.Voice,
            Purpose = ContactPurpose.Marketing,
            Entity = "acme",
            Slot = new Interval(Instant.FromUtc(2026, 9, 5, 17, 0, 0), Instant.FromUtc(2026, 9, 5, 17, 30, 0)),
        };
        var softOptIn = new ConsentRecord(Instant.FromUtc(2026, 9, 2, 8, 0, 0))
        {
            Id = "soft-1",
            Channel = ContactChannel.Sms,
            Purpose = ContactPurpose.Marketing,
            Entity = "acme",
            Basis = ConsentBasis.SoftOptIn,
        };
        ledger.RecordConsent("c-1", slot, Proof());
        ledger.RecordConsent("c-1", softOptIn, Proof());

        var stored = ledger.Read(Person()).Facts.Consents.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        AssertSameConsent(slot, stored[0]);
        AssertSameConsent(softOptIn, stored[1]);
        AssertSameConsent(slot, ledger.GetConsentEvidence("c-1", "slot-1")!.Consent);
        var bulk = ledger.ReadMany(new[] { Person() })[0].Facts.Consents.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        AssertSameConsent(slot, bulk[0]);
        AssertSameConsent(softOptIn, bulk[1]);
    }

    [Fact]
    public void A_revocation_is_kept_and_an_earlier_one_is_not_overwritten()
    {
        var ledger = Open();
        ledger.RecordConsent("c-1", new ConsentRecord(Instant.FromUtc(2026, 1, 5, 12, 0, 0)) { Id = "k-1" }, Proof());
        var revoked = Instant.FromUtc(2026, 2, 1, 8, 0, 0);
        ledger.RevokeConsent("c-1", "k-1", revoked);
        ledger.RevokeConsent("c-1", "k-1", revoked + Duration.FromDays(3));

        Assert.Equal(revoked, Assert.Single(ledger.Read(Person()).Facts.Consents).RevokedAt);
        Assert.Throws<InvalidOperationException>(() => ledger.RevokeConsent("c-1", "k-404", revoked));
    }

    [Fact]
    public void An_opt_out_recorded_on_one_node_stops_the_next_call_from_another()
    {
        var nodeA = Open();
        var nodeB = OpenAnotherNode();
        var gateB = new ContactGate(FactsPolicy, Clock, nodeB);
        var request = Call(Person());
        Assert.True(gateB.TryReserve(request, out _));

        nodeA.RecordOptOut("c-1", new OptOut(OptOutKind.Company, Tuesday1030));
        Clock.AdvanceMinutes(1);

        Assert.False(gateB.TryReserve(request, out _, out var decision));
        // A company opt-out takes effect at once and waiting never lifts it (conventions.md).
        Assert.Equal("UK-IDNC-01", Assert.Single(decision.Violations).RuleId);
        Assert.Null(decision.NextPermittedAt);
        Assert.False(gateB.Check(request).IsAllowed);
    }

    [Fact]
    public void A_registry_entry_of_the_number_protects_it_from_its_legal_delay()
    {
        var ledger = Open();
        var gate = new ContactGate(FactsPolicy, Clock, ledger);
        // Registered with Bloctel on 20 February 2026 at 09:00 UTC, no date stated by the
        // operator: protected from registration + 30 days = 22 March 09:00 UTC.
        ledger.RecordRegistryEntry(Number, new OptOut(OptOutKind.Registry, Instant.FromUtc(2026, 2, 20, 9, 0, 0)) { Registry = ContactRegistry.Bloctel });
        // The same registry file imported twice: still one entry.
        ledger.RecordRegistryEntry(Number, new OptOut(OptOutKind.Registry, Instant.FromUtc(2026, 2, 20, 9, 0, 0)) { Registry = ContactRegistry.Bloctel });
        Assert.Equal(ContactRegistry.Bloctel, Assert.Single(ledger.Read(Person()).Facts.OptOuts).Registry);

        Assert.True(gate.Check(Call(Person())).IsAllowed);
        var refused = gate.Check(Call(Person()), Instant.FromUtc(2026, 3, 23, 10, 0, 0));
        Assert.Equal("FR-LIST-01", Assert.Single(refused.Violations).RuleId);
        Assert.True(gate.Check(Call(Person("c-2", "+33699999999")), Instant.FromUtc(2026, 3, 23, 10, 0, 0)).IsAllowed);
        Assert.Throws<ArgumentException>(() => ledger.RecordRegistryEntry("0612345678", new OptOut(OptOutKind.Registry, Tuesday1030) { Registry = ContactRegistry.Bloctel }));
        Assert.Throws<ArgumentException>(() => ledger.RecordOptOut("c-1", new OptOut(OptOutKind.Registry, Tuesday1030) { Registry = ContactRegistry.Bloctel }));
    }

    [Fact]
    public void The_facts_on_the_request_still_count_next_to_the_stored_ones()
    {
        var gate = new ContactGate(FactsPolicy, Clock, Open());
        var request = new ContactRequest(Person()) { Caller = "acme", OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Objection, Tuesday1030 - Duration.FromDays(1))) };

        Assert.Equal("EU-OBJ-01", Assert.Single(gate.Check(request).Violations).RuleId);
    }

    [Fact]
    public void Every_allowed_reservation_that_relied_on_a_consent_records_its_use()
    {
        var ledger = Open();
        var gate = new ContactGate(ConsentPolicy, Clock, ledger);
        ledger.RecordConsent("c-1", new ConsentRecord(Instant.FromUtc(2026, 1, 5, 12, 0, 0)) { Id = "k-1", Channel = ContactChannel.Voice }, Proof());
        ledger.RecordConsent("c-1", new ConsentRecord(Instant.FromUtc(2026, 1, 5, 12, 0, 0)) { Id = "k-sms", Channel = ContactChannel.Sms }, Proof());

        Assert.True(gate.TryReserve(Call(Person()), out var first));
        Clock.AdvanceDays(2);
        Assert.True(gate.TryReserve(Call(Person()), out var second));
        ledger.RevokeConsent("c-1", "k-1", Clock.GetCurrentInstant());
        Clock.AdvanceMinutes(1);
        Assert.False(gate.TryReserve(Call(Person()), out _));

        var evidence = ledger.GetConsentEvidence("c-1", "k-1")!;
        Assert.Equal(new[] { (Tuesday1030, first!.AttemptId), (Tuesday1030 + Duration.FromDays(2), second!.AttemptId) }, evidence.Uses.Select(u => (u.UsedAt, u.AttemptId!.Value)).ToArray());
        // UWG § 7a: the proof is kept 5 years from the grant and after each use; the revocation came last.
        Assert.Equal(Tuesday1030 + Duration.FromDays(2), evidence.LastUsedAt);
        Assert.Equal(Tuesday1030 + Duration.FromDays(2), evidence.RetentionAnchor);
        Assert.Empty(ledger.GetConsentEvidence("c-1", "k-sms")!.Uses);
    }

    [Fact]
    public void The_log_chains_consent_events_and_decisions_without_a_raw_number()
    {
        var ledger = Open();
        var gate = new ContactGate(FactsPolicy, Clock, ledger);
        ledger.RecordConsent("c-1", new ConsentRecord(Instant.FromUtc(2026, 1, 5, 12, 0, 0)) { Id = "k-1" }, Proof());
        Assert.True(gate.TryReserve(Call(Person()), out _));
        ledger.RevokeConsent("c-1", "k-1", Tuesday1030);
        ledger.RecordOptOut("c-1", new OptOut(OptOutKind.Company, Tuesday1030));
        Assert.False(gate.TryReserve(Call(Person()), out _));

        var entries = ledger.Log.Read(1, 100);
        Assert.Equal(new[] { "consent", "decision", "revocation", "opt-out", "decision" }, entries.Select(e => e.Kind).ToArray());
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, entries.Select(e => e.Sequence).ToArray());
        Assert.Equal(EvidenceChain.GenesisHash, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        }

        var hash = Hasher.Hash(Number);
        Assert.Contains(hash, entries[0].Payload, StringComparison.Ordinal);
        Assert.Contains(hash, entries[1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"allowed\":true", entries[1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"rules\":[\"UK-IDNC-01\"]", entries[4].Payload, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain("612345678", e.Payload, StringComparison.Ordinal));
        Assert.Equal(new LogHead(5, entries[4].Hash).ToString(), ledger.Log.GetHead().ToString());
        Assert.True(ledger.Log.Verify().IsIntact);
    }

    [Fact]
    public void Many_threads_never_take_more_than_the_cap_for_one_person()
    {
        var ledger = Open();
        var gate = new ContactGate(FranceRules.Pack, Clock, ledger);
        var granted = 0;
        System.Threading.Tasks.Parallel.For(0, 40, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 8 }, index =>
        {
            if (gate.TryReserve(Call(Person()), out _))
            {
                System.Threading.Interlocked.Increment(ref granted);
            }
        });

        // D223-9: 4 attempts in 30 days, whoever places them.
        Assert.Equal(4, granted);
        Assert.Equal(4, History(ledger, "c-1").Count);
    }

    [Fact]
    public void Evidence_written_from_many_threads_on_two_nodes_forms_one_intact_chain()
    {
        var nodes = new[] { Open(), OpenAnotherNode() };
        System.Threading.Tasks.Parallel.For(0, 8, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < 25; i++)
            {
                var node = nodes[thread % 2];
                var person = "c-" + thread.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture);
                if (i % 2 == 0)
                {
                    Reservations.Reserve(node, person, new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ => ContactDecision.Allowed);
                }
                else
                {
                    node.RecordOptOut(person, new OptOut(OptOutKind.Company, Tuesday1030));
                }
            }
        });

        Assert.Equal(200, nodes[0].Log.GetHead().Sequence);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), nodes[1].Log.Read(1, 500).Select(e => e.Sequence));
        Assert.Equal(104, nodes[1].Log.Read(1, 500).Count(e => e.Kind == "decision"));
        Assert.True(nodes[1].Log.Verify().IsIntact);
    }

    [Fact]
    public async Task A_reservation_whose_evidence_cannot_be_written_records_nothing_and_the_others_go_through()
    {
        var ledger = Open();
        var tasks = Enumerable.Range(0, 20).Select(i => Reservations.ReserveAsync(
            ledger,
            "c-" + i.ToString(CultureInfo.InvariantCulture),
            new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved),
            _ => ContactDecision.Allowed,
            evidence: id => i == 7 ? throw new System.IO.IOException("the log cannot be written") : "{\"attempt\":" + id!.Value.ToString(CultureInfo.InvariantCulture) + "}")).ToList();

        var failure = await Assert.ThrowsAsync<System.IO.IOException>(() => tasks[7]);
        Assert.Equal("the log cannot be written", failure.Message);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (i != 7)
            {
                Assert.NotNull((await tasks[i]).AttemptId);
            }
        }

        // One reservation, one transaction: without its entry, c-7 has no attempt either.
        Assert.Equal(0, History(ledger, "c-7").Count);
        Assert.Equal(19, ledger.Log.GetHead().Sequence);
        Assert.True(ledger.Log.Verify().IsIntact);
    }

    [Fact]
    public void A_failing_write_among_concurrent_ones_fails_alone()
    {
        var ledger = Open();
        var duplicates = 0;
        var reserved = 0;
        System.Threading.Tasks.Parallel.For(0, 16, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 16 }, thread =>
        {
            try
            {
                // Sixteen threads record the same consent: one succeeds, fifteen are told it exists.
                ledger.RecordConsent("c-1", new ConsentRecord(Tuesday1030) { Id = "k-1" }, Proof());
            }
            catch (InvalidOperationException)
            {
                System.Threading.Interlocked.Increment(ref duplicates);
            }

            // A revocation of a consent that does not exist fails, and takes nothing else with it.
            Assert.Throws<InvalidOperationException>(() => ledger.RevokeConsent("c-" + thread, "k-404", Tuesday1030));
            if (Reservations.Reserve(ledger, "c-" + thread, new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ => ContactDecision.Allowed).AttemptId is not null)
            {
                System.Threading.Interlocked.Increment(ref reserved);
            }
        });

        Assert.Equal(15, duplicates);
        Assert.Equal(16, reserved);
        Assert.Single(ledger.Read(Person()).Facts.Consents);
        Assert.Empty(ledger.GetConsentEvidence("c-1", "k-1")!.Uses);
        // The consent's entry and the sixteen decisions.
        Assert.Equal(17, ledger.Log.GetHead().Sequence);
    }

    [Fact]
    public void A_reservation_completed_after_its_expiry_counts_again_with_its_outcome()
    {
        var ledger = Open(reservationExpiry: Duration.FromHours(2));
        var id = Reservations.Reserve(ledger, "c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ => ContactDecision.Allowed).AttemptId!.Value;
        Clock.AdvanceHours(3);
        Assert.Equal(0, History(ledger, "c-1").Count);

        // The dialer was only slow: the call happened, and it counts.
        ledger.Complete("c-1", id, AttemptOutcome.Conversation);
        Assert.Equal(AttemptOutcome.Conversation, Assert.Single(History(ledger, "c-1").Attempts.ToArray()).Outcome);
    }

    [Fact]
    public async Task Async_the_gate_allows_four_calls_and_refuses_the_fifth_until_the_first_leaves_the_30_day_window()
    {
        var ledger = Open();
        var gate = new ContactGate(FranceRules.Pack, Clock, ledger);
        var request = Call(Person());
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await gate.CheckAsync(request)).IsAllowed);
            var reservation = await gate.TryReserveAsync(request);
            Assert.True(reservation.IsReserved);
            Assert.True(reservation.Decision.IsAllowed);
            await reservation.Permit.CompleteAsync(AttemptOutcome.NoAnswer);
            Assert.True(reservation.Permit.IsCompleted);
            Clock.AdvanceMinutes(10);
        }

        var refused = await gate.TryReserveAsync(request);
        Assert.False(refused.IsReserved);
        // D223-9: at most 4 attempts in 30 calendar days, all four on 10 March 2026; the window of
        // 9 April (11 March - 9 April) holds none, and 9 April, a Thursday, opens at 10:00.
        Assert.Equal("FR-FREQ-01", Assert.Single(refused.Decision.Violations).RuleId);
        Assert.Equal(ParisTime("2026-04-09 10:00"), refused.Decision.NextPermittedAt);
        Assert.Equal("FR-FREQ-01", Assert.Single((await gate.CheckAsync(request)).Violations).RuleId);
        var history = (await ledger.ReadAsync(Person())).History;
        Assert.Equal(Enumerable.Repeat(AttemptOutcome.NoAnswer, 4), history.Attempts.ToArray().Select(a => a.Outcome));
        // Every TryReserveAsync decision is in the log, as on the synchronous path.
        Assert.Equal(5, ledger.Log.GetHead().Sequence);
        Assert.True(ledger.Log.Verify().IsIntact);
    }

    [Fact]
    public async Task Async_a_cancelled_reservation_records_nothing_and_is_neither_a_refusal_nor_an_allowance()
    {
        var ledger = Open();
        var gate = new ContactGate(FranceRules.Pack, Clock, ledger);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.TryReserveAsync(Call(Person()), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.CheckAsync(Call(Person()), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reservations.ReserveAsync(ledger, "c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ => ContactDecision.Allowed, cancelled.Token));

        Assert.Equal(0, History(ledger, "c-1").Count);
        Assert.Equal(0, ledger.Log.GetHead().Sequence);
        // The four calls of D223-9 are all still there to take.
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await gate.TryReserveAsync(Call(Person()))).IsReserved);
        }
    }

    [Fact]
    public async Task Async_a_cancelled_completion_writes_nothing_and_the_permit_can_be_completed_again()
    {
        var ledger = Open();
        var gate = new ContactGate(FranceRules.Pack, Clock, ledger);
        var reservation = await gate.TryReserveAsync(Call(Person()));
        Assert.True(reservation.IsReserved);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reservation.Permit.CompleteAsync(AttemptOutcome.Conversation, cancelled.Token));
        Assert.False(reservation.Permit.IsCompleted);
        Assert.Equal(AttemptOutcome.Reserved, Assert.Single(History(ledger, "c-1").Attempts.ToArray()).Outcome);

        await reservation.Permit.CompleteAsync(AttemptOutcome.Conversation);
        Assert.Equal(AttemptOutcome.Conversation, Assert.Single(History(ledger, "c-1").Attempts.ToArray()).Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reservation.Permit.CompleteAsync(AttemptOutcome.NoAnswer));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.CompleteAsync("c-1", reservation.Permit.AttemptId, AttemptOutcome.NoAnswer));
    }

    [Fact]
    public async Task Async_the_stored_facts_and_consent_uses_are_read_and_written_as_on_the_synchronous_path()
    {
        var ledger = Open();
        var gate = new ContactGate(ConsentPolicy, Clock, ledger);
        ledger.RecordConsent("c-1", new ConsentRecord(Instant.FromUtc(2026, 1, 5, 12, 0, 0)) { Id = "k-1", Channel = ContactChannel.Voice }, Proof());

        Assert.Equal("k-1", Assert.Single((await ledger.ReadAsync(Person())).Facts.Consents).Id);
        var reservation = await gate.TryReserveAsync(Call(Person()));
        Assert.True(reservation.IsReserved);
        // UWG § 7(2) Nr. 1: the call relied on k-1, so its use is kept with the attempt.
        var use = Assert.Single(ledger.GetConsentEvidence("c-1", "k-1")!.Uses);
        Assert.Equal((Tuesday1030, (long?)reservation.Permit.AttemptId), (use.UsedAt, use.AttemptId));

        // The consent withdrawn: the stored revocation reaches the asynchronous check at once.
        ledger.RevokeConsent("c-1", "k-1", Tuesday1030);
        Clock.AdvanceMinutes(1);
        Assert.Equal("DE-CONS-01", Assert.Single((await gate.CheckAsync(Call(Person()))).Violations).RuleId);
    }

    [Fact]
    public async Task Async_many_concurrent_reservers_never_take_more_than_the_cap_for_one_person()
    {
        var ledger = Open();
        var gate = new ContactGate(FranceRules.Pack, Clock, ledger);
        var reservations = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => gate.TryReserveAsync(Call(Person())))));

        // D223-9: 4 attempts in 30 days, whoever places them.
        Assert.Equal(4, reservations.Count(r => r.IsReserved));
        Assert.All(reservations.Where(r => !r.IsReserved), r => Assert.Equal("FR-FREQ-01", Assert.Single(r.Decision.Violations).RuleId));
        Assert.Equal(4, History(ledger, "c-1").Count);
    }

    [Fact]
    public async Task Async_a_decision_that_throws_among_concurrent_reservations_fails_alone()
    {
        var ledger = Open();
        var tasks = Enumerable.Range(0, 20).Select(i => Reservations.ReserveAsync(ledger, 
            "c-" + i.ToString(CultureInfo.InvariantCulture),
            new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved),
            _ => i == 7 ? throw new InvalidOperationException("decision failed for c-7") : ContactDecision.Allowed)).ToList();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => tasks[7]);
        Assert.Equal("decision failed for c-7", failure.Message);
        var ids = new HashSet<long>();
        for (var i = 0; i < tasks.Count; i++)
        {
            if (i != 7)
            {
                Assert.True(ids.Add((await tasks[i]).AttemptId!.Value));
                Assert.Equal(1, History(ledger, "c-" + i.ToString(CultureInfo.InvariantCulture)).Count);
            }
        }

        Assert.Equal(0, History(ledger, "c-7").Count);
    }

    [Fact]
    public async Task Async_two_concurrent_completions_of_one_reservation_record_one_outcome_and_refuse_the_other()
    {
        var ledger = Open();
        var id = (await Reservations.ReserveAsync(ledger, "c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ => ContactDecision.Allowed)).AttemptId!.Value;
        var refused = ledger.CompleteAsync("c-1", id, AttemptOutcome.Refused);
        var answered = ledger.CompleteAsync("c-1", id, AttemptOutcome.Conversation);
        var outcomes = new List<AttemptOutcome>();
        var failures = 0;
        foreach (var (task, outcome) in new[] { (refused, AttemptOutcome.Refused), (answered, AttemptOutcome.Conversation) })
        {
            try
            {
                await task;
                outcomes.Add(outcome);
            }
            catch (InvalidOperationException failure)
            {
                Assert.Contains("already completed", failure.Message, StringComparison.Ordinal);
                failures++;
            }
        }

        Assert.Equal(1, failures);
        Assert.Equal(Assert.Single(outcomes), Assert.Single(History(ledger, "c-1").Attempts.ToArray()).Outcome);
    }

    [Fact]
    public async Task Async_reservations_of_one_person_queued_together_each_see_the_ones_before_them()
    {
        var ledger = Open();
        // Queued at once, so that they share batches where the store batches: each decision
        // sees every reservation allowed before it, whether committed or in its own batch.
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Reservations.ReserveAsync(ledger, 
            "c-1",
            new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved),
            history =>
            {
                seen.Add(history.Count);
                return history.Count < 4 ? ContactDecision.Allowed : Refusal();
            })));

        Assert.Equal(4, results.Count(r => r.AttemptId is not null));
        Assert.Equal(4, results.Select(r => r.AttemptId).Where(id => id is not null).Distinct().Count());
        // Decisions are serialised per person: the allowed ones saw 0, 1, 2 and 3 earlier reservations.
        Assert.Equal(new[] { 0, 1, 2, 3 }, seen.Where(c => c < 4).OrderBy(c => c).ToArray());
        Assert.All(seen.Where(c => c >= 4), c => Assert.Equal(4, c));
        Assert.Equal(4, History(ledger, "c-1").Count);
    }

    [Fact]
    public async Task Async_concurrent_facts_reads_each_get_their_own_person_s_facts()
    {
        var ledger = Open();
        // Every third person opted out, every fifth consented; the others have nothing stored.
        for (var i = 0; i < 40; i++)
        {
            var id = "c-" + i.ToString(CultureInfo.InvariantCulture);
            if (i % 3 == 0)
            {
                ledger.RecordOptOut(id, new OptOut(OptOutKind.Company, Tuesday1030) { Entity = "e-" + id });
            }

            if (i % 5 == 0)
            {
                ledger.RecordConsent(id, new ConsentRecord(Tuesday1030) { Id = "k-" + id }, Proof());
            }
        }

        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i => (await ledger.ReadAsync(Person("c-" + i.ToString(CultureInfo.InvariantCulture), "+3361234" + (5000 + i).ToString(CultureInfo.InvariantCulture)))).Facts));

        for (var i = 0; i < 40; i++)
        {
            var id = "c-" + i.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(i % 3 == 0 ? new[] { "e-" + id } : Array.Empty<string>(), reads[i].OptOuts.Select(o => o.Entity).ToArray());
            Assert.Equal(i % 5 == 0 ? new[] { "k-" + id } : Array.Empty<string>(), reads[i].Consents.Select(c => c.Id).ToArray());
        }
    }

    [Fact]
    public void Many_people_read_together_get_what_each_gets_read_alone()
    {
        var ledger = Open(reservationExpiry: Duration.FromHours(2));
        var reader = ledger;

        // c-1: a reservation left open 3 hours ago (expired, it no longer counts), a refused call,
        // a consent, a company opt-out, and a Bloctel entry on their number.
        Reservations.Reserve(ledger, "c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ => ContactDecision.Allowed);
        Clock.AdvanceHours(3);
        ledger.Record("c-1", new ContactAttempt(Clock.GetCurrentInstant(), AttemptOutcome.Refused) { Caller = "acme", Subject = "retention" });
        ledger.RecordConsent("c-1", new ConsentRecord(Tuesday1030) { Id = "k-1", Channel = ContactChannel.Voice, Entity = "Telco SA" }, Proof());
        ledger.RecordOptOut("c-1", new OptOut(OptOutKind.Company, Tuesday1030) { Entity = "Telco SA" });
        ledger.RecordRegistryEntry(Number, new OptOut(OptOutKind.Registry, Instant.FromUtc(2026, 2, 20, 9, 0, 0)) { Registry = ContactRegistry.Bloctel });
        // 300 more people with one call each: more than one query's worth on every store.
        // An id with every character a query could trip on: quotes, a backslash, a tab, a newline, accents.
        const string Odd = "o'dd \"id\" \\ \t\n é-ü";
        ledger.Record(Odd, new ContactAttempt(Tuesday1030, AttemptOutcome.Voicemail));
        var contacts = new List<Contact> { Person("c-1"), Person("c-2", "+33698765432"), Person("c-1"), Person("nobody", null), Person(Odd, "+33698765431") };
        for (var i = 0; i < 300; i++)
        {
            var id = "p-" + i.ToString(CultureInfo.InvariantCulture);
            ledger.Record(id, new ContactAttempt(Tuesday1030 + Duration.FromMinutes(i), AttemptOutcome.NoAnswer));
            contacts.Add(Person(id, "+336" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture)));
        }

        var snapshots = reader.ReadMany(contacts);

        Assert.Equal(contacts.Count, snapshots.Count);
        for (var i = 0; i < contacts.Count; i++)
        {
            Assert.Same(contacts[i], snapshots[i].Contact);
            Assert.Equal(Describe(History(ledger, contacts[i].Id)), Describe(snapshots[i].History));
            Assert.Equal(Describe(ledger.Read(contacts[i]).Facts), Describe(snapshots[i].Facts));
        }

        // And what was recorded, worked out by hand: the expired reservation is gone.
        Assert.Equal("Refused acme retention", Describe(snapshots[0].History));
        Assert.Equal("consent k-1 Voice Telco SA; Company Telco SA; Registry Bloctel", Describe(snapshots[0].Facts));
        Assert.Equal(string.Empty, Describe(snapshots[1].History) + Describe(snapshots[1].Facts) + Describe(snapshots[3].History) + Describe(snapshots[3].Facts));
        Assert.Equal("Voicemail  ", Describe(snapshots[4].History));
        Assert.Equal("NoAnswer  ", Describe(snapshots[5 + 299].History));
        Assert.Equal(Tuesday1030 + Duration.FromMinutes(299), snapshots[5 + 299].History.Attempts[0].At);
    }

    [Fact]
    public void Blocks_read_one_after_another_each_get_what_their_people_get_read_alone()
    {
        var ledger = Open();

        // c-1 called twice (recorded out of order) with an opt-out; the Bloctel entry is on a
        // number that c-9, who has nothing of their own, also has; c-2 has only a consent.
        ledger.Record("c-1", new ContactAttempt(Tuesday1030 + Duration.FromHours(1), AttemptOutcome.NoAnswer) { Caller = "later" });
        ledger.Record("c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Refused) { Caller = "earlier" });
        ledger.RecordOptOut("c-1", new OptOut(OptOutKind.Company, Tuesday1030) { Entity = "Telco SA" });
        ledger.RecordRegistryEntry(Number, new OptOut(OptOutKind.Registry, Instant.FromUtc(2026, 2, 20, 9, 0, 0)) { Registry = ContactRegistry.Bloctel });
        ledger.RecordConsent("c-2", new ConsentRecord(Tuesday1030) { Id = "k-2", Channel = ContactChannel.Voice }, Proof());

        var blocks = new[]
        {
            new[] { Person("c-1"), Person("nobody", "+33698765430"), Person("c-2", "+33698765432") },

            // The people of the first block in other places, with other numbers: nothing of the
            // first block's reading may be left over in the second's.
            new[] { Person("nobody", null), Person("c-9"), Person("c-1", "+33698765433"), Person("c-2", null), Person("c-1") },
            new[] { Person("other", "+33698765434") },
        };

        foreach (var block in blocks)
        {
            var snapshots = ledger.ReadMany(block);
            Assert.Equal(block.Length, snapshots.Count);
            for (var i = 0; i < block.Length; i++)
            {
                var alone = ledger.Read(block[i]);
                Assert.Same(block[i], snapshots[i].Contact);
                Assert.Equal(Describe(alone.History), Describe(snapshots[i].History));
                Assert.Equal(Describe(alone.Facts), Describe(snapshots[i].Facts));
            }
        }

        // Worked out by hand: c-1's attempts by instant, their Bloctel entry only with their number.
        var second = ledger.ReadMany(blocks[1]);
        Assert.Equal("Refused earlier ; NoAnswer later ", Describe(second[4].History));
        Assert.Equal("Company Telco SA; Registry Bloctel", Describe(second[4].Facts));
        Assert.Equal("Company Telco SA", Describe(second[2].Facts));
        Assert.Equal("Registry Bloctel", Describe(second[1].Facts));
        Assert.Equal(0, second[1].History.Count);
        Assert.Equal("consent k-2 Voice ", Describe(second[3].Facts));
        Assert.True(second[0].Facts.IsEmpty);
    }

    private static string Describe(ContactHistory history)
        => string.Join("; ", history.Attempts.ToArray().Select(a => $"{a.Outcome} {a.Caller} {a.Subject}"));

    private static string Describe(ContactFacts facts)
        => string.Join("; ", facts.Consents.Select(c => $"consent {c.Id} {c.Channel} {c.Entity}").Concat(facts.OptOuts.Select(o => $"{o.Kind} {o.Entity}{o.Registry}")));

    protected static ContactDecision Refusal()
        => ContactDecision.Refuse(ImmutableArray.Create(new RuleViolation("FR-FREQ-01", RuleKind.Frequency, FranceRules.D223_9, "test refusal", null)), null);

    private static void AssertSameConsent(ConsentRecord expected, ConsentRecord actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.GrantedAt, actual.GrantedAt);
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
        Assert.Equal(expected.RevokedAt, actual.RevokedAt);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.Purpose, actual.Purpose);
        Assert.Equal(expected.Entity, actual.Entity);
        Assert.Equal(expected.OutsideHours, actual.OutsideHours);
        Assert.Equal(expected.Slot, actual.Slot);
        Assert.Equal(expected.Basis, actual.Basis);
    }
}
