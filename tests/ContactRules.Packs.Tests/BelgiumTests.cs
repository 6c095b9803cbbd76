using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>The <c>be</c> pack read against CDE VI.111–VI.114 (regulations.md 5.5).</summary>
public class BelgiumTests
{
    private static readonly ContactPolicy Be = BelgiumRules.Pack;
    private static readonly DateTimeZone Brussels = Zone("Europe/Brussels");

    private static ContactRequest Request(ImmutableArray<OptOut> optOuts = default, Instant? snapshot = null, params ConsentRecord[] consents)
        => new ContactRequest(PersonIn(Brussels)) { Caller = Acme, OptOuts = optOuts, RegistrySnapshotAt = snapshot, Consents = consents.ToImmutableArray() };

    // Registered Monday 2 March 2026 10:00Z. The law's 5 working days would end on Monday 9 March;
    // the pack counts 5 calendar days, so the number is protected from Saturday 7 March 10:00Z,
    // earlier than the law requires.
    private static readonly ImmutableArray<OptOut> OnDncm = ImmutableArray.Create(Registered(ContactRegistry.Dncm, Utc("2026-03-02T10:00:00Z")));

    [Fact]
    public void BE_LIST_01_Dncm_protects_5_calendar_days_after_registration()
    {
        AssertRefusedForGoodFrom(Be, Request(OnDncm), Utc("2026-03-07T10:00:00Z"), "BE-LIST-01");
    }

    [Fact]
    public void BE_LIST_01_only_an_opt_in_given_after_registration_lifts_the_list()
    {
        AssertRefusedBy(Evaluate(Be, Request(OnDncm, consents: ConsentTo(Utc("2026-02-01T09:00:00Z"))), Utc("2026-03-20T10:00:00Z")), "BE-LIST-01");
        AssertAllowed(Evaluate(Be, Request(OnDncm, consents: ConsentTo(Utc("2026-03-10T09:00:00Z"))), Utc("2026-03-20T10:00:00Z")));
    }

    [Fact]
    public void BE_LIST_01_a_list_download_older_than_5_days_refuses_every_call()
    {
        var snapshot = Utc("2026-03-01T00:00:00Z");
        AssertAllowed(Evaluate(Be, Request(snapshot: snapshot), Utc("2026-03-06T00:00:00Z")));
        AssertRefusedBy(Evaluate(Be, Request(snapshot: snapshot), Utc("2026-03-06T00:01:00Z")), "BE-LIST-01");
    }

    [Fact]
    public void BE_LIST_01_existing_customers_are_not_exempt()
    {
        var customer = new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Brussels), Contract = new ContractStatus(true, true) }) { Caller = Acme, OptOuts = OnDncm };
        AssertRefusedBy(Evaluate(Be, customer, Utc("2026-03-20T10:00:00Z")), "BE-LIST-01");
    }
}
