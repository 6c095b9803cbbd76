using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// 47 CFR 64.1200(a)(10) (FCC 24-24): a revocation of consent by any reasonable means, honoured
/// within 10 business days from 11 April 2025 (ContactRules: at once, the deadline an advisory;
/// US-REVOKE-01), and the "revoke all" provision delayed to 31 January 2027 (US-REVOKE-02).
/// </summary>
public class RevocationTests
{
    // An automated informational text: only the consent rules of the us pack reach it (no
    // calling hours, no registry, no TRACED cap), so every refusal below is about consent.
    private static ContactRequest AutomatedText(Contact contact, string? caller = "acme")
        => new ContactRequest(contact, ContactChannel.Sms, ContactPurpose.Informational) { Caller = caller, Automated = true };

    private static ConsentRecord TextConsent(string grantedAt, string? revokedAt = null, string id = "c-text")
        => new(Utc(grantedAt)) { Id = id, Channel = ContactChannel.Sms, Purpose = ContactPurpose.Informational, Entity = "acme", RevokedAt = revokedAt is null ? null : Utc(revokedAt) };

    // Tuesday 10 March 2026, 11:00 EDT: the person replies STOP.
    [Theory]
    [InlineData("2026-03-10T14:59:00Z", true)]
    [InlineData("2026-03-10T15:00:00Z", false)]
    public void US_REVOKE_01_a_revocation_is_honoured_from_its_instant(string at, bool allowed)
    {
        var request = AutomatedText(AmericanPerson(NewYork)).WithConsents(TextConsent("2025-01-10T15:00:00Z", revokedAt: "2026-03-10T15:00:00Z"));
        var decision = UnitedStatesRules.Pack.Evaluate(request, Utc(at), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(new[] { "US-CONS-01", "US-REVOKE-01" }, RuleIds(decision));
            Assert.Null(decision.NextPermittedAt);
            Assert.Contains("revoked consent 'c-text' at 2026-03-10T15:00:00Z", decision.Violations[1].Reason);
        }
    }

    // Received Tuesday 10 March 2026 (New York): the 10 business days are 11, 12, 13, 16, 17, 18,
    // 19, 20, 23 and 24 March (no federal holiday); the deadline ends at the start of Wednesday
    // 25 March, 00:00 EDT = 04:00Z.
    [Fact]
    public void US_REVOKE_01_the_ten_business_days_are_an_advisory_deadline()
    {
        var request = AutomatedText(AmericanPerson(NewYork)).WithConsents(TextConsent("2025-01-10T15:00:00Z", revokedAt: "2026-03-10T15:00:00Z"));
        var decision = UnitedStatesRules.Pack.Evaluate(request, Utc("2026-03-12T15:00:00Z"), ContactHistory.Empty);
        var advisory = Assert.Single(decision.Advisories, a => a.Code == "US-REVOKE-01");
        Assert.Equal(Utc("2026-03-25T04:00:00Z"), advisory.Deadline);

        // Once the deadline has passed there is nothing left to advise; the refusal stays.
        var later = UnitedStatesRules.Pack.Evaluate(request, Utc("2026-03-25T04:00:00Z"), ContactHistory.Empty);
        Assert.DoesNotContain(later.Advisories, a => a.Code == "US-REVOKE-01");
        Assert.Contains("US-REVOKE-01", RuleIds(later));
    }

    // A federal holiday is no business day: revoked Friday 10 July 2026; Saturday 11 and Sunday 12
    // do not count; business days 13–17, 20–24 July end Friday 24 July: deadline Saturday 25 July
    // 00:00 EDT. Revoked Thursday 2 July 2026: 3 July is the observed Independence Day; business
    // days 6–10, 13–17 July: deadline Saturday 18 July 00:00 EDT = 04:00Z.
    [Theory]
    [InlineData("2026-07-10T15:00:00Z", "2026-07-25T04:00:00Z")]
    [InlineData("2026-07-02T15:00:00Z", "2026-07-18T04:00:00Z")]
    public void US_REVOKE_01_business_days_skip_weekends_and_federal_holidays(string revokedAt, string deadline)
    {
        var request = AutomatedText(AmericanPerson(NewYork)).WithConsents(TextConsent("2025-01-10T15:00:00Z", revokedAt: revokedAt));
        var decision = UnitedStatesRules.Pack.Evaluate(request, Utc(revokedAt), ContactHistory.Empty);
        Assert.Equal(Utc(deadline), Assert.Single(decision.Advisories, a => a.Code == "US-REVOKE-01").Deadline);
    }

    [Fact]
    public void US_REVOKE_01_does_not_refuse_when_another_consent_covers_the_contact()
    {
        var request = AutomatedText(AmericanPerson(NewYork)).WithConsents(
            TextConsent("2025-01-10T15:00:00Z", revokedAt: "2026-03-10T15:00:00Z"),
            TextConsent("2026-03-11T15:00:00Z", id: "c-again"));
        Assert.True(UnitedStatesRules.Pack.Evaluate(request, Utc("2026-03-12T15:00:00Z"), ContactHistory.Empty).IsAllowed);

        // Before the new consent, the refusal names it as the way out.
        var before = UnitedStatesRules.Pack.Evaluate(request, Utc("2026-03-10T16:00:00Z"), ContactHistory.Empty);
        Assert.Equal(new[] { "US-CONS-01", "US-REVOKE-01" }, RuleIds(before));
        Assert.Equal(Utc("2026-03-11T15:00:00Z"), before.NextPermittedAt);
    }

    // A consent that would have expired on 1 June 2026 is named as revoked until then; after,
    // it would be no consent anyway, and only US-CONS-01 refuses.
    [Fact]
    public void US_REVOKE_01_names_the_revocation_only_until_the_consent_would_have_expired()
    {
        var expiring = new ConsentRecord(Utc("2025-06-01T15:00:00Z")) { Id = "c-text", Channel = ContactChannel.Sms, Purpose = ContactPurpose.Informational, Entity = "acme", ExpiresAt = Utc("2026-06-01T15:00:00Z"), RevokedAt = Utc("2026-03-10T15:00:00Z") };
        var request = AutomatedText(AmericanPerson(NewYork)).WithConsents(expiring);
        var decision = UnitedStatesRules.Pack.Evaluate(request, Utc("2026-03-12T15:00:00Z"), ContactHistory.Empty);
        Assert.Equal(Utc("2026-06-01T15:00:00Z"), decision.Violations.Single(v => v.RuleId == "US-REVOKE-01").Until);
        Assert.Null(decision.NextPermittedAt);
        Assert.Equal(new[] { "US-CONS-01" }, RuleIds(UnitedStatesRules.Pack.Evaluate(request, Utc("2026-06-01T15:00:00Z"), ContactHistory.Empty)));
    }

    // In force from 11 April 2025, the called person's local date: 23:59 EDT on 10 April is
    // 03:59Z on 11 April. Before, the revoked consent is no consent either (US-CONS-01).
    [Theory]
    [InlineData("2025-04-11T03:59:00Z", new[] { "US-CONS-01" })]
    [InlineData("2025-04-11T04:00:00Z", new[] { "US-CONS-01", "US-REVOKE-01" })]
    public void US_REVOKE_01_applies_from_11_April_2025(string at, string[] ids)
    {
        var request = AutomatedText(AmericanPerson(NewYork)).WithConsents(TextConsent("2024-01-10T15:00:00Z", revokedAt: "2025-03-01T15:00:00Z"));
        Assert.Equal(ids, RuleIds(UnitedStatesRules.Pack.Evaluate(request, Utc(at), ContactHistory.Empty)));
    }

    [Fact]
    public void US_REVOKE_01_a_reply_classified_as_a_revocation_is_recorded_at_its_instant()
    {
        var received = Utc("2026-03-10T15:00:00Z");
        var reply = RevocationReplies.Classify("  Stop. ");
        Assert.True(reply.IsRevocation);

        var consent = TextConsent("2025-01-10T15:00:00Z");
        var revoked = new ConsentRecord(consent.GrantedAt) { Id = consent.Id, Channel = consent.Channel, Purpose = consent.Purpose, Entity = consent.Entity, RevokedAt = received };
        var request = AutomatedText(AmericanPerson(NewYork)).WithConsents(revoked);
        Assert.Contains("US-REVOKE-01", RuleIds(UnitedStatesRules.Pack.Evaluate(request, received, ContactHistory.Empty)));
    }

    // The person revoked, on 1 December 2026, the consent to the caller's marketing calls; the
    // consent to its informational texts is still valid on its own. Revoke-all starts on the
    // called person's local 31 January 2027: 23:59 EST on 30 January is 04:59Z on the 31st.
    private static ContactRequest AfterARevocationOfAnotherConsent(Contact contact, string? caller = "acme", string? revokedEntity = "acme")
        => AutomatedText(contact, caller).WithConsents(
            new ConsentRecord(Utc("2025-06-01T15:00:00Z")) { Id = "c-calls", Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = revokedEntity, RevokedAt = Utc("2026-12-01T15:00:00Z") },
            TextConsent("2025-06-01T15:00:00Z"));

    [Theory]
    [InlineData("2027-01-31T04:59:00Z", true)]
    [InlineData("2027-01-31T05:00:00Z", false)]
    public void US_REVOKE_02_switches_on_by_itself_on_31_January_2027(string at, bool allowed)
    {
        var decision = UnitedStatesRules.Pack.Evaluate(AfterARevocationOfAnotherConsent(AmericanPerson(NewYork)), Utc(at), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-REVOKE-02", SingleRuleId(decision));
            Assert.Null(decision.NextPermittedAt);
            Assert.Contains("consent 'c-text' no longer counts", decision.Violations[0].Reason);
        }
    }

    // With New York and Los Angeles as candidate zones, the rule is in force once the earlier
    // zone reaches 31 January: 00:00 EST = 05:00Z, when Los Angeles still reads 21:00 on the 30th.
    [Fact]
    public void US_REVOKE_02_is_in_force_from_the_first_candidate_zone_to_reach_the_date()
    {
        var decision = UnitedStatesRules.Pack.Evaluate(AfterARevocationOfAnotherConsent(AmericanPerson(NewYork, LosAngeles)), Utc("2027-01-31T05:00:00Z"), ContactHistory.Empty);
        Assert.Equal("US-REVOKE-02", SingleRuleId(decision));
    }

    [Fact]
    public void US_REVOKE_02_a_revocation_to_another_caller_ends_nothing_here()
    {
        var decision = UnitedStatesRules.Pack.Evaluate(AfterARevocationOfAnotherConsent(AmericanPerson(NewYork), revokedEntity: "other-company"), Utc("2027-02-01T15:00:00Z"), ContactHistory.Empty);
        Assert.True(decision.IsAllowed);
    }

    [Theory]
    [InlineData(null, "acme")]
    [InlineData("acme", null)]
    public void US_REVOKE_02_a_revocation_that_names_no_entity_or_a_request_that_names_no_caller_sweeps(string? caller, string? revokedEntity)
    {
        var decision = UnitedStatesRules.Pack.Evaluate(AfterARevocationOfAnotherConsent(AmericanPerson(NewYork), caller, revokedEntity), Utc("2027-02-01T15:00:00Z"), ContactHistory.Empty);
        Assert.Equal("US-REVOKE-02", SingleRuleId(decision));
    }

    [Fact]
    public void US_REVOKE_02_a_consent_given_after_the_revocation_counts()
    {
        var request = AfterARevocationOfAnotherConsent(AmericanPerson(NewYork));
        var renewed = request.WithConsents(request.Consents.Add(TextConsent("2027-02-10T15:00:00Z", id: "c-new")).ToArray());
        var refused = UnitedStatesRules.Pack.Evaluate(renewed, Utc("2027-02-01T15:00:00Z"), ContactHistory.Empty);
        Assert.Equal("US-REVOKE-02", SingleRuleId(refused));
        Assert.Equal(Utc("2027-02-10T15:00:00Z"), refused.NextPermittedAt);
        Assert.True(UnitedStatesRules.Pack.Evaluate(renewed, Utc("2027-02-10T15:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    // Revoke-all governs consent to robocalls and robotexts: a live call is outside it.
    [Fact]
    public void US_REVOKE_02_does_not_reach_live_contacts()
    {
        var request = AfterARevocationOfAnotherConsent(AmericanPerson(NewYork)).With(automated: false);
        Assert.True(UnitedStatesRules.Pack.Evaluate(request, Utc("2027-02-01T15:00:00Z"), ContactHistory.Empty).IsAllowed);
    }
}
