using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>The <c>ca</c> pack read against the CRTC Unsolicited Telecommunications Rules (regulations.md 6.1).</summary>
public class CanadaTests
{
    private static readonly ContactPolicy Ca = CanadaRules.Pack;
    private static readonly DateTimeZone Toronto = Zone("America/Toronto");
    private static readonly DateTimeZone Vancouver = Zone("America/Vancouver");

    private static Instant T(string local) => Local(local, Toronto);

    private static ContactRequest Request(
        LocalDate? lastPurchase = null,
        LocalDate? lastInquiry = null,
        ImmutableArray<OptOut> optOuts = default,
        Instant? snapshot = null,
        params ConsentRecord[] consents)
        => new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Toronto), LastPurchase = lastPurchase, LastInquiry = lastInquiry })
        {
            Caller = Acme,
            OptOuts = optOuts,
            RegistrySnapshotAt = snapshot,
            Consents = consents.ToImmutableArray(),
        };

    // CA-HOURS-01: weekdays [09:00, 21:30), Saturday and Sunday [10:00, 18:00), recipient's time.
    // Tuesday 10 March 2026; Friday 13, Saturday 14, Sunday 15, Monday 16 March.
    [Theory]
    [InlineData("2026-03-10 08:59", "2026-03-10 09:00")]
    [InlineData("2026-03-10 21:30", "2026-03-11 09:00")]
    [InlineData("2026-03-13 21:30", "2026-03-14 10:00")] // Friday night → Saturday 10:00
    [InlineData("2026-03-14 09:59", "2026-03-14 10:00")]
    [InlineData("2026-03-14 18:00", "2026-03-15 10:00")] // Saturday evening → Sunday 10:00
    [InlineData("2026-03-15 18:00", "2026-03-16 09:00")] // Sunday evening → Monday 09:00
    public void CA_HOURS_01_hours_refuse_outside_the_windows(string at, string next)
    {
        var decision = Evaluate(Ca, Request(), T(at));
        AssertRefusedBy(decision, "CA-HOURS-01");
        Assert.Equal(T(next), decision.NextPermittedAt);
    }

    [Theory]
    [InlineData("2026-03-10 09:00")]
    [InlineData("2026-03-10 21:29")]
    [InlineData("2026-03-14 10:00")]
    [InlineData("2026-03-14 17:59")]
    [InlineData("2026-03-15 10:00")]
    [InlineData("2026-03-15 17:59")]
    public void CA_HOURS_01_hours_allow_inside_the_windows(string at) => AssertAllowed(Evaluate(Ca, Request(), T(at)));

    [Fact]
    public void CA_HOURS_01_a_contact_who_may_be_in_Toronto_or_Vancouver_is_called_when_both_clocks_allow()
    {
        // 09:00 in Toronto is 06:00 in Vancouver (3 hours behind): refused until 09:00 Vancouver = 12:00 Toronto.
        var request = new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Toronto, Vancouver) }) { Caller = Acme };
        var decision = Evaluate(Ca, request, T("2026-03-10 09:00"));
        AssertRefusedBy(decision, "CA-HOURS-01");
        Assert.Equal(T("2026-03-10 12:00"), decision.NextPermittedAt);
    }

    // CA-LIST-01: registered Monday 2 March 2026 15:00Z; protected from 2 March + 31 days = Thursday
    // 2 April 2026 15:00Z (11:00 EDT, inside the hours).
    private static readonly ImmutableArray<OptOut> OnDncl = ImmutableArray.Create(Registered(ContactRegistry.Dncl, Utc("2026-03-02T15:00:00Z")));

    [Fact]
    public void CA_LIST_01_Dncl_protects_31_days_after_registration()
    {
        AssertRefusedForGoodFrom(Ca, Request(optOuts: OnDncl), Utc("2026-04-02T15:00:00Z"), "CA-LIST-01");
    }

    // EBR: a purchase on 15 October 2024 exempts until 15 October 2024 + 18 months = 15 April 2026
    // exclusive, i.e. through Tuesday 14 April 2026; an inquiry on 15 October 2025 exempts until
    // 15 October 2025 + 6 months = 15 April 2026 exclusive, the same last day.
    [Fact]
    public void CA_LIST_01_purchase_exempts_from_the_Dncl_for_18_months()
    {
        AssertAllowed(Evaluate(Ca, Request(lastPurchase: Date("2024-10-15"), optOuts: OnDncl), T("2026-04-14 12:00")));
        AssertRefusedBy(Evaluate(Ca, Request(lastPurchase: Date("2024-10-15"), optOuts: OnDncl), T("2026-04-15 12:00")), "CA-LIST-01");
    }

    [Fact]
    public void CA_LIST_01_inquiry_exempts_from_the_Dncl_for_6_months()
    {
        AssertAllowed(Evaluate(Ca, Request(lastInquiry: Date("2025-10-15"), optOuts: OnDncl), T("2026-04-14 12:00")));
        AssertRefusedBy(Evaluate(Ca, Request(lastInquiry: Date("2025-10-15"), optOuts: OnDncl), T("2026-04-15 12:00")), "CA-LIST-01");
    }

    [Fact]
    public void CA_LIST_01_express_consent_exempts_from_the_Dncl()
        => AssertAllowed(Evaluate(Ca, Request(optOuts: OnDncl, consents: ConsentTo(Utc("2026-01-05T15:00:00Z"))), T("2026-04-14 12:00")));

    [Fact]
    public void CA_IDNC_01_an_internal_do_not_call_request_binds_even_with_a_business_relationship()
    {
        var told = new OptOut(OptOutKind.Company, T("2026-04-01 12:00")) { Entity = Acme };
        AssertAllowed(Evaluate(Ca, Request(lastPurchase: Date("2026-01-10"), optOuts: ImmutableArray.Create(told)), T("2026-04-01 11:59")));
        AssertRefusedBy(Evaluate(Ca, Request(lastPurchase: Date("2026-01-10"), optOuts: ImmutableArray.Create(told)), T("2026-04-01 12:00")), "CA-IDNC-01");

        // On the DNCL as well: the request also ends the relationship exemption.
        AssertRefusedBy(Evaluate(Ca, Request(lastPurchase: Date("2026-01-10"), optOuts: OnDncl.Add(told)), T("2026-04-07 12:00")), "CA-LIST-01", "CA-IDNC-01");
    }

    [Fact]
    public void CA_LIST_01_a_list_version_older_than_31_days_refuses_every_call()
    {
        // Scrubbed 1 March 00:00Z: good until 1 April 00:00Z (Tuesday 31 March 20:00 EDT, inside the hours).
        var snapshot = Utc("2026-03-01T00:00:00Z");
        AssertAllowed(Evaluate(Ca, Request(snapshot: snapshot), Utc("2026-04-01T00:00:00Z")));
        AssertRefusedBy(Evaluate(Ca, Request(snapshot: snapshot), Utc("2026-04-01T00:01:00Z")), "CA-LIST-01");
    }
}
