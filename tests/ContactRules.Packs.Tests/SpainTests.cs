using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>The <c>es</c> pack read against LGTel art. 66.1.b, AEPD Circular 1/2023 and LOPDGDD art. 23.4.</summary>
public class SpainTests
{
    private static readonly ContactPolicy Es = SpainRules.Pack;
    private static readonly DateTimeZone Madrid = Zone("Europe/Madrid");

    private static ContactRequest Request(ContractStatus? contract = null, LocalDate? lastPurchase = null, bool automated = false, ImmutableArray<OptOut> optOuts = default, params ConsentRecord[] consents)
        => new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Madrid), Contract = contract, LastPurchase = lastPurchase })
        {
            Caller = Acme,
            Automated = automated,
            OptOuts = optOuts,
            Consents = consents.ToImmutableArray(),
        };

    [Fact]
    public void ES_CONS_01_consent_is_required_from_29_June_2023()
    {
        // Madrid is UTC+2 in June: 10:00Z is 12:00 local on both days.
        AssertAllowed(Evaluate(Es, Request(), Utc("2023-06-28T10:00:00Z")));
        var decision = Evaluate(Es, Request(), Utc("2023-06-29T10:00:00Z"));
        AssertRefusedBy(decision, "ES-CONS-01");
        Assert.Null(decision.NextPermittedAt);
    }

    [Fact]
    public void ES_CONS_01_a_customer_may_be_called_about_similar_products_without_consent()
    {
        AssertAllowed(Evaluate(Es, Request(new ContractStatus(true, true)), Utc("2026-03-10T10:00:00Z")));
        AssertRefusedBy(Evaluate(Es, Request(new ContractStatus(true, false)), Utc("2026-03-10T10:00:00Z")), "ES-CONS-01");
    }

    // A former customer whose last purchase was on 10 March 2025: exempt while the local date is
    // before 10 March 2025 + 12 months = 10 March 2026, so until 9 March 2026 inclusive.
    [Fact]
    public void ES_CONS_01_a_former_customer_may_be_called_for_a_year_after_the_last_purchase()
    {
        var former = new ContractStatus(false, true);
        AssertAllowed(Evaluate(Es, Request(former, Date("2025-03-10")), Local("2026-03-09 23:59", Madrid)));
        AssertRefusedBy(Evaluate(Es, Request(former, Date("2025-03-10")), Local("2026-03-10 00:00", Madrid)), "ES-CONS-01");
    }

    [Fact]
    public void EU_AUTO_01_automated_calls_need_consent_even_for_customers()
        => AssertRefusedBy(Evaluate(Es, Request(new ContractStatus(true, true), automated: true), Utc("2026-03-10T10:00:00Z")), "EU-AUTO-01");

    // ES-LIST-01: registered Monday 2 March 2026 11:00Z; sources say 30 days or two months: the
    // shorter is taken, so the person is protected from 1 April 2026 11:00Z.
    private static readonly ImmutableArray<OptOut> OnRobinson = ImmutableArray.Create(Registered(ContactRegistry.Robinson, Utc("2026-03-02T11:00:00Z")));

    [Fact]
    public void ES_LIST_01_Robinson_protects_30_days_after_registration_even_customers()
    {
        var customer = new ContractStatus(true, true);
        AssertRefusedForGoodFrom(Es, Request(customer, optOuts: OnRobinson), Utc("2026-04-01T11:00:00Z"), "ES-LIST-01");
    }

    [Fact]
    public void ES_LIST_01_Robinson_yields_to_consent_to_this_company()
    {
        AssertAllowed(Evaluate(Es, Request(optOuts: OnRobinson, consents: ConsentTo(Utc("2026-01-05T09:00:00Z"))), Utc("2026-04-07T10:00:00Z")));
        AssertRefusedBy(
            Evaluate(Es, Request(optOuts: OnRobinson, consents: ConsentTo(Utc("2026-01-05T09:00:00Z"), "other-brand")), Utc("2026-04-07T10:00:00Z")),
            "ES-CONS-01",
            "ES-LIST-01");
    }

    [Fact]
    public void ES_LIST_01_Robinson_applies_from_7_December_2018()
    {
        var optOuts = ImmutableArray.Create(Registered(ContactRegistry.Robinson, Utc("2018-01-08T10:00:00Z")));
        AssertAllowed(Evaluate(Es, Request(optOuts: optOuts), Utc("2018-12-06T10:00:00Z")));
        AssertRefusedBy(Evaluate(Es, Request(optOuts: optOuts), Utc("2018-12-07T10:00:00Z")), "ES-LIST-01");
    }
}
