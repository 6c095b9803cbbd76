using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// The <c>us</c> pack read against 47 CFR 64.1200 and 16 CFR 310 (regulations.md 2.1, 2.2) and
/// docs/conventions.md. Every expected value is worked out in the comments.
/// </summary>
public class UnitedStatesPackTests
{
    private static readonly ContactPolicy Us = UnitedStatesRules.Pack;

    // 64.1200(c)(1): "before 8:00 a.m. or after 9:00 p.m. local time at the called party's
    // location"; conventions: half-open [08:00, 21:00). Tuesday 10 March 2026 in New York.
    [Theory]
    [InlineData("2026-03-10 07:59", false)]
    [InlineData("2026-03-10 08:00", true)]
    [InlineData("2026-03-10 20:59", true)]
    [InlineData("2026-03-10 21:00", false)]
    public void US_HOURS_01_hours_are_eight_to_nine_in_the_called_partys_zone(string local, bool allowed)
    {
        var decision = Us.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime(local), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-HOURS-01", SingleRuleId(decision));
        }
    }

    [Fact]
    public void US_HOURS_01_after_nine_the_next_permitted_instant_is_eight_the_next_morning()
    {
        // 21:00 Tuesday is refused; the next allowed local time is 08:00 Wednesday.
        var decision = Us.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime("2026-03-10 21:00"), ContactHistory.Empty);
        Assert.Equal(NewYorkTime("2026-03-11 08:00"), decision.NextPermittedAt);
    }

    [Fact]
    public void US_HOURS_01_texts_are_calls_for_the_hours_rule()
    {
        // A text is a "call" under the TCPA: 07:59 is refused for an SMS too.
        var decision = Us.Evaluate(Marketing(AmericanPerson(NewYork), channel: ContactChannel.Sms), NewYorkTime("2026-03-10 07:59"), ContactHistory.Empty);
        Assert.Equal("US-HOURS-01", SingleRuleId(decision));
    }

    [Fact]
    public void US_HOURS_01_the_hours_rule_is_lifted_only_by_a_consent_to_calls_outside_the_hours()
    {
        // TSR 310.4(c): "unless the seller has obtained the prior consent of such person".
        var contact = AmericanPerson(NewYork);
        var anyConsent = new ConsentRecord(NewYorkTime("2026-01-05 12:00")) { Purpose = ContactPurpose.Marketing };
        var outsideHours = new ConsentRecord(NewYorkTime("2026-01-05 12:00")) { Purpose = ContactPurpose.Marketing, OutsideHours = true };

        Assert.False(Us.Evaluate(Marketing(contact).WithConsents(anyConsent), NewYorkTime("2026-03-10 21:30"), ContactHistory.Empty).IsAllowed);
        Assert.True(Us.Evaluate(Marketing(contact).WithConsents(outsideHours), NewYorkTime("2026-03-10 21:30"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_HOURS_01_informational_live_calls_are_not_telemarketing()
    {
        // The hours rule governs telephone solicitation and telemarketing only.
        var request = new ContactRequest(AmericanPerson(NewYork), ContactChannel.Voice, ContactPurpose.Informational) { Caller = "acme" };
        Assert.True(Us.Evaluate(request, NewYorkTime("2026-03-10 22:00"), ContactHistory.Empty).IsAllowed);
    }

    // A contact with candidate zones New York and Los Angeles (3 hours behind) is allowed only
    // where both allow: 08:00 in Los Angeles is 11:00 in New York, 21:00 in New York is 18:00 in
    // Los Angeles, so the window is 11:00–21:00 New York time.
    [Theory]
    [InlineData("2026-03-10 10:59", false)]
    [InlineData("2026-03-10 11:00", true)]
    [InlineData("2026-03-10 20:59", true)]
    [InlineData("2026-03-10 21:00", false)]
    public void US_HOURS_01_a_contact_in_two_zones_is_called_only_when_both_allow(string newYorkTime, bool allowed)
    {
        var decision = Us.Evaluate(Marketing(AmericanPerson(NewYork, LosAngeles)), NewYorkTime(newYorkTime), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void US_HOURS_01_a_contact_in_two_zones_waits_for_eight_in_the_later_zone()
    {
        // At 09:00 New York it is 06:00 in Los Angeles: the next instant both allow is 08:00 Los
        // Angeles, which is 11:00 New York.
        var decision = Us.Evaluate(Marketing(AmericanPerson(NewYork, LosAngeles)), NewYorkTime("2026-03-10 09:00"), ContactHistory.Empty);
        Assert.Equal(NewYorkTime("2026-03-10 11:00"), decision.NextPermittedAt);
        Assert.Equal(Local("2026-03-10 08:00", LosAngeles), decision.NextPermittedAt);
    }

    [Fact]
    public void US_HOURS_01_an_Alaska_number_is_called_from_eight_on_the_Aleutians()
    {
        // Area code 907 spans Alaska time (Anchorage, UTC-9 in January) and Hawaii-Aleutian
        // time (Adak, one hour behind). Tuesday 13 January 2026:
        // 08:00 in Adak is 09:00 in Anchorage; 08:59 Anchorage (07:59 Adak) is refused.
        var anchorage = Zone("America/Anchorage");
        var contact = new ContactRules.PhoneNumbers.PhoneNumberResolver("US").WithZonesFromNumber(new Contact("c-1") { PhoneNumber = "+19075550123" });
        Assert.False(Us.Evaluate(Marketing(contact), Local("2026-01-13 08:59", anchorage), ContactHistory.Empty).IsAllowed);
        Assert.True(Us.Evaluate(Marketing(contact), Local("2026-01-13 09:00", anchorage), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_HOURS_01_spring_forward_day_in_New_York()
    {
        // Sunday 8 March 2026 the clocks go from 02:00 EST to 03:00 EDT. 08:00 EDT is 12:00Z
        // (UTC-4); 07:59 EDT is 11:59Z. From 01:00 EST (06:00Z) the wait is six hours, not seven.
        var contact = AmericanPerson(NewYork);
        Assert.False(Us.Evaluate(Marketing(contact), Utc("2026-03-08T11:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.True(Us.Evaluate(Marketing(contact), Utc("2026-03-08T12:00:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.Equal(Utc("2026-03-08T12:00:00Z"), Us.Evaluate(Marketing(contact), Utc("2026-03-08T06:00:00Z"), ContactHistory.Empty).NextPermittedAt);
    }

    [Fact]
    public void US_HOURS_01_fall_back_day_in_New_York()
    {
        // Sunday 1 November 2026 the clocks go from 02:00 EDT back to 01:00 EST. 08:00 EST is
        // 13:00Z (UTC-5): 12:59Z (07:59 EST) is refused. From 21:00 EDT on Saturday (01:00Z) the
        // wait is 12 hours, the repeated hour included. 20:59 EST Sunday is 01:59Z Monday; 21:00
        // EST is 02:00Z.
        var contact = AmericanPerson(NewYork);
        Assert.False(Us.Evaluate(Marketing(contact), Utc("2026-11-01T12:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.True(Us.Evaluate(Marketing(contact), Utc("2026-11-01T13:00:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.Equal(Utc("2026-11-01T13:00:00Z"), Us.Evaluate(Marketing(contact), Utc("2026-11-01T01:00:00Z"), ContactHistory.Empty).NextPermittedAt);
        Assert.True(Us.Evaluate(Marketing(contact), Utc("2026-11-02T01:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(Us.Evaluate(Marketing(contact), Utc("2026-11-02T02:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_HOURS_01_without_a_zone_the_contact_is_refused_rather_than_guessed()
    {
        var decision = Us.Evaluate(Marketing(AmericanPerson()), Utc("2026-03-10T16:00:00Z"), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Contains(CoreRules.ZoneUnknownId, RuleIds(decision));
        Assert.Null(decision.NextPermittedAt);
    }

    // National DNC: a registration protects the number from registration + 31 days (conventions:
    // "US DNC 31 days"). Registered 1 January 2026 15:00Z: protected from 1 February 2026
    // 15:00Z (10:00 EST).
    [Theory]
    [InlineData("2026-02-01T14:59:00Z", true)]
    [InlineData("2026-02-01T15:00:00Z", false)]
    public void US_DNC_01_a_registry_entry_protects_from_31_days_after_registration(string at, bool allowed)
    {
        var request = Marketing(AmericanPerson(NewYork)).WithOptOuts(new OptOut(OptOutKind.Registry, Utc("2026-01-01T15:00:00Z")) { Registry = ContactRegistry.UsDnc });
        var decision = Us.Evaluate(request, Utc(at), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-DNC-01", SingleRuleId(decision));
            Assert.Null(decision.NextPermittedAt);
        }
    }

    // Safe harbour: the registry version must be at most 31 days old. Scrubbed against the
    // version of 1 February 2026 15:00Z: 31 days later is 4 March 2026 15:00Z (February 2026 has
    // 28 days) and is still fresh; one minute later it is stale and every contact is refused,
    // registered or not.
    [Theory]
    [InlineData("2026-03-04T15:00:00Z", true)]
    [InlineData("2026-03-04T15:01:00Z", false)]
    public void US_DNC_01_a_registry_version_older_than_31_days_refuses_every_number(string at, bool allowed)
    {
        var request = Marketing(AmericanPerson(NewYork)).With(snapshot: Utc("2026-02-01T15:00:00Z"));
        var decision = Us.Evaluate(request, Utc(at), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-DNC-01", SingleRuleId(decision));
        }
    }

    // EBR, conventions' example: a purchase on 15 January 2025 exempts until 14 July 2026
    // inclusive (15 January 2025 + 18 months = 15 July 2026, exclusive).
    [Theory]
    [InlineData("2026-07-14 12:00", true)]
    [InlineData("2026-07-15 12:00", false)]
    public void US_DNC_01_a_purchase_exempts_from_the_registry_for_18_months(string local, bool allowed)
    {
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(NewYork), LastPurchase = Date("2025-01-15") };
        var request = Marketing(contact).WithOptOuts(new OptOut(OptOutKind.Registry, Utc("2020-01-01T00:00:00Z")) { Registry = ContactRegistry.UsDnc });
        Assert.Equal(allowed, Us.Evaluate(request, NewYorkTime(local), ContactHistory.Empty).IsAllowed);
    }

    // An inquiry on 10 May 2026 exempts for 3 months: until 9 August 2026 inclusive.
    [Theory]
    [InlineData("2026-08-09 12:00", true)]
    [InlineData("2026-08-10 12:00", false)]
    public void US_DNC_01_an_inquiry_exempts_from_the_registry_for_3_months(string local, bool allowed)
    {
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(NewYork), LastInquiry = Date("2026-05-10") };
        var request = Marketing(contact).WithOptOuts(new OptOut(OptOutKind.Registry, Utc("2020-01-01T00:00:00Z")) { Registry = ContactRegistry.UsDnc });
        Assert.Equal(allowed, Us.Evaluate(request, NewYorkTime(local), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_DNC_01_US_IDNC_01_a_company_opt_out_ends_the_relationship_exemption()
    {
        // 64.1200(f)(5): a company-specific do-not-call request terminates the EBR for DNC
        // purposes even if purchases continue. Both rules refuse.
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(NewYork), LastPurchase = Date("2026-03-01") };
        var request = Marketing(contact).WithOptOuts(
            new OptOut(OptOutKind.Registry, Utc("2020-01-01T00:00:00Z")) { Registry = ContactRegistry.UsDnc },
            new OptOut(OptOutKind.Company, NewYorkTime("2026-03-05 12:00")));
        var decision = Us.Evaluate(request, NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty);
        Assert.Equal(new[] { "US-DNC-01", "US-IDNC-01" }, RuleIds(decision).OrderBy(x => x, System.StringComparer.Ordinal));
    }

    // Company opt-out: at once (conventions), never lifted. Requested Tuesday 10 March 2026
    // 10:00 EDT = 14:00Z.
    [Theory]
    [InlineData("2026-03-10T13:59:00Z", true)]
    [InlineData("2026-03-10T14:00:00Z", false)]
    public void US_IDNC_01_a_company_opt_out_takes_effect_at_once(string at, bool allowed)
    {
        var request = Marketing(AmericanPerson(NewYork)).WithOptOuts(new OptOut(OptOutKind.Company, Utc("2026-03-10T14:00:00Z")));
        var decision = Us.Evaluate(request, Utc(at), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-IDNC-01", SingleRuleId(decision));
            Assert.Null(decision.NextPermittedAt);
        }
    }

    [Fact]
    public void US_IDNC_DEADLINE_01_the_ten_business_day_deadline_is_an_advisory()
    {
        // Received Tuesday 10 March 2026. Business days after it (no federal holiday until
        // Memorial Day): Wed 11 (1), Thu 12 (2), Fri 13 (3), Mon 16 (4), Tue 17 (5), Wed 18 (6),
        // Thu 19 (7), Fri 20 (8), Mon 23 (9), Tue 24 (10): honoured by the end of Tuesday 24
        // March, i.e. before 25 March 00:00 EDT = 04:00Z.
        var request = Marketing(AmericanPerson(NewYork)).WithOptOuts(new OptOut(OptOutKind.Company, NewYorkTime("2026-03-10 10:00")));
        var decision = Us.Evaluate(request, NewYorkTime("2026-03-11 12:00"), ContactHistory.Empty);
        var advisory = Assert.Single(decision.Advisories);
        Assert.Equal("US-IDNC-DEADLINE-01", advisory.Code);
        Assert.Equal(Utc("2026-03-25T04:00:00Z"), advisory.Deadline);
    }

    [Fact]
    public void US_IDNC_DEADLINE_01_business_days_skip_federal_holidays()
    {
        // Received Thursday 2 July 2026. Friday 3 July is Independence Day observed (4 July is a
        // Saturday). Mon 6 (1), Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5), Mon 13 (6), Tue 14
        // (7), Wed 15 (8), Thu 16 (9), Fri 17 (10): before 18 July 00:00 EDT = 04:00Z.
        var request = Marketing(AmericanPerson(NewYork)).WithOptOuts(new OptOut(OptOutKind.Company, NewYorkTime("2026-07-02 10:00")));
        var decision = Us.Evaluate(request, NewYorkTime("2026-07-02 12:00"), ContactHistory.Empty);
        Assert.Equal(Utc("2026-07-18T04:00:00Z"), Assert.Single(decision.Advisories).Deadline);
    }

    // FCC 24-24's 10-business-day rule is in force from 11 April 2025. Received Wednesday 9
    // April 2025: on 10 April no advisory; on 11 April the deadline is the end of the 10th
    // business day after 9 April: Thu 10 (1), Fri 11 (2), Mon 14 (3), Tue 15 (4), Wed 16 (5),
    // Thu 17 (6), Fri 18 (7), Mon 21 (8), Tue 22 (9), Wed 23 (10): 24 April 00:00 EDT = 04:00Z.
    [Theory]
    [InlineData("2025-04-10 12:00", null)]
    [InlineData("2025-04-11 12:00", "2025-04-24T04:00:00Z")]
    public void US_IDNC_DEADLINE_01_the_deadline_advisory_is_in_force_from_11_April_2025(string local, string? deadline)
    {
        var request = Marketing(AmericanPerson(NewYork)).WithOptOuts(new OptOut(OptOutKind.Company, NewYorkTime("2025-04-09 10:00")));
        var decision = Us.Evaluate(request, NewYorkTime(local), ContactHistory.Empty);
        Assert.Equal(deadline is null ? null : Utc(deadline), decision.Advisories.SingleOrDefault()?.Deadline);
    }

    [Fact]
    public void US_CONS_01_an_automated_call_needs_consent_whatever_its_purpose()
    {
        // 227(b): autodialed or prerecorded calls to a wireless number need prior express
        // consent; a US number does not say whether it is wireless. Waiting does not help.
        var request = new ContactRequest(AmericanPerson(NewYork), ContactChannel.Voice, ContactPurpose.Informational) { Caller = "acme", Automated = true };
        var refused = Us.Evaluate(request, NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty);
        Assert.Equal("US-CONS-01", SingleRuleId(refused));
        Assert.Null(refused.NextPermittedAt);

        var consented = request.WithConsents(new ConsentRecord(NewYorkTime("2026-01-01 12:00")));
        Assert.True(Us.Evaluate(consented, NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void Every_pack_id_resolves_and_composes()
    {
        foreach (var id in new[] { "us", "us-regf", "us-fl", "us-ok", "us-md", "us-wa", "us-ct", "us-tx", "us-ms", "us-la" })
        {
            Assert.Contains(id, RulePacks.Ids);
            Assert.Equal(id, RulePacks.Get(id).Id);
        }

        Assert.True(RulePacks.TryResolve("us+us-fl+us-regf", out var policy, out _));
        Assert.Equal("us+us-fl+us-regf", policy!.Id);
    }
}
