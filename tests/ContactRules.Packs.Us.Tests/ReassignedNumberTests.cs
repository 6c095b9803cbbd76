using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// Reassigned numbers: a consent given by the number's previous holder does not survive its
/// permanent disconnection (47 CFR 64.1200(m); US-RND-01); Maine requires the Reassigned Numbers
/// Database to be checked before a telephone sales call (US-ME-RND-01, from 16 July 2024).
/// </summary>
public class ReassignedNumberTests
{
    private static Contact Reassigned(string disconnectedOn, params DateTimeZone[] zones)
        => new Contact("c-1") { PhoneNumber = "+12125550123", TimeZones = zones.ToImmutableArray(), LastPermanentDisconnection = Date(disconnectedOn) };

    private static ContactRequest AutomatedText(Contact contact, string grantedAt)
        => new ContactRequest(contact, ContactChannel.Sms, ContactPurpose.Informational)
        {
            Caller = "acme",
            Automated = true,
            Consents = ImmutableArray.Create(new ConsentRecord(Utc(grantedAt)) { Id = "c-old", Channel = ContactChannel.Sms, Purpose = ContactPurpose.Informational, Entity = "acme" }),
        };

    // Disconnected on 10 February 2026 in New York (EST, UTC-5): that date ends at 05:00Z on the
    // 11th. A consent granted at 23:59 EST on the 10th may predate the disconnection: void.
    [Theory]
    [InlineData("2026-02-11T04:59:00Z", false)]
    [InlineData("2026-02-11T05:00:00Z", true)]
    public void US_RND_01_a_consent_granted_up_to_the_disconnection_date_does_not_count(string grantedAt, bool allowed)
    {
        var decision = UnitedStatesRules.Pack.Evaluate(AutomatedText(Reassigned("2026-02-10", NewYork), grantedAt), Utc("2026-03-02T17:00:00Z"), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(new[] { "US-CONS-01", "US-RND-01" }, RuleIds(decision));
            Assert.Contains("permanently disconnected on 2026-02-10", decision.Violations[1].Reason);
        }
    }

    // New York and Los Angeles: the 10th ends last in Los Angeles, 00:00 PST on the 11th = 08:00Z.
    [Theory]
    [InlineData("2026-02-11T07:59:00Z", false)]
    [InlineData("2026-02-11T08:00:00Z", true)]
    public void US_RND_01_the_date_ends_in_the_last_candidate_zone(string grantedAt, bool allowed)
    {
        var decision = UnitedStatesRules.Pack.Evaluate(AutomatedText(Reassigned("2026-02-10", NewYork, LosAngeles), grantedAt), Utc("2026-03-02T18:00:00Z"), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    // No zone known: the date ends at UTC-12, 12:00Z on the 11th.
    [Theory]
    [InlineData("2026-02-11T11:59:00Z", false)]
    [InlineData("2026-02-11T12:00:00Z", true)]
    public void US_RND_01_with_no_zone_the_date_ends_at_UTC_minus_12(string grantedAt, bool allowed)
    {
        var contact = new Contact("c-1") { LastPermanentDisconnection = Date("2026-02-10") };
        var decision = UnitedStatesRules.Pack.Evaluate(AutomatedText(contact, grantedAt), Utc("2026-03-02T18:00:00Z"), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    // A voided consent that expires on 1 June 2026 is named until then; after, only US-CONS-01 refuses.
    [Fact]
    public void US_RND_01_names_a_voided_consent_only_until_it_would_have_ended()
    {
        var contact = Reassigned("2026-02-10", NewYork);
        var request = new ContactRequest(contact, ContactChannel.Sms, ContactPurpose.Informational)
        {
            Caller = "acme",
            Automated = true,
            Consents = ImmutableArray.Create(new ConsentRecord(Utc("2025-06-01T15:00:00Z")) { Channel = ContactChannel.Sms, ExpiresAt = Utc("2026-06-01T15:00:00Z") }),
        };
        var decision = UnitedStatesRules.Pack.Evaluate(request, Utc("2026-03-02T17:00:00Z"), ContactHistory.Empty);
        Assert.Equal(Utc("2026-06-01T15:00:00Z"), decision.Violations.Single(v => v.RuleId == "US-RND-01").Until);
        Assert.Equal(new[] { "US-CONS-01" }, RuleIds(UnitedStatesRules.Pack.Evaluate(request, Utc("2026-06-01T15:00:00Z"), ContactHistory.Empty)));
    }

    [Fact]
    public void US_RND_01_without_a_disconnection_the_old_consent_counts()
    {
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(NewYork) };
        Assert.True(UnitedStatesRules.Pack.Evaluate(AutomatedText(contact, "2020-01-10T15:00:00Z"), Utc("2026-03-02T17:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    // The registry permission falls with the consent: a live marketing call to a number on the
    // National DNC Registry, relying on a written permission of the previous holder.
    [Fact]
    public void US_RND_01_the_registry_permission_of_the_previous_holder_falls_too()
    {
        var permission = new ConsentRecord(Utc("2025-05-01T15:00:00Z")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = "acme" };
        var onRegistry = new OptOut(OptOutKind.Registry, Utc("2024-01-01T00:00:00Z")) { Registry = ContactRegistry.UsDnc };
        var before = Marketing(AmericanPerson(NewYork)).With(consents: new[] { permission }, optOuts: new[] { onRegistry });
        Assert.True(UnitedStatesRules.Pack.Evaluate(before, NewYorkTime("2026-03-02 12:00"), ContactHistory.Empty).IsAllowed);

        var reassigned = Marketing(Reassigned("2026-02-10", NewYork)).With(consents: new[] { permission }, optOuts: new[] { onRegistry });
        var decision = UnitedStatesRules.Pack.Evaluate(reassigned, NewYorkTime("2026-03-02 12:00"), ContactHistory.Empty);
        Assert.Equal("US-DNC-01", SingleRuleId(decision));
    }

    // The database opened to callers on 1 November 2021; before, the old consent is no consent
    // either, and only US-CONS-01 says so. 23:59 EDT on 31 October is 03:59Z on 1 November.
    [Theory]
    [InlineData("2021-11-01T03:59:00Z", new[] { "US-CONS-01" })]
    [InlineData("2021-11-01T04:00:00Z", new[] { "US-CONS-01", "US-RND-01" })]
    public void US_RND_01_is_named_from_1_November_2021(string at, string[] ids)
    {
        var decision = UnitedStatesRules.Pack.Evaluate(AutomatedText(Reassigned("2021-06-10", NewYork), "2021-01-10T15:00:00Z"), Utc(at), ContactHistory.Empty);
        Assert.Equal(ids, RuleIds(decision));
    }

    private static ContactRequest MaineSalesCall(Instant? checkedAt)
        => Marketing(new Contact("c-1") { PhoneNumber = "+12075550123", TimeZones = ImmutableArray.Create(NewYork), Region = "US-ME", ReassignedNumbersCheckedAt = checkedAt });

    [Fact]
    public void US_ME_RND_01_no_sales_call_before_a_check()
    {
        var decision = MaineRules.Pack.Evaluate(MaineSalesCall(null), NewYorkTime("2026-03-02 12:00"), ContactHistory.Empty);
        Assert.Equal("US-ME-RND-01", SingleRuleId(decision));
        Assert.Null(decision.NextPermittedAt);
    }

    [Theory]
    [InlineData("2026-03-02T16:59:00Z", false)]
    [InlineData("2026-03-02T17:00:00Z", true)]
    public void US_ME_RND_01_a_check_allows_from_its_instant(string at, bool allowed)
    {
        var decision = MaineRules.Pack.Evaluate(MaineSalesCall(Utc("2026-03-02T17:00:00Z")), Utc(at), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(Utc("2026-03-02T17:00:00Z"), decision.NextPermittedAt);
        }
    }

    // In force from 16 July 2024 (LD 2234): 23:59 EDT on the 15th is 03:59Z on the 16th.
    [Theory]
    [InlineData("2024-07-16T03:59:00Z", true)]
    [InlineData("2024-07-16T04:00:00Z", false)]
    public void US_ME_RND_01_applies_from_16_July_2024(string at, bool allowed)
        => Assert.Equal(allowed, MaineRules.Pack.Evaluate(MaineSalesCall(null), Utc(at), ContactHistory.Empty).IsAllowed);

    // No exemption: a consent (the "express request" of the person called) does not replace the check.
    [Fact]
    public void US_ME_RND_01_a_consent_does_not_replace_the_check()
    {
        var request = MaineSalesCall(null).WithConsents(new ConsentRecord(Utc("2026-01-01T00:00:00Z")) { Entity = "acme" });
        Assert.Equal("US-ME-RND-01", SingleRuleId(MaineRules.Pack.Evaluate(request, NewYorkTime("2026-03-02 12:00"), ContactHistory.Empty)));
    }
}
