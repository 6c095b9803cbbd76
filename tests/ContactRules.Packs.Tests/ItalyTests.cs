using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>The <c>it</c> pack read against L. 5/2018 and DPR 26/2022 (regulations.md 5.4).</summary>
public class ItalyTests
{
    private static readonly ContactPolicy It = ItalyRules.Pack;

    private static ContactRequest Request(ImmutableArray<OptOut> optOuts = default, Instant? snapshot = null, bool automated = false, params ConsentRecord[] consents)
        => new ContactRequest(PersonIn(Rome))
        {
            Caller = Acme,
            OptOuts = optOuts,
            RegistrySnapshotAt = snapshot,
            Automated = automated,
            Consents = consents.ToImmutableArray(),
        };

    // Registered Monday 2 March 2026 10:00Z: calls unlawful from 2 March + 15 days = 17 March 10:00Z.
    private static readonly ImmutableArray<OptOut> OnRpo = ImmutableArray.Create(Registered(ContactRegistry.Rpo, Utc("2026-03-02T10:00:00Z")));

    [Fact]
    public void IT_LIST_01_Rpo_protects_15_days_after_registration()
    {
        AssertRefusedForGoodFrom(It, Request(OnRpo), Utc("2026-03-17T10:00:00Z"), "IT-LIST-01");
    }

    [Fact]
    public void IT_LIST_01_registration_revokes_consents_given_before_it_but_not_after()
    {
        var before = ConsentTo(Utc("2026-01-05T09:00:00Z"));
        var after = ConsentTo(Utc("2026-03-10T09:00:00Z"));
        AssertRefusedBy(Evaluate(It, Request(OnRpo, consents: before), Utc("2026-03-20T10:00:00Z")), "IT-LIST-01");
        AssertAllowed(Evaluate(It, Request(OnRpo, consents: after), Utc("2026-03-20T10:00:00Z")));
    }

    [Fact]
    public void IT_LIST_01_a_new_registration_wipes_the_later_consent_again()
    {
        var after = ConsentTo(Utc("2026-03-10T09:00:00Z"));
        var twice = OnRpo.Add(Registered(ContactRegistry.Rpo, Utc("2026-04-01T09:00:00Z")));
        AssertRefusedBy(Evaluate(It, Request(twice, consents: after), Utc("2026-04-20T10:00:00Z")), "IT-LIST-01");
    }

    // Operators must consult the register every 15 days: a scrub of 1 March 00:00Z is good until
    // 16 March 00:00Z inclusive (15 days old) and stale a minute later.
    [Fact]
    public void IT_LIST_01_a_register_consultation_older_than_15_days_refuses_every_call()
    {
        var snapshot = Utc("2026-03-01T00:00:00Z");
        AssertAllowed(Evaluate(It, Request(snapshot: snapshot), Utc("2026-03-16T00:00:00Z")));
        AssertRefusedBy(Evaluate(It, Request(snapshot: snapshot), Utc("2026-03-16T00:01:00Z")), "IT-LIST-01");
    }

    [Fact]
    public void IT_LIST_01_Rpo_rule_applies_from_27_July_2022()
    {
        var optOuts = ImmutableArray.Create(Registered(ContactRegistry.Rpo, Utc("2022-05-02T10:00:00Z")));
        AssertAllowed(Evaluate(It, Request(optOuts), Utc("2022-07-26T10:00:00Z")));
        AssertRefusedBy(Evaluate(It, Request(optOuts), Utc("2022-07-27T10:00:00Z")), "IT-LIST-01");
    }

    [Fact]
    public void EU_AUTO_01_automated_marketing_needs_consent_in_the_it_pack()
        => AssertRefusedBy(Evaluate(It, Request(automated: true), Utc("2026-03-10T10:00:00Z")), "EU-AUTO-01");
}
