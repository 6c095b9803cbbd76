using System;
using System.Linq;
using System.Text.Json;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.Contract;

/// <content>
/// Which consents a reservation records as relied on, under the readings of décret n° 2026-662
/// and the ePrivacy rules: exactly those the rules count at the instant of the call, the same in
/// the consent uses and in the decision's evidence entry. Worked out by hand from
/// docs/conventions.md ("Lists and consent", "Settled details").
/// </content>
public abstract partial class LedgerContract
{
    [Fact]
    public void FR_CONS_02_a_reservation_records_the_fresh_consent_as_used_and_never_one_older_than_365_days()
    {
        var ledger = Open();
        // Granted 1 September 2025 10:00 in Paris, with no expiry of its own: R223-1 I 3° ends it
        // 365 × 24 h later, on 1 September 2026 10:00; a consent of 1 September 2026 counts.
        ledger.RecordConsent("c-1", CallConsent("k-old", ParisTime("2025-09-01 10:00")), Proof());
        ledger.RecordConsent("c-1", CallConsent("k-new", ParisTime("2026-09-01 10:00")), Proof());
        ledger.RecordConsent("c-2", CallConsent("k-old", ParisTime("2025-09-01 10:00")), Proof());

        // Tuesday 8 September 2026 10:30: inside the D223-9 hours, under the consent regime.
        var gate = new ContactGate(FranceRules.Pack, new FakeClock(ParisTime("2026-09-08 10:30")), ledger);
        Assert.True(gate.TryReserve(Call(Person()), out var permit));
        Assert.Equal(new[] { permit!.AttemptId }, UsesOf(ledger, "c-1", "k-new"));
        Assert.Empty(UsesOf(ledger, "c-1", "k-old"));

        // The old consent alone is no consent: the same call to c-2 is refused, naming the limit.
        Assert.False(gate.TryReserve(Call(Person("c-2", "+33698765432")), out _, out var refused));
        Assert.Equal(new[] { "FR-CONS-01", "FR-CONS-02" }, refused.Violations.Select(v => v.RuleId).ToArray());
        Assert.Empty(UsesOf(ledger, "c-2", "k-old"));
        AssertTheLogNamesTheConsentsUsed(ledger, ("c-1", "k-old"), ("c-1", "k-new"), ("c-2", "k-old"));
    }

    [Fact]
    public void FR_WDRW_01_a_consent_withdrawn_by_a_refused_call_is_never_recorded_as_used()
    {
        var ledger = Open();
        // k-1 of 1 September; the consumer refused acme's call on 3 September at 11:00, which
        // withdraws k-1 at that instant (R223-3); k-2 is a new consent of 4 September.
        ledger.RecordConsent("c-1", CallConsent("k-1", ParisTime("2026-09-01 10:00")), Proof());
        ledger.Record("c-1", new ContactAttempt(ParisTime("2026-09-03 11:00"), AttemptOutcome.Refused) { Caller = "acme" });
        ledger.RecordConsent("c-1", CallConsent("k-2", ParisTime("2026-09-04 10:00")), Proof());
        var clock = new FakeClock(ParisTime("2026-09-08 10:30"));

        // The consent rules alone (FR-CONS-01, FR-CONS-02, FR-WDRW-01) allow the call under k-2.
        var consentRules = new ContactPolicy("fr-consent", new ContactRule[] { FranceRules.PriorConsent, FranceRules.ConsentTermLimit, FranceRules.ConsentWithdrawal });
        Assert.True(new ContactGate(consentRules, clock, ledger).TryReserve(Call(Person()), out var permit));
        Assert.Equal(new[] { permit!.AttemptId }, UsesOf(ledger, "c-1", "k-2"));
        Assert.Empty(UsesOf(ledger, "c-1", "k-1"));

        // The whole fr pack refuses it (FR-STOP-01: no new call after a refusal) and records no use.
        Assert.False(new ContactGate(FranceRules.Pack, clock, ledger).TryReserve(Call(Person()), out _, out var refused));
        Assert.Equal("FR-STOP-01", Assert.Single(refused.Violations).RuleId);
        Assert.Single(UsesOf(ledger, "c-1", "k-2"));
        AssertTheLogNamesTheConsentsUsed(ledger, ("c-1", "k-1"), ("c-1", "k-2"));
    }

    [Fact]
    public void FR_HOURS_01_a_slot_consent_is_recorded_as_used_only_inside_its_slot()
    {
        var ledger = Open();
        // A consent to canvassing, and a consent to be called on Saturday 12 September 2026
        // between 11:00 and 11:30 (L223-1 al. 6; D223-9 as rewritten).
        ledger.RecordConsent("c-1", CallConsent("k-call", ParisTime("2026-09-01 10:00")), Proof());
        var slot = CallConsent("k-slot", ParisTime("2026-09-01 10:00"));
        ledger.RecordConsent("c-1", new ConsentRecord(slot.GrantedAt) { Id = slot.Id, Channel = slot.Channel, Purpose = slot.Purpose, Entity = slot.Entity, Slot = new Interval(ParisTime("2026-09-12 11:00"), ParisTime("2026-09-12 11:30")) }, Proof());
        var clock = new FakeClock(ParisTime("2026-09-12 11:10"));
        var gate = new ContactGate(FranceRules.Pack, clock, ledger);

        // Saturday 11:10, inside the slot: the slot consent lifts FR-HOURS-01, and both consents
        // satisfy FR-CONS-01 (a slot consent is a consent to canvassing inside its slot).
        Assert.True(gate.TryReserve(Call(Person()), out var inside));

        // Saturday 11:40, after the slot: FR-HOURS-01 refuses, nothing is used.
        clock.Reset(ParisTime("2026-09-12 11:40"));
        Assert.False(gate.TryReserve(Call(Person()), out _, out var after));
        Assert.Equal("FR-HOURS-01", Assert.Single(after.Violations).RuleId);

        // Tuesday 15 September 10:30, inside the legal hours: the call relies on k-call alone;
        // outside its slot the slot consent is no consent.
        clock.Reset(ParisTime("2026-09-15 10:30"));
        Assert.True(gate.TryReserve(Call(Person()), out var weekday));

        Assert.Equal(new[] { inside!.AttemptId }, UsesOf(ledger, "c-1", "k-slot"));
        Assert.Equal(new[] { inside.AttemptId, weekday!.AttemptId }, UsesOf(ledger, "c-1", "k-call"));
        AssertTheLogNamesTheConsentsUsed(ledger, ("c-1", "k-call"), ("c-1", "k-slot"));
    }

    [Fact]
    public void FR_EMSG_01_a_soft_opt_in_is_recorded_as_used_for_a_marketing_SMS_and_never_for_a_call()
    {
        var ledger = Open();
        // The number was given in a sale: a soft opt-in for acme's marketing messages (L34-5 al. 4),
        // beside a consent to acme's calls.
        ledger.RecordConsent("c-1", new ConsentRecord(ParisTime("2026-09-01 10:00")) { Id = "k-soft", Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = "acme", Basis = ConsentBasis.SoftOptIn }, Proof());
        ledger.RecordConsent("c-1", CallConsent("k-call", ParisTime("2026-09-01 10:00")), Proof());
        ledger.RecordConsent("c-2", new ConsentRecord(ParisTime("2026-09-01 10:00")) { Id = "k-soft", Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = "acme", Basis = ConsentBasis.SoftOptIn }, Proof());
        var clock = new FakeClock(ParisTime("2026-09-08 10:30"));
        var gate = new ContactGate(FranceRules.Pack, clock, ledger);

        Assert.True(gate.TryReserve(new ContactRequest(Person(), ContactChannel.Sms) { Caller = "acme" }, out var sms));
        clock.AdvanceMinutes(10);
        Assert.True(gate.TryReserve(Call(Person()), out var call));
        Assert.Equal(new[] { sms!.AttemptId }, UsesOf(ledger, "c-1", "k-soft"));
        Assert.Equal(new[] { call!.AttemptId }, UsesOf(ledger, "c-1", "k-call"));

        // A soft opt-in alone never allows a call (FR-CONS-01).
        Assert.False(gate.TryReserve(Call(Person("c-2", "+33698765432")), out _, out var refused));
        Assert.Equal("FR-CONS-01", Assert.Single(refused.Violations).RuleId);
        Assert.Empty(UsesOf(ledger, "c-2", "k-soft"));
        AssertTheLogNamesTheConsentsUsed(ledger, ("c-1", "k-soft"), ("c-1", "k-call"), ("c-2", "k-soft"));
    }

    private static ConsentRecord CallConsent(string id, Instant grantedAt)
        => new ConsentRecord(grantedAt) { Id = id, Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = "acme" };

    /// <summary>The attempts whose use of the consent the ledger holds, oldest first.</summary>
    private static long[] UsesOf(ContactLedger ledger, string contactId, string consentId)
        => ledger.GetConsentEvidence(contactId, consentId)!.Uses.Select(u => u.AttemptId!.Value).ToArray();

    /// <summary>
    /// Every decision entry of the log names exactly the consents whose uses the ledger holds for
    /// its attempt (none for a refusal): the consent uses and the evidence agree.
    /// </summary>
    private static void AssertTheLogNamesTheConsentsUsed(ContactLedger ledger, params (string Contact, string Consent)[] consents)
    {
        var uses = consents
            .SelectMany(c => ledger.GetConsentEvidence(c.Contact, c.Consent)!.Uses.Select(u => (c.Contact, c.Consent, Attempt: u.AttemptId!.Value)))
            .ToList();
        var decisions = ledger.Log.Read(1, 1000).Where(e => e.Kind == "decision").ToList();
        Assert.NotEmpty(decisions);
        foreach (var entry in decisions)
        {
            using var payload = JsonDocument.Parse(entry.Payload);
            var root = payload.RootElement;
            var named = root.GetProperty("consents").EnumerateArray().Select(c => c.GetString()!).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            var attempt = root.GetProperty("attempt");
            if (attempt.ValueKind == JsonValueKind.Null)
            {
                Assert.False(root.GetProperty("allowed").GetBoolean());
                Assert.Empty(named);
                continue;
            }

            var contact = root.GetProperty("contact").GetString();
            var used = uses.Where(u => u.Contact == contact && u.Attempt == attempt.GetInt64()).Select(u => u.Consent).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            Assert.Equal(used, named);
        }

        Assert.True(ledger.Log.Verify().IsIntact);
    }
}
