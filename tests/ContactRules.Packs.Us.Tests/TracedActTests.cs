using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// The TRACED Act limits on exempted prerecorded calls (47 CFR 64.1200(a)(3), FCC 20-186, in
/// force 20 July 2023; regulations.md 2.1): 3 within any consecutive 30 days; health care 1 a day
/// and 3 a week. Consecutive periods are read as rolling durations (an attempt at a occupies
/// [a, a + D)).
/// </summary>
public class TracedActTests
{
    private static readonly ContactPolicy ThirtyDays = Only(UnitedStatesRules.TracedExemptedCalls);
    private static readonly ContactPolicy Daily = Only(UnitedStatesRules.TracedDaily);
    private static readonly ContactPolicy HealthWeekly = Only(UnitedStatesRules.TracedHealthCareWeekly);

    private static ContactRequest Prerecorded(ContactPurpose purpose = ContactPurpose.Informational)
        => new ContactRequest(AmericanPerson(NewYork), ContactChannel.Voice, purpose) { Caller = "acme", Automated = true };

    private static ContactAttempt Placed(Instant at) => Attempt(at, AttemptOutcome.Voicemail, ContactPurpose.Informational);

    [Fact]
    public void US_TRACED_01_the_third_call_in_30_days_is_allowed()
    {
        // N = 3: two earlier calls (1 and 5 June) leave room for a third.
        var history = History(Placed(Utc("2026-06-01T14:00:00Z")), Placed(Utc("2026-06-05T14:00:00Z")));
        Assert.True(ThirtyDays.Evaluate(Prerecorded(), Utc("2026-06-10T14:00:00Z"), history).IsAllowed);
    }

    // N + 1: calls on 1, 5 and 10 June 2026 at 14:00Z. The first occupies [1 June 14:00Z,
    // 1 July 14:00Z): a fourth call is refused until 1 July 14:00Z and allowed from then.
    [Theory]
    [InlineData("2026-06-30T14:00:00Z", false)]
    [InlineData("2026-07-01T13:59:00Z", false)]
    [InlineData("2026-07-01T14:00:00Z", true)]
    public void US_TRACED_01_the_fourth_call_in_30_days_is_refused(string at, bool allowed)
    {
        var history = History(Placed(Utc("2026-06-01T14:00:00Z")), Placed(Utc("2026-06-05T14:00:00Z")), Placed(Utc("2026-06-10T14:00:00Z")));
        var decision = ThirtyDays.Evaluate(Prerecorded(), Utc(at), history);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-TRACED-01", SingleRuleId(decision));
            Assert.Equal(Utc("2026-07-01T14:00:00Z"), decision.NextPermittedAt);
        }
    }

    // In force 20 July 2023: three calls on 1, 5 and 10 July 2023; a fourth on 19 July is not
    // limited yet, on 20 July it is.
    [Theory]
    [InlineData("2023-07-19 12:00", true)]
    [InlineData("2023-07-20 12:00", false)]
    public void US_TRACED_01_US_TRACED_DAY_01_the_limits_apply_from_20_July_2023(string local, bool allowed)
    {
        var history = History(Placed(NewYorkTime("2023-07-01 12:00")), Placed(NewYorkTime("2023-07-05 12:00")), Placed(NewYorkTime("2023-07-10 12:00")));
        Assert.Equal(allowed, ThirtyDays.Evaluate(Prerecorded(), NewYorkTime(local), history).IsAllowed);
    }

    [Fact]
    public void US_TRACED_01_US_TRACED_DAY_01_consent_takes_the_call_out_of_the_limits()
    {
        var history = History(Placed(Utc("2026-06-01T14:00:00Z")), Placed(Utc("2026-06-05T14:00:00Z")), Placed(Utc("2026-06-10T14:00:00Z")));
        var request = Prerecorded().WithConsents(new ConsentRecord(Utc("2026-01-01T00:00:00Z")));
        Assert.True(ThirtyDays.Evaluate(request, Utc("2026-06-20T14:00:00Z"), history).IsAllowed);
    }

    [Fact]
    public void US_TRACED_01_US_CONS_01_prerecorded_telemarketing_is_not_an_exempted_call()
    {
        // Prerecorded telemarketing needs written consent (US-CONS-01); it is not one of the
        // exempted calls these limits count.
        var history = History(Placed(Utc("2026-06-01T14:00:00Z")), Placed(Utc("2026-06-05T14:00:00Z")), Placed(Utc("2026-06-10T14:00:00Z")));
        Assert.True(ThirtyDays.Evaluate(Prerecorded(ContactPurpose.Marketing), Utc("2026-06-20T14:00:00Z"), history).IsAllowed);
    }

    // 1 a day (rolling 24 h): a call on 10 June 14:00Z blocks until 11 June 14:00Z.
    [Theory]
    [InlineData("2026-06-11T13:59:00Z", false)]
    [InlineData("2026-06-11T14:00:00Z", true)]
    public void US_TRACED_DAY_01_one_call_a_day(string at, bool allowed)
    {
        var decision = Daily.Evaluate(Prerecorded(), Utc(at), History(Placed(Utc("2026-06-10T14:00:00Z"))));
        Assert.Equal(allowed, decision.IsAllowed);
    }

    // Health care, 3 a week (rolling 7 days): calls on 1, 2 and 3 June 14:00Z; the first leaves
    // the week at 8 June 14:00Z.
    [Theory]
    [InlineData("2026-06-08T13:59:00Z", false)]
    [InlineData("2026-06-08T14:00:00Z", true)]
    public void US_TRACED_WEEK_01_three_health_care_calls_a_week(string at, bool allowed)
    {
        var history = History(Placed(Utc("2026-06-01T14:00:00Z")), Placed(Utc("2026-06-02T14:00:00Z")), Placed(Utc("2026-06-03T14:00:00Z")));
        Assert.Equal(allowed, HealthWeekly.Evaluate(Prerecorded(), Utc(at), history).IsAllowed);
    }

    [Fact]
    public void US_TRACED_WEEK_01_the_health_care_pack_allows_a_fourth_call_in_30_days_after_a_week()
    {
        // Calls on 1, 2 and 3 June at 14:00Z. On 10 June 14:00Z the last of them has left its
        // week (3 June + 7 days) and its day: the health-care limits allow. The general limit
        // still holds three calls within 30 days and refuses. (Both packs also refuse under
        // US-CONS-01, as no consent is given: only the TRACED ids are compared.)
        var history = History(Placed(Utc("2026-06-01T14:00:00Z")), Placed(Utc("2026-06-02T14:00:00Z")), Placed(Utc("2026-06-03T14:00:00Z")));
        var at = Utc("2026-06-10T14:00:00Z");

        var health = UnitedStatesRules.HealthCarePack.Evaluate(Prerecorded(), at, history);
        var general = UnitedStatesRules.Pack.Evaluate(Prerecorded(), at, history);
        Assert.DoesNotContain(health.Violations, v => v.RuleId.StartsWith("US-TRACED", System.StringComparison.Ordinal));
        Assert.Contains("US-TRACED-01", RuleIds(general));
    }

    [Fact]
    public void US_TRACED_DAY_01_the_us_pack_applies_the_daily_limit_to_every_exempted_call()
    {
        // ContactRules cannot tell a health-care message from another exempted call: the us pack
        // allows only what both regimes allow, so a second call within 24 hours is refused.
        var decision = UnitedStatesRules.Pack.Evaluate(Prerecorded(), Utc("2026-06-10T20:00:00Z"), History(Placed(Utc("2026-06-10T14:00:00Z"))));
        Assert.Contains("US-TRACED-DAY-01", RuleIds(decision));
        Assert.DoesNotContain("US-TRACED-01", RuleIds(decision));
    }
}
