using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using ContactRules.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Tests.Gate;

/// <summary>
/// The consents a reservation records as relied on are those the policy's rules count at that
/// instant for that request, and never one that any rule in force holds as ended by the law.
/// The storage contract (tests/ContactRules.Storage.Tests) pins FR-CONS-02, FR-WDRW-01, the slot
/// consent and the soft opt-in on every ledger; these pin the other readings. Expected values are
/// worked out by hand from docs/conventions.md.
/// </summary>
public sealed class ConsentsReliedOnTests
{
    private static readonly Contact Parisian = Person(Paris);

    [Fact]
    public void FR_EMSG_01_a_STOP_ends_the_soft_opt_in_it_follows_and_only_the_later_consent_is_recorded()
    {
        var ledger = new InMemoryContactLedger();
        // Soft opt-in of 1 September 2026; STOP to acme's messages on 3 September (it ends the soft
        // opt-in at that instant, conventions.md); a consent to messages given on 5 September.
        ledger.RecordConsent("c-1", new ConsentRecord(ParisTime("2026-09-01 10:00")) { Id = "k-soft", Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = "acme", Basis = ConsentBasis.SoftOptIn }, Proof());
        ledger.RecordOptOut("c-1", new OptOut(OptOutKind.Company, ParisTime("2026-09-03 18:00")) { Channel = ContactChannel.Sms, Entity = "acme" });
        ledger.RecordConsent("c-1", new ConsentRecord(ParisTime("2026-09-05 10:00")) { Id = "k-sms", Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = "acme" }, Proof());
        var gate = new ContactGate(FranceRules.Pack, new FakeClock(ParisTime("2026-09-08 10:30")), ledger);

        Assert.True(gate.TryReserve(new ContactRequest(Parisian, ContactChannel.Sms) { Caller = "acme" }, out var permit));
        Assert.Equal(new[] { permit!.AttemptId }, UsesOf(ledger, "k-sms"));
        Assert.Empty(UsesOf(ledger, "k-soft"));
        Assert.Contains("\"consents\":[\"k-sms\"]", LastDecision(ledger), System.StringComparison.Ordinal);
    }

    [Fact]
    public void FR_CONS_02_an_automated_call_does_not_record_a_consent_past_its_year_although_FR_AUTO_01_reads_records_alone()
    {
        var ledger = new InMemoryContactLedger();
        // FR-AUTO-01 (L34-5) counts any consent by its own record; FR-CONS-01 holds k-old as
        // lapsed on 1 September 2026 (R223-1 I 3°): the evidence never names it.
        ledger.RecordConsent("c-1", new ConsentRecord(ParisTime("2025-09-01 10:00")) { Id = "k-old", Channel = ContactChannel.Voice, Entity = "acme" }, Proof());
        ledger.RecordConsent("c-1", new ConsentRecord(ParisTime("2026-09-01 10:00")) { Id = "k-new", Channel = ContactChannel.Voice, Entity = "acme" }, Proof());
        var gate = new ContactGate(FranceRules.Pack, new FakeClock(ParisTime("2026-09-08 10:30")), ledger);

        Assert.True(gate.TryReserve(new ContactRequest(Parisian) { Caller = "acme", Automated = true }, out var permit));
        Assert.Equal(new[] { permit!.AttemptId }, UsesOf(ledger, "k-new"));
        Assert.Empty(UsesOf(ledger, "k-old"));
    }

    [Fact]
    public void FR_HOURS_01_a_call_inside_the_hours_relies_on_no_consent_to_other_hours_and_records_none()
    {
        var ledger = new InMemoryContactLedger();
        // Before the reform, on Tuesday 10 March 2026 at 10:30, the hours allow the call by
        // themselves: the consent to be called outside them is not relied on.
        ledger.RecordConsent("c-1", new ConsentRecord(ParisTime("2026-03-01 10:00")) { Id = "k-evenings", Channel = ContactChannel.Voice, OutsideHours = true }, Proof());
        var clock = new FakeClock(ParisTime("2026-03-10 10:30"));
        var gate = new ContactGate(FranceRules.Pack, clock, ledger);
        Assert.True(gate.TryReserve(Call(Parisian), out _));
        Assert.Empty(UsesOf(ledger, "k-evenings"));

        // At 20:30 the consent lifts FR-HOURS-01: it is relied on.
        clock.Reset(ParisTime("2026-03-10 20:30"));
        Assert.True(gate.TryReserve(Call(Parisian), out var evening));
        Assert.Equal(new[] { evening!.AttemptId }, UsesOf(ledger, "k-evenings"));
    }

    [Fact]
    public void US_REVOKE_02_from_31_January_2027_a_consent_swept_by_revoke_all_is_not_recorded_though_US_CONS_01_reads_it()
    {
        var newYork = AmericanPerson(NewYork);
        var policy = new ContactPolicy("us-consent", new ContactRule[] { UnitedStatesRules.AutomatedConsent, UnitedStatesRules.Revocation, UnitedStatesRules.RevokeAll });
        var robocall = new ContactRequest(newYork) { Caller = "acme", Automated = true };

        // The person revokes their consent to acme's texts; k-calls was given before the revocation,
        // k-later after it.
        static InMemoryContactLedger Ledger(Instant revokedAt, Instant laterGrant)
        {
            var ledger = new InMemoryContactLedger();
            ledger.RecordConsent("c-1", new ConsentRecord(revokedAt - Duration.FromDays(60)) { Id = "k-texts", Channel = ContactChannel.Sms, Entity = "acme" }, Proof());
            ledger.RecordConsent("c-1", new ConsentRecord(revokedAt - Duration.FromDays(60)) { Id = "k-calls", Channel = ContactChannel.Voice, Entity = "acme" }, Proof());
            ledger.RevokeConsent("c-1", "k-texts", revokedAt);
            ledger.RecordConsent("c-1", new ConsentRecord(laterGrant) { Id = "k-later", Channel = ContactChannel.Voice, Entity = "acme" }, Proof());
            return ledger;
        }

        // Tuesday 2 February 2027, 11:00 in New York: revoke-all is in force, so the revocation of
        // 1 February swept k-calls (still valid by its own record); the call relies on k-later.
        var swept = Ledger(Local("2027-02-01 10:00", NewYork), Local("2027-02-01 12:00", NewYork));
        Assert.True(new ContactGate(policy, new FakeClock(Local("2027-02-02 11:00", NewYork)), swept).TryReserve(robocall, out var after));
        Assert.Equal(new[] { after!.AttemptId }, UsesOf(swept, "k-later"));
        Assert.Empty(UsesOf(swept, "k-calls"));

        // Thursday 28 January 2027, before revoke-all: a revocation ends only the consent revoked,
        // so both consents to calls count and both are recorded.
        var before = Ledger(Local("2027-01-27 10:00", NewYork), Local("2027-01-27 12:00", NewYork));
        Assert.True(new ContactGate(policy, new FakeClock(Local("2027-01-28 11:00", NewYork)), before).TryReserve(robocall, out var earlier));
        Assert.Equal(new[] { earlier!.AttemptId }, UsesOf(before, "k-calls"));
        Assert.Equal(new[] { earlier.AttemptId }, UsesOf(before, "k-later"));
        Assert.Empty(UsesOf(before, "k-texts"));
    }

    [Fact]
    public void US_RND_01_a_consent_given_before_the_number_was_reassigned_is_not_recorded()
    {
        // The Reassigned Numbers Database reports the number's last permanent disconnection on
        // 1 October 2026: k-previous was given by its previous holder, k-present by the person called.
        var reassigned = new Contact("c-1") { PhoneNumber = "+12125550123", TimeZones = ImmutableArray.Create(NewYork), LastPermanentDisconnection = new LocalDate(2026, 10, 1) };
        var ledger = new InMemoryContactLedger();
        ledger.RecordConsent("c-1", new ConsentRecord(Local("2026-06-01 10:00", NewYork)) { Id = "k-previous", Channel = ContactChannel.Voice, Entity = "acme" }, Proof());
        ledger.RecordConsent("c-1", new ConsentRecord(Local("2026-11-02 10:00", NewYork)) { Id = "k-present", Channel = ContactChannel.Voice, Entity = "acme" }, Proof());
        var policy = new ContactPolicy("us-consent", new ContactRule[] { UnitedStatesRules.AutomatedConsent, UnitedStatesRules.ReassignedNumber });
        var gate = new ContactGate(policy, new FakeClock(Local("2026-12-01 11:00", NewYork)), ledger);

        Assert.True(gate.TryReserve(new ContactRequest(reassigned) { Caller = "acme", Automated = true }, out var permit));
        Assert.Equal(new[] { permit!.AttemptId }, UsesOf(ledger, "k-present"));
        Assert.Empty(UsesOf(ledger, "k-previous"));
    }

    [Fact]
    public void A_consent_the_request_carries_is_named_in_the_evidence_and_its_use_is_the_callers_to_keep()
    {
        var ledger = new InMemoryContactLedger();
        ledger.RecordConsent("c-1", new ConsentRecord(ParisTime("2026-09-01 10:00")) { Id = "k-stored", Channel = ContactChannel.Voice, Entity = "acme" }, Proof());
        var gate = new ContactGate(FranceRules.Pack, new FakeClock(ParisTime("2026-09-08 10:30")), ledger);
        var request = new ContactRequest(Parisian)
        {
            Caller = "acme",
            Consents = ImmutableArray.Create(new ConsentRecord(ParisTime("2026-09-02 10:00")) { Id = "k-carried", Channel = ContactChannel.Voice, Entity = "acme" }),
        };

        Assert.True(gate.TryReserve(request, out var permit));
        Assert.Equal(new[] { permit!.AttemptId }, UsesOf(ledger, "k-stored"));
        Assert.Null(ledger.GetConsentEvidence("c-1", "k-carried"));
        Assert.Contains("\"consents\":[\"k-carried\",\"k-stored\"]", LastDecision(ledger), System.StringComparison.Ordinal);
    }

    private static ConsentProof Proof() => new ConsentProof("web-form", "Yes, acme may contact me about its offers.", "form-2026-09");

    private static long[] UsesOf(ContactLedger ledger, string consentId)
        => ledger.GetConsentEvidence("c-1", consentId)!.Uses.Select(u => u.AttemptId!.Value).ToArray();

    private static string LastDecision(ContactLedger ledger)
        => ledger.Log.Read(1, 1000).Last(e => e.Kind == "decision").Payload;
}
