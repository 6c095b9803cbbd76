using System;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;
using static ContactRules.Tests.TestPolicies;

namespace ContactRules.Tests.Engine;

public class PolicyTests
{
    [Fact]
    public void Every_refusing_rule_is_reported_not_only_the_first()
    {
        // Saturday 28 March 2026, after 4 attempts in March and a refusal on 20 March: hours, cap and cooldown all refuse.
        var history = History(
            Attempt(ParisTime("2026-03-02 10:30")), Attempt(ParisTime("2026-03-05 10:30")), Attempt(ParisTime("2026-03-10 10:30")),
            Attempt(ParisTime("2026-03-20 10:30"), AttemptOutcome.Refused));
        var decision = FranceRules.Pack.Evaluate(Call(Person(Paris)), ParisTime("2026-03-28 11:00"), history);
        Assert.Equal(new[] { "FR-HOURS-01", "FR-FREQ-01", "FR-COOL-01" }, decision.Violations.Select(v => v.RuleId));

        // The cooldown runs longest: 20 March + 60 = 19 May; 20 May 2026 is a Wednesday, 10:00 CEST = 08:00Z.
        Assert.Equal(Utc("2026-05-20T08:00:00Z"), decision.NextPermittedAt);
        Assert.All(decision.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Reason)));
    }

    [Fact]
    public void Without_any_zone_the_engine_refuses_with_CORE_ZONE_01_and_never_guesses()
    {
        var nowhere = new Contact("c-1") { PhoneNumber = "+33612345678" };
        var decision = FranceRules.Pack.Evaluate(Call(nowhere), ParisTime("2026-03-10 11:00"), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal(CoreRules.ZoneUnknownId, violation.RuleId);
        Assert.Equal(RuleKind.Zone, violation.Kind);
        Assert.Null(violation.Until);
        Assert.Null(decision.NextPermittedAt);
    }

    [Fact]
    public void A_policy_without_zone_dependent_rules_does_not_need_a_zone()
    {
        var consentOnly = new ContactPolicy("c", new ContactRule[] { new ConsentRequirement(new RuleMetadata("TEST-CONS", "test")) });
        var request = new ContactRequest(new Contact("c-1")) { Consents = ImmutableArray.Create(new ConsentRecord(Utc("2026-01-01T00:00:00Z"))) };
        Assert.True(consentOnly.Evaluate(request, Utc("2026-03-10T11:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    [Theory]
    [InlineData("2023-02-28 21:00", true)]  // the day before D223-9 came into force: no hours rule
    [InlineData("2023-03-01 21:00", false)] // the day it came into force (a Wednesday): after 20:00 is refused
    public void D223_9_applies_from_1_March_2023(string local, bool allowed)
        => Assert.Equal(allowed, FranceRules.Pack.Evaluate(Call(Person(Paris)), ParisTime(local), ContactHistory.Empty).IsAllowed);

    [Fact]
    public void A_rule_is_in_force_where_any_candidate_zone_has_reached_its_first_date()
    {
        // 28 February 2023 21:00 in Paris is already 1 March 00:00 in Réunion (UTC+4): for a contact that may
        // be in either, the stricter reading applies D223-9 (and 00:00 is outside the hours).
        var at = ParisTime("2023-02-28 21:00");
        Assert.False(FranceRules.Pack.Evaluate(Call(Person(Paris, Reunion)), at, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_rule_that_ends_stops_refusing_when_its_period_ends()
    {
        // A rule in force until 10 August 2026 inclusive that always refuses: refused on 10 August, allowed from
        // 11 August 00:00 in the called person's zone, and its violation says so.
        var ending = new ContactPolicy("end", new ContactRule[]
        {
            OptOutSuppression.Company(new RuleMetadata("TEST-END", "test") { InForce = InForcePeriod.Between(new LocalDate(2016, 6, 1), new LocalDate(2026, 8, 10)) }),
        });
        var request = new ContactRequest(Person(Paris)) { OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Company, Utc("2020-01-01T00:00:00Z"))) };
        var decision = ending.Evaluate(request, ParisTime("2026-08-10 23:59"), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Equal(ParisTime("2026-08-11 00:00"), decision.NextPermittedAt);
        Assert.True(ending.Evaluate(request, ParisTime("2026-08-11 00:00"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void Consent_to_calls_outside_hours_lifts_days_and_hours_but_not_the_cap()
    {
        var consent = ImmutableArray.Create(new ConsentRecord(Utc("2026-01-01T00:00:00Z")) { OutsideHours = true, Channel = ContactChannel.Voice });
        var request = new ContactRequest(Person(Paris)) { Caller = "acme", Consents = consent };
        Assert.True(FranceRules.Pack.Evaluate(request, ParisTime("2026-03-14 21:30"), ContactHistory.Empty).IsAllowed); // Saturday night
        Assert.True(FranceRules.Pack.Evaluate(request, ParisTime("2026-05-01 11:00"), ContactHistory.Empty).IsAllowed); // Labour Day

        var four = History(new[] { "2026-03-02", "2026-03-05", "2026-03-10", "2026-03-13" }.Select(d => Attempt(ParisTime(d + " 10:30"))));
        var capped = FranceRules.Pack.Evaluate(request, ParisTime("2026-03-14 21:30"), four);
        Assert.Equal("FR-FREQ-01", Assert.Single(capped.Violations).RuleId);
    }

    [Fact]
    public void A_consent_without_the_outside_hours_scope_does_not_lift_the_hours()
    {
        var request = new ContactRequest(Person(Paris)) { Consents = ImmutableArray.Create(new ConsentRecord(Utc("2026-01-01T00:00:00Z"))) };
        Assert.False(FranceRules.Pack.Evaluate(request, ParisTime("2026-03-14 11:00"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void The_French_canvassing_rules_do_not_cover_informational_calls_or_text_messages()
    {
        var saturday = ParisTime("2026-03-14 11:00");
        Assert.True(FranceRules.Pack.Evaluate(new ContactRequest(Person(Paris), ContactChannel.Voice, ContactPurpose.Informational), saturday, ContactHistory.Empty).IsAllowed);

        // D223-9's days and hours are rules of telephone canvassing: a marketing SMS on a Saturday
        // is not refused by them. It needs a consent to messages (CPCE L34-5, FR-EMSG-01): this
        // expectation used to allow it with no consent at all, which the law never did.
        var sms = new ContactRequest(Person(Paris), ContactChannel.Sms);
        Assert.Equal(new[] { "FR-EMSG-01" }, FranceRules.Pack.Evaluate(sms, saturday, ContactHistory.Empty).Violations.Select(v => v.RuleId));
        var consenting = new ContactRequest(Person(Paris), ContactChannel.Sms)
        {
            Consents = ImmutableArray.Create(new ConsentRecord(ParisTime("2026-01-05 12:00")) { Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing }),
        };
        Assert.True(FranceRules.Pack.Evaluate(consenting, saturday, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void Combined_policies_apply_every_rule_once_and_join_their_ids()
    {
        var extra = new ContactPolicy("extra", new ContactRule[] { FranceRules.Hours, new ConsentRequirement(new RuleMetadata("TEST-CONS", "test")) });
        var combined = ContactPolicy.Combine(D223_9, extra);
        Assert.Equal("d223-9+extra", combined.Id);
        Assert.Equal(5, combined.Rules.Length);
        var decision = combined.Evaluate(Call(Person(Paris)), ParisTime("2026-03-14 11:00"), ContactHistory.Empty);
        Assert.Equal(new[] { "FR-HOURS-01", "TEST-CONS" }, decision.Violations.Select(v => v.RuleId));
        Assert.Null(decision.NextPermittedAt);
    }

    [Fact]
    public void Two_different_rules_with_one_id_are_rejected()
    {
        var twin = new CallingWindow(new RuleMetadata("FR-HOURS-01", "a copy"), WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)));
        var error = Assert.Throws<ArgumentException>(() => new ContactPolicy("bad", new ContactRule[] { FranceRules.Hours, twin }));
        Assert.Contains("FR-HOURS-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Packs_resolve_by_id_and_unknown_ids_get_a_precise_error()
    {
        Assert.Same(FranceRules.Pack, RulePacks.Get("fr"));
        Assert.False(RulePacks.TryResolve("fr+xx", out var policy, out var error));
        Assert.Null(policy);
        Assert.Contains("unknown pack 'xx'", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RulePacks.Get("xx"));
    }

    [Fact]
    public void An_invalid_phone_number_is_rejected_with_what_was_expected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Contact("c-1") { PhoneNumber = "06 12 34 56 78" });
        Assert.Contains("E.164", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowed_check_allocates_nothing()
    {
        // The hot path of a dialer: France, 30 attempts of history, allowed. Measured in the benchmarks; here
        // only the promise that an allowance is the shared decision instance.
        var history = History(Enumerable.Range(0, 30).Select(i => Attempt(ParisTime("2025-06-02 10:30") + Duration.FromDays(i * 6))));
        var request = Call(Person(Paris));
        var at = ParisTime("2026-03-10 11:00");
        FranceRules.Pack.Evaluate(request, at, history);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var decision = FranceRules.Pack.Evaluate(request, at, history);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(ContactDecision.Allowed, decision);
        Assert.Equal(0, allocated);
    }
}
