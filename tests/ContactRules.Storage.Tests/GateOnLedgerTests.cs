using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using ContactRules.Tests.Gate;
using NodaTime;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests;

/// <summary>How the gate uses a ledger: stored facts merged into the request, evidence kept, failures refused.</summary>
public sealed class GateOnLedgerTests
{
    /// <summary>A ledger that cannot be read (a disk gone); it has nothing to write either.</summary>
    private static FailingLedger UnreadableLedger() => new FailingLedger(() => new System.IO.IOException("disk gone"));

    [Fact]
    public void Every_property_of_the_request_reaches_the_rules_when_stored_facts_are_added()
    {
        var capture = new CapturingRule();
        var ledger = new InMemoryContactLedger(new ContactLedgerOptions(Hasher) { Clock = ClockAtTuesday() });
        ledger.RecordOptOut("c-1", new OptOut(OptOutKind.Company, Tuesday1030) { Entity = "other-company" });
        var gate = new ContactGate(new ContactPolicy("capture", new ContactRule[] { capture }), ClockAtTuesday(), ledger);

        var request = new ContactRequest(Person(), ContactChannel.Sms, ContactPurpose.DebtCollection);
        var properties = typeof(ContactRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        foreach (var property in properties)
        {
            property.SetValue(request, Sample(property));
        }

        gate.Check(request);
        var seen = capture.Seen!;
        Assert.NotSame(request, seen);
        Assert.Equal(request.Contact, seen.Contact);
        Assert.Equal(request.Channel, seen.Channel);
        Assert.Equal(request.Purpose, seen.Purpose);
        foreach (var property in properties)
        {
            if (property.Name == nameof(ContactRequest.OptOuts))
            {
                // The request's own opt-out, then the stored one.
                Assert.Equal(new[] { Tuesday1030 - Duration.FromDays(9), Tuesday1030 }, seen.OptOuts.Select(o => o.RequestedAt).ToArray());
            }
            else
            {
                Assert.Equal(property.GetValue(request), property.GetValue(seen));
            }
        }
    }

    [Fact]
    public void Facts_that_cannot_be_read_refuse_the_check_and_the_reservation()
    {
        var ledger = UnreadableLedger();
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);

        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(gate.Check(Call(Person())).Violations).RuleId);
        Assert.False(gate.TryReserve(Call(Person()), out _, out var decision));
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(decision.Violations).RuleId);
        Assert.Contains("disk gone", decision.Violations[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_that_cannot_be_read_is_refused_row_by_row_and_never_allowed()
    {
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), UnreadableLedger());

        var decisions = gate.CheckMany(new[] { Call(Person("c-1")), Call(Person("c-2")), Call(Person("c-3")) }, Tuesday1030);

        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(d.Violations).RuleId));
    }

    [Fact]
    public void A_snapshot_of_another_person_is_refused_and_the_stored_facts_count()
    {
        var optedOut = new ContactFacts(ImmutableArray<ConsentRecord>.Empty, ImmutableArray.Create(new OptOut(OptOutKind.Company, Tuesday1030 - Duration.FromDays(1))));
        var gate = new ContactGate(FactsPolicy, ClockAtTuesday(), new InMemoryContactLedger(new ContactLedgerOptions(Hasher) { Clock = ClockAtTuesday() }));

        // Never decide one person on another's history and facts.
        var wrong = gate.Check(Call(Person("c-1")), Tuesday1030, new ContactSnapshot(Person("c-2"), ContactHistory.Empty, ContactFacts.None));
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(wrong.Violations).RuleId);

        // UK-IDNC-01 on the snapshot's company opt-out.
        var snapshot = new ContactSnapshot(Person("c-1"), ContactHistory.Empty, optedOut);
        Assert.Equal("UK-IDNC-01", Assert.Single(gate.Check(Call(Person("c-1")), Tuesday1030, snapshot).Violations).RuleId);
    }

    [Fact]
    public void Checking_many_decides_each_request_as_checking_it_alone_does()
    {
        var clock = ClockAtTuesday();
        var ledger = new InMemoryContactLedger(new ContactLedgerOptions(Hasher) { Clock = clock });
        // Monday 23 March 2026, 11:00 in Paris: inside the D223-9 hours.
        var at = Instant.FromUtc(2026, 3, 23, 10, 0, 0);
        // c-1's number has been on Bloctel since 22 March 09:00 UTC (registration + 30 days).
        ledger.RecordRegistryEntry(Number, new OptOut(OptOutKind.Registry, Instant.FromUtc(2026, 2, 20, 9, 0, 0)) { Registry = ContactRegistry.Bloctel });
        ledger.RecordOptOut("c-2", new OptOut(OptOutKind.Company, Tuesday1030));
        // c-3: four calls on 16-19 March, inside the 30 days before the 23rd.
        for (var day = 16; day <= 19; day++)
        {
            ledger.Record("c-3", new ContactAttempt(Instant.FromUtc(2026, 3, day, 9, 30, 0), AttemptOutcome.NoAnswer));
        }

        var gate = new ContactGate(FactsPolicy, clock, ledger);
        var requests = new[]
        {
            Call(Person("c-1")), Call(Person("c-2", "+33699999999")), Call(Person("c-3", "+33699999998")), Call(Person("c-4", "+33699999997")), Call(Person("c-1")),
        };

        var decisions = gate.CheckMany(requests, at);

        Assert.Equal(new[] { "FR-LIST-01", "UK-IDNC-01", "FR-FREQ-01", "", "FR-LIST-01" }, decisions.Select(d => string.Join(",", d.Violations.Select(v => v.RuleId))).ToArray());
        for (var i = 0; i < requests.Length; i++)
        {
            var alone = gate.Check(requests[i], at);
            Assert.Equal(alone.IsAllowed, decisions[i].IsAllowed);
            Assert.Equal(alone.NextPermittedAt, decisions[i].NextPermittedAt);
            Assert.Equal(alone.Violations.Select(v => v.RuleId), decisions[i].Violations.Select(v => v.RuleId));
        }
    }

    [Fact]
    public void A_policy_without_consent_rules_records_no_consent_use()
    {
        var ledger = new InMemoryContactLedger(new ContactLedgerOptions(Hasher) { Clock = ClockAtTuesday() });
        ledger.RecordConsent("c-1", new ConsentRecord(Tuesday1030 - Duration.FromDays(30)) { Id = "k-1" }, Proof());
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);

        // During the D223-9 hours the French pack allows without relying on the consent.
        Assert.True(gate.TryReserve(Call(Person()), out _));
        Assert.Empty(ledger.GetConsentEvidence("c-1", "k-1")!.Uses);
    }

    [Fact]
    public void An_out_of_hours_consent_is_used_only_by_the_calls_it_made_possible()
    {
        var clock = ClockAtTuesday();
        var ledger = new InMemoryContactLedger(new ContactLedgerOptions(Hasher) { Clock = clock });
        ledger.RecordConsent("c-1", new ConsentRecord(Tuesday1030 - Duration.FromDays(30)) { Id = "k-evenings", OutsideHours = true }, Proof());
        var gate = new ContactGate(FranceRules.Pack, clock, ledger);

        // Tuesday 10:30 is within the D223-9 hours: allowed without the consent, no use.
        Assert.True(gate.TryReserve(Call(Person()), out _));
        // Tuesday 21:00 is outside them (10-13, 14-20): allowed only through the consent.
        clock.Reset(ParisTime("2026-03-10 21:00"));
        Assert.True(gate.TryReserve(Call(Person()), out var evening));

        var use = Assert.Single(ledger.GetConsentEvidence("c-1", "k-evenings")!.Uses);
        Assert.Equal((ParisTime("2026-03-10 21:00"), evening!.AttemptId), (use.UsedAt, use.AttemptId!.Value));
        Assert.Contains("\"consents\":[\"k-evenings\"]", ledger.Log.Read(3, 1).Single().Payload, StringComparison.Ordinal);
    }

    private static object? Sample(PropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(string))
        {
            return property.Name.ToLowerInvariant() + "-value";
        }

        if (type == typeof(Instant?))
        {
            return Tuesday1030 - Duration.FromDays(3);
        }

        if (type == typeof(ImmutableArray<ConsentRecord>))
        {
            return ImmutableArray.Create(new ConsentRecord(Tuesday1030 - Duration.FromDays(20)) { Id = "on-request" });
        }

        if (type == typeof(ImmutableArray<OptOut>))
        {
            return ImmutableArray.Create(new OptOut(OptOutKind.Company, Tuesday1030 - Duration.FromDays(9)) { Entity = "other-company" });
        }

        throw new InvalidOperationException(
            $"ContactRequest.{property.Name} ({type}) is new: give it a sample here, and make sure ContactRequest.Copy carries it over.");
    }

    private sealed class CapturingRule : ContactRule
    {
        public CapturingRule()
            : base(new RuleMetadata("TEST-CAPTURE-01", "test double"), RuleKind.Store)
        {
        }

        public ContactRequest? Seen { get; private set; }

        public override bool DependsOnZone => false;

        public override string Parameters => "records the request it sees";

        public override string ExplainRefusal(in EvaluationContext context, Instant instant) => "never refuses";

        protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
        {
            Seen = context.Request;
            return instant;
        }
    }
}
