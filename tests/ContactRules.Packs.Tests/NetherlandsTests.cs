using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>The <c>nl</c> pack read against Telecommunicatiewet art. 11.7 (regulations.md 5.6).</summary>
public class NetherlandsTests
{
    private static readonly ContactPolicy Nl = NetherlandsRules.Pack;
    private static readonly DateTimeZone Amsterdam = Zone("Europe/Amsterdam");

    private static ContactRequest Request(ContractStatus? contract = null, LocalDate? lastPurchase = null, bool automated = false, params ConsentRecord[] consents)
        => new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Amsterdam), Contract = contract, LastPurchase = lastPurchase })
        {
            Caller = Acme,
            Automated = automated,
            Consents = consents.ToImmutableArray(),
        };

    [Fact]
    public void NL_CONS_01_opt_in_is_required_from_1_July_2021()
    {
        // Amsterdam is UTC+2 in summer: 10:00Z is 12:00 local on 30 June and 1 July.
        AssertAllowed(Evaluate(Nl, Request(), Utc("2021-06-30T10:00:00Z")));
        AssertRefusedBy(Evaluate(Nl, Request(), Utc("2021-07-01T10:00:00Z")), "NL-CONS-01");
        AssertAllowed(Evaluate(Nl, Request(consents: ConsentTo(Utc("2021-05-03T09:00:00Z"))), Utc("2021-07-01T10:00:00Z")));
    }

    // A former customer whose last purchase was on 10 March 2023: exempt while the local date is
    // before 10 March 2023 + 36 months = 10 March 2026, so until 9 March 2026 inclusive.
    [Fact]
    public void NL_CONS_01_a_former_customer_may_be_called_for_3_years_after_the_last_purchase()
    {
        var former = new ContractStatus(false, true);
        AssertAllowed(Evaluate(Nl, Request(former, Date("2023-03-10")), Local("2026-03-09 23:59", Amsterdam)));
        AssertRefusedBy(Evaluate(Nl, Request(former, Date("2023-03-10")), Local("2026-03-10 00:00", Amsterdam)), "NL-CONS-01");
    }

    [Fact]
    public void NL_CONS_01_a_customer_is_exempt_only_for_similar_products()
    {
        AssertAllowed(Evaluate(Nl, Request(new ContractStatus(true, true)), Utc("2026-03-10T10:00:00Z")));
        AssertRefusedBy(Evaluate(Nl, Request(new ContractStatus(true, false)), Utc("2026-03-10T10:00:00Z")), "NL-CONS-01");
    }

    [Fact]
    public void EU_AUTO_01_automated_calls_need_consent_even_for_customers()
        => AssertRefusedBy(Evaluate(Nl, Request(new ContractStatus(true, true), automated: true), Utc("2026-03-10T10:00:00Z")), "EU-AUTO-01");
}
