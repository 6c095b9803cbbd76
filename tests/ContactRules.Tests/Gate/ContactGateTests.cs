using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using ContactRules.Jurisdictions;
using ContactRules.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Tests.Gate;

public class ContactGateTests
{
    private static ContactGate Gate(FakeClock clock, ContactLedger? ledger = null)
        => new ContactGate(FranceRules.Pack, clock, ledger ?? new InMemoryContactLedger());

    private static ContactHistory History(ContactLedger ledger, string contactId) => ledger.Read(new Contact(contactId)).History;

    [Fact]
    public void Reservations_count_from_the_moment_they_are_taken()
    {
        // Four reservations on four March weekdays are allowed; the fifth within 30 days is refused.
        var clock = new FakeClock(ParisTime("2026-03-02 10:30"));
        var gate = Gate(clock);
        var request = Call(Person(Paris));
        foreach (var day in new[] { "2026-03-02", "2026-03-05", "2026-03-10", "2026-03-20" })
        {
            clock.Reset(ParisTime(day + " 10:30"));
            Assert.True(gate.TryReserve(request, out var permit, out var decision), decision.ToString());
            Assert.False(permit.IsCompleted);
        }

        clock.Reset(ParisTime("2026-03-27 11:00"));
        Assert.False(gate.TryReserve(request, out var refused, out var refusal));
        Assert.Null(refused);
        Assert.Equal("FR-FREQ-01", Assert.Single(refusal.Violations).RuleId);
        Assert.Equal(Utc("2026-04-01T08:00:00Z"), refusal.NextPermittedAt);
        Assert.False(gate.Check(request).IsAllowed);
    }

    [Fact]
    public void Completing_a_permit_records_its_outcome_once()
    {
        var clock = new FakeClock(ParisTime("2026-03-10 10:30"));
        var store = new InMemoryContactLedger();
        var gate = Gate(clock, store);
        Assert.True(gate.TryReserve(Call(Person(Paris)), out var permit));
        Assert.Equal(AttemptOutcome.Reserved, Assert.Single(History(store, "c-1").Attempts.ToArray()).Outcome);

        permit.Complete(AttemptOutcome.Refused);
        Assert.True(permit.IsCompleted);
        Assert.Equal(AttemptOutcome.Refused, Assert.Single(History(store, "c-1").Attempts.ToArray()).Outcome);
        Assert.Throws<InvalidOperationException>(() => permit.Complete(AttemptOutcome.Conversation));
        Assert.Throws<ArgumentException>(() => permit.Complete(AttemptOutcome.Reserved));

        // The refusal now blocks the next call: FR-COOL-01.
        clock.Reset(ParisTime("2026-03-11 10:30"));
        Assert.Equal("FR-COOL-01", Assert.Single(gate.Check(Call(Person(Paris))).Violations).RuleId);
    }

    [Fact]
    public void A_refused_reservation_records_nothing()
    {
        var store = new InMemoryContactLedger();
        var gate = Gate(new FakeClock(ParisTime("2026-03-14 11:00")), store); // Saturday
        Assert.False(gate.TryReserve(Call(Person(Paris)), out _));
        Assert.Equal(0, History(store, "c-1").Count);
    }

    [Fact]
    public void Concurrent_reservers_never_take_more_than_the_cap_together()
    {
        var clock = new FakeClock(ParisTime("2026-03-10 10:30"));
        var gate = Gate(clock);
        var granted = new ConcurrentBag<ContactPermit>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (gate.TryReserve(Call(Person(Paris)), out var permit))
            {
                granted.Add(permit);
            }
        });
        Assert.Equal(4, granted.Count);
        Assert.Equal(4, granted.Select(p => p.AttemptId).Distinct().Count());
    }

    [Fact]
    public void The_gate_fails_closed_when_the_store_fails()
    {
        var gate = Gate(new FakeClock(ParisTime("2026-03-10 10:30")), new FailingLedger(() => new System.IO.IOException("disk on fire")));
        var check = gate.Check(Call(Person(Paris)));
        Assert.False(check.IsAllowed);
        var violation = Assert.Single(check.Violations);
        Assert.Equal(CoreRules.StoreUnavailableId, violation.RuleId);
        Assert.Equal(RuleKind.Store, violation.Kind);
        Assert.Contains("disk on fire", violation.Reason, StringComparison.Ordinal);

        Assert.False(gate.TryReserve(Call(Person(Paris)), out var permit, out var decision));
        Assert.Null(permit);
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(decision.Violations).RuleId);
    }

    [Fact]
    public async Task The_asynchronous_gate_fails_closed_when_the_store_fails()
    {
        var gate = Gate(new FakeClock(ParisTime("2026-03-10 10:30")), new FailingLedger(() => new System.IO.IOException("disk on fire")));
        var check = await gate.CheckAsync(Call(Person(Paris)));
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(check.Violations).RuleId);
        Assert.Contains("disk on fire", check.Violations[0].Reason, StringComparison.Ordinal);

        var reservation = await gate.TryReserveAsync(Call(Person(Paris)));
        Assert.False(reservation.IsReserved);
        Assert.Null(reservation.Permit);
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(reservation.Decision.Violations).RuleId);
    }

    [Fact]
    public async Task A_store_cancelling_on_its_own_is_a_failure_but_the_callers_cancellation_goes_through()
    {
        // The store throws OperationCanceledException while the caller's token is not cancelled
        // (a timeout of its own): the gate cannot know, so it refuses.
        var gate = Gate(new FakeClock(ParisTime("2026-03-10 10:30")), new FailingLedger(() => new OperationCanceledException()));
        var reservation = await gate.TryReserveAsync(Call(Person(Paris)));
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(reservation.Decision.Violations).RuleId);
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single((await gate.CheckAsync(Call(Person(Paris)))).Violations).RuleId);

        // The caller's own cancellation is neither a refusal nor an allowance.
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.TryReserveAsync(Call(Person(Paris)), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.CheckAsync(Call(Person(Paris)), cancelled.Token));
    }

    [Fact]
    public void Check_uses_the_clock_and_an_explicit_instant_when_given()
    {
        var clock = new FakeClock(ParisTime("2026-03-14 11:00")); // Saturday
        var gate = Gate(clock);
        Assert.False(gate.Check(Call(Person(Paris))).IsAllowed);
        Assert.True(gate.Check(Call(Person(Paris)), ParisTime("2026-03-16 11:00")).IsAllowed);
    }

    [Fact]
    public void Recorded_history_is_kept_sorted_whatever_the_order_of_recording()
    {
        var store = new InMemoryContactLedger();
        store.Record("c-1", Attempt(ParisTime("2026-03-10 10:30")));
        store.Record("c-1", Attempt(ParisTime("2026-03-02 10:30")));
        store.Record("c-1", Attempt(ParisTime("2026-03-05 10:30")));
        var instants = History(store, "c-1").Attempts.ToArray().Select(a => a.At).ToArray();
        Assert.Equal(instants.OrderBy(i => i), instants);
        Assert.Throws<InvalidOperationException>(() => store.Complete("c-1", 999, AttemptOutcome.Busy));
    }
}
