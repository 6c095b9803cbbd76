using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The <c>eu</c> pack read against GDPR Art. 21 and ePrivacy Art. 13(1) (regulations.md section 5),
/// and how national packs combine with it.
/// </summary>
public class EuropeanUnionTests
{
    private static readonly ContactPolicy Eu = EuropeanUnionRules.Pack;

    // The person consented to this channel and purpose (a marketing message needs it, EU-EMSG-01),
    // so that only the objection decides.
    private static ContactRequest Request(ContactChannel channel, ContactPurpose purpose, params OptOut[] optOuts)
        => new ContactRequest(PersonIn(Berlin), channel, purpose)
        {
            Caller = Acme,
            OptOuts = optOuts.ToImmutableArray(),
            Consents = ImmutableArray.Create(new ConsentRecord(Utc("2026-01-05T10:00:00Z")) { Channel = channel, Purpose = purpose, Entity = Acme }),
        };

    // Art. 21(3): after the objection, no processing for direct marketing, on any channel.
    [Theory]
    [InlineData(ContactChannel.Voice, ContactPurpose.Marketing, false)]
    [InlineData(ContactChannel.Sms, ContactPurpose.Marketing, false)]
    [InlineData(ContactChannel.Voice, ContactPurpose.Informational, true)]
    [InlineData(ContactChannel.Voice, ContactPurpose.DebtCollection, true)]
    public void EU_OBJ_01_an_objection_stops_direct_marketing_on_every_channel(ContactChannel channel, ContactPurpose purpose, bool allowed)
    {
        var objection = new OptOut(OptOutKind.Objection, Utc("2026-03-09T18:00:00Z")) { Channel = ContactChannel.Voice };
        Assert.Equal(allowed, Evaluate(Eu, Request(channel, purpose, objection), Utc("2026-03-09T18:00:00Z")).IsAllowed);
        AssertAllowed(Evaluate(Eu, Request(channel, purpose, objection), Utc("2026-03-09T17:59:00Z")));
    }

    [Fact]
    public void EU_OBJ_01_an_objection_is_absolute_for_customers_and_consenting_persons()
    {
        var customer = new Contact("c-1") { TimeZones = ImmutableArray.Create(Berlin), Contract = new ContractStatus(true, true) };
        var request = new ContactRequest(customer)
        {
            Caller = Acme,
            Consents = ImmutableArray.Create(ConsentTo(Utc("2025-01-01T00:00:00Z"))),
            OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Objection, Utc("2026-03-01T00:00:00Z"))),
        };
        var decision = Evaluate(Eu, request, Utc("2026-03-10T10:00:00Z"));
        AssertRefusedBy(decision, "EU-OBJ-01");
        Assert.Null(decision.NextPermittedAt);
    }

    [Fact]
    public void EU_AUTO_01_automated_marketing_calls_need_consent_live_calls_do_not_under_the_eu_pack()
    {
        var automated = new ContactRequest(PersonIn(Berlin)) { Caller = Acme, Automated = true };
        AssertRefusedBy(Evaluate(Eu, automated, Utc("2026-03-10T10:00:00Z")), "EU-AUTO-01");
        AssertAllowed(Evaluate(Eu, new ContactRequest(PersonIn(Berlin)) { Caller = Acme }, Utc("2026-03-10T10:00:00Z")));
        var automatedInfo = new ContactRequest(PersonIn(Berlin), ContactChannel.Voice, ContactPurpose.Informational) { Caller = Acme, Automated = true };
        AssertAllowed(Evaluate(Eu, automatedInfo, Utc("2026-03-10T10:00:00Z")));
    }

    [Theory]
    [InlineData("de+eu")]
    [InlineData("fr+eu")]
    public void EU_OBJ_01_and_EU_AUTO_01_a_national_pack_combined_with_eu_applies_each_shared_rule_once(string ids)
    {
        Assert.True(RulePacks.TryResolve(ids, out var policy, out var error), error);
        Assert.Single(policy!.Rules, r => r.Id == "EU-OBJ-01");
        Assert.Single(policy.Rules, r => r.Id == "EU-AUTO-01");
    }

    [Fact]
    public void EU_OBJ_01_every_member_state_pack_carries_the_GDPR_objection()
    {
        foreach (var id in new[] { "fr", "de", "es", "it", "be", "nl" })
        {
            Assert.Contains("EU-OBJ-01", RuleIds(RulePacks.Get(id)));
        }
    }
}
