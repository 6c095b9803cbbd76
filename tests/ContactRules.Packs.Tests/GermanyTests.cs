using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The <c>de</c> pack read against UWG § 7 and § 7a (regulations.md section 4).
/// </summary>
public class GermanyTests
{
    private static readonly ContactPolicy De = GermanyRules.Pack;

    private static ContactRequest Request(params ConsentRecord[] consents)
        => new ContactRequest(PersonIn(Berlin)) { Caller = Acme, Consents = consents.ToImmutableArray() };

    [Fact]
    public void DE_CONS_01_an_advertising_call_without_prior_express_consent_is_refused_for_good()
    {
        var decision = Evaluate(De, Request(), Utc("2026-03-10T10:00:00Z"));
        AssertRefusedBy(decision, "DE-CONS-01");
        Assert.Null(decision.NextPermittedAt);
    }

    [Fact]
    public void DE_CONS_01_being_a_customer_is_not_consent()
    {
        var customer = new Contact("c-1") { TimeZones = ImmutableArray.Create(Berlin), Contract = new ContractStatus(true, true), LastPurchase = Date("2026-03-01") };
        AssertRefusedBy(Evaluate(De, new ContactRequest(customer) { Caller = Acme }, Utc("2026-03-10T10:00:00Z")), "DE-CONS-01");
    }

    [Fact]
    public void DE_CONS_01_consent_to_this_caller_allows_from_its_grant_until_its_revocation()
    {
        var consent = new ConsentRecord(Utc("2026-03-10T12:00:00Z")) { Entity = Acme, Channel = ContactChannel.Voice, RevokedAt = Utc("2026-06-01T00:00:00Z") };

        // Before the grant the next permitted instant is the grant itself (no hours rule in Germany).
        var early = Evaluate(De, Request(consent), Utc("2026-03-10T11:00:00Z"));
        AssertRefusedBy(early, "DE-CONS-01");
        Assert.Equal(Utc("2026-03-10T12:00:00Z"), early.NextPermittedAt);

        AssertAllowed(Evaluate(De, Request(consent), Utc("2026-03-10T12:00:00Z")));
        AssertAllowed(Evaluate(De, Request(consent), Utc("2026-05-31T23:59:00Z")));
        AssertRefusedBy(Evaluate(De, Request(consent), Utc("2026-06-01T00:00:00Z")), "DE-CONS-01");

        var toOther = new ConsentRecord(Utc("2026-03-01T12:00:00Z")) { Entity = "other-brand" };
        AssertRefusedBy(Evaluate(De, Request(toOther), Utc("2026-03-10T12:00:00Z")), "DE-CONS-01");
    }

    [Fact]
    public void DE_CONS_01_consent_rule_applies_from_8_July_2004()
    {
        // UWG 2004 came into force on 8 July 2004; Berlin is UTC+2 in July, so 10:00Z is 12:00 local.
        AssertAllowed(Evaluate(De, Request(), Utc("2004-07-07T10:00:00Z")));
        AssertRefusedBy(Evaluate(De, Request(), Utc("2004-07-08T10:00:00Z")), "DE-CONS-01");
    }

    // DE-PROOF-01, § 7a: keep the proof 5 years from the grant and from each use. A consent granted
    // 15 January 2022 and used Tuesday 10 March 2026 10:30Z must be kept to the end of
    // 10 March 2031 (UTC), i.e. until 11 March 2031 00:00Z.
    [Fact]
    public void DE_PROOF_01_each_use_of_a_consent_restarts_the_5_year_retention()
    {
        var consent = new ConsentRecord(Utc("2022-01-15T09:00:00Z")) { Id = "consent-42", Entity = Acme };
        var decision = Evaluate(De, Request(consent), Utc("2026-03-10T10:30:00Z"));
        AssertAllowed(decision);
        var advisory = Assert.Single(decision.Advisories);
        Assert.Equal("DE-PROOF-01", advisory.Code);
        Assert.Equal(Utc("2031-03-11T00:00:00Z"), advisory.Deadline);
        Assert.Contains("consent-42", advisory.Message);
    }

    [Fact]
    public void DE_PROOF_01_a_consent_used_on_29_February_is_kept_to_the_end_of_28_February_five_years_on()
    {
        // 2029 has no 29 February: five years from 29 February 2024 end no earlier than 28 February
        // 2029; the proof is kept through that whole day.
        var consent = new ConsentRecord(Utc("2024-02-29T08:00:00Z")) { Entity = Acme };
        var decision = Evaluate(De, Request(consent), Utc("2024-02-29T09:00:00Z"));
        Assert.Equal(Utc("2029-03-01T00:00:00Z"), Assert.Single(decision.Advisories).Deadline);
    }

    [Fact]
    public void DE_PROOF_01_retention_advisory_applies_from_1_October_2021()
    {
        var consent = new ConsentRecord(Utc("2021-01-04T09:00:00Z")) { Entity = Acme };
        Assert.Empty(Evaluate(De, Request(consent), Utc("2021-09-30T10:00:00Z")).Advisories);
        Assert.Equal(Utc("2026-10-02T00:00:00Z"), Assert.Single(Evaluate(De, Request(consent), Utc("2021-10-01T10:00:00Z")).Advisories).Deadline);
    }

    [Fact]
    public void EU_OBJ_01_a_GDPR_objection_is_part_of_the_de_pack()
    {
        var consent = ConsentTo(Utc("2026-01-05T09:00:00Z"));
        var request = new ContactRequest(PersonIn(Berlin)) { Caller = Acme, Consents = ImmutableArray.Create(consent), OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Objection, Utc("2026-03-01T09:00:00Z"))) };
        AssertRefusedBy(Evaluate(De, request, Utc("2026-03-10T10:00:00Z")), "EU-OBJ-01");
    }
}
