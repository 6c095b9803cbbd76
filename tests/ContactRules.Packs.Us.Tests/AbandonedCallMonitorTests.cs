using System;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// The campaign abandoned-call-rate monitor read against 47 CFR 64.1200(a)(7) / 16 CFR
/// 310.4(b)(4) (US-ABN-01: at most 3% of live answers, per campaign, each successive 30-day
/// period) and Ofcom's statements (UK-ABN-01: abandoned / (abandoned + live) per 24 hours, with
/// AMD false positives estimated). Headroom a solves (n + a) ≤ 0.03 (d + a) by hand below.
/// </summary>
public class AbandonedCallMonitorTests
{
    private static readonly Instant June1 = Utc("2026-06-01T14:00:00Z");

    private static void RecordMany(AbandonedCallMonitor monitor, string campaign, Instant at, AttemptOutcome outcome, int count)
    {
        for (var i = 0; i < count; i++)
        {
            monitor.Record(campaign, at, outcome);
        }
    }

    [Fact]
    public void US_ABN_01_a_campaign_with_no_live_answer_cannot_afford_one_abandoned_call()
    {
        // One abandoned call of one live answer is 100%.
        var status = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates).Status("spring", June1);
        Assert.Equal(0, status.Headroom);
        Assert.True(status.PausePredictive);
        Assert.Null(status.Rate);
        Assert.Equal("US-ABN-01", status.Limit.RuleId);
    }

    [Theory]
    // 32 connected: a ≤ 0.03·32 / 0.97 = 0.99, so 0 (1 of 33 would be 3.03%).
    [InlineData(32, 0)]
    // 33 connected: a ≤ 0.99 / 0.97 = 1.02, so 1 (1 of 34 is 2.94%).
    [InlineData(33, 1)]
    // 97 connected: a ≤ 2.91 / 0.97 = 3 exactly (3 of 100 is 3%, allowed; 4 of 101 is 3.96%).
    [InlineData(97, 3)]
    // 1000 connected: a ≤ 30 / 0.97 = 30.9, so 30 (30 of 1030 is 2.91%; 31 of 1031 is 3.007%).
    [InlineData(1000, 30)]
    public void US_ABN_01_headroom_is_the_abandoned_calls_the_period_can_still_take(int connected, int headroom)
    {
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Conversation, connected);
        var status = monitor.Status("spring", June1);
        Assert.Equal(headroom, status.Headroom);
        Assert.Equal(headroom == 0, status.PausePredictive);
    }

    [Fact]
    public void US_ABN_01_at_exactly_three_percent_the_dialer_pauses_before_the_limit_not_after()
    {
        // 97 connected and 3 abandoned: 3 of 100 live answers, exactly the limit, not beyond it;
        // a fourth abandoned call would make 4 of 101. Pause now.
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Conversation, 97);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Abandoned, 3);
        var status = monitor.Status("spring", June1);
        Assert.Equal(0.03m, status.Rate);
        Assert.False(status.IsExceeded);
        Assert.True(status.PausePredictive);
    }

    [Fact]
    public void US_ABN_01_above_three_percent_the_period_is_exceeded()
    {
        // 4 abandoned of 94 live answers: 4.26%.
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Conversation, 90);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Abandoned, 4);
        var status = monitor.Status("spring", June1);
        Assert.True(status.IsExceeded);
        Assert.Equal(0, status.Headroom);
    }

    [Fact]
    public void US_ABN_01_machines_no_answers_and_numbers_not_in_service_are_left_out()
    {
        // FTC: calls answered by machines, unanswered calls and non-working numbers do not count.
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Conversation, 97);
        foreach (var outcome in new[] { AttemptOutcome.Machine, AttemptOutcome.NoAnswer, AttemptOutcome.Busy, AttemptOutcome.Voicemail, AttemptOutcome.NotConnected, AttemptOutcome.Reserved })
        {
            RecordMany(monitor, "spring", June1, outcome, 50);
        }

        var status = monitor.Status("spring", June1);
        Assert.Equal(97, status.Connected);
        Assert.Equal(3, status.Headroom);
        Assert.Equal(0m, status.Rate);
    }

    [Fact]
    public void US_ABN_01_each_successive_30_day_period_is_measured_separately()
    {
        // The campaign's first call is 1 June 14:00Z: the first period is [1 June 14:00Z,
        // 1 July 14:00Z), the second [1 July 14:00Z, 31 July 14:00Z).
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Conversation, 97);

        var lastMinute = monitor.Status("spring", Utc("2026-07-01T13:59:00Z"));
        Assert.Equal(3, lastMinute.Headroom);
        Assert.Equal(June1, lastMinute.PeriodStart);

        var nextPeriod = monitor.Status("spring", Utc("2026-07-01T14:00:00Z"));
        Assert.Equal(Utc("2026-07-01T14:00:00Z"), nextPeriod.PeriodStart);
        Assert.Equal(Utc("2026-07-31T14:00:00Z"), nextPeriod.PeriodEnd);
        Assert.Equal(0, nextPeriod.Connected);
        Assert.True(nextPeriod.PausePredictive);

        // Abandoned calls of the second period do not touch the first.
        RecordMany(monitor, "spring", Utc("2026-07-02T14:00:00Z"), AttemptOutcome.Abandoned, 5);
        Assert.Equal(3, monitor.Status("spring", Utc("2026-06-20T12:00:00Z")).Headroom);
        Assert.True(monitor.Status("spring", Utc("2026-07-02T15:00:00Z")).IsExceeded);
    }

    [Fact]
    public void US_ABN_01_campaigns_are_measured_apart()
    {
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates);
        RecordMany(monitor, "spring", June1, AttemptOutcome.Conversation, 97);
        RecordMany(monitor, "autumn", June1, AttemptOutcome.Abandoned, 1);
        Assert.Equal(3, monitor.Status("spring", June1).Headroom);
        Assert.True(monitor.Status("autumn", June1).IsExceeded);
    }

    [Fact]
    public void US_ABN_01_concurrent_dialer_threads_lose_no_call()
    {
        // Eight threads record 2,500 connected calls each into the same campaign: 20,000, whose
        // headroom is 0.03·20000 / 0.97 = 618.5, so 618.
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedStates);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < 2_500; i++)
            {
                monitor.Record("spring", June1 + Duration.FromSeconds(i), AttemptOutcome.Conversation);
                _ = monitor.Status("spring", June1 + Duration.FromSeconds(i));
            }
        });
        var status = monitor.Status("spring", June1 + Duration.FromHours(1));
        Assert.Equal(20_000, status.Connected);
        Assert.Equal(618, status.Headroom);
    }

    [Fact]
    public void UK_ABN_01_the_UK_rate_adds_the_estimated_AMD_false_positives()
    {
        // 90 live connected, 10 machine-detected, estimate 20% false positives: 2 estimated live
        // people left in silence, counted as abandoned. Rate 2 / 92 = 2.17%. Headroom: (2 + a) ≤
        // 0.03 (92 + a) gives 0.97a ≤ 0.76, so 0: pause. Without the estimate, 0 abandoned of 90:
        // a ≤ 2.7 / 0.97 = 2.78, so 2.
        var uk = new AbandonedCallMonitor(AbandonmentLimit.UnitedKingdom(0.2m));
        var naive = new AbandonedCallMonitor(AbandonmentLimit.UnitedKingdom(0m));
        foreach (var monitor in new[] { uk, naive })
        {
            RecordMany(monitor, "winter", June1, AttemptOutcome.Conversation, 90);
            RecordMany(monitor, "winter", June1, AttemptOutcome.Machine, 10);
        }

        var status = uk.Status("winter", June1);
        Assert.Equal("UK-ABN-01", status.Limit.RuleId);
        Assert.Equal(2m, status.EstimatedFalsePositives);
        Assert.Equal(2m / 92m, status.Rate);
        Assert.True(status.PausePredictive);
        Assert.Equal(2, naive.Status("winter", June1).Headroom);
    }

    [Fact]
    public void UK_ABN_01_the_UK_rate_is_measured_over_the_24_hours_before_each_instant()
    {
        // 97 connected at 1 June 14:00Z. Over (t - 24 h, t]: at 2 June 13:59Z they count
        // (headroom 3); at 2 June 14:00Z they are exactly 24 hours old and no longer count.
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedKingdom(0m));
        RecordMany(monitor, "winter", June1, AttemptOutcome.Conversation, 97);
        Assert.Equal(3, monitor.Status("winter", Utc("2026-06-02T13:59:00Z")).Headroom);
        Assert.Equal(0, monitor.Status("winter", Utc("2026-06-02T14:00:00Z")).Headroom);
    }

    [Fact]
    public void UK_ABN_01_the_UK_monitor_refuses_to_answer_for_instants_it_no_longer_holds()
    {
        var monitor = new AbandonedCallMonitor(AbandonmentLimit.UnitedKingdom(0m));
        monitor.Record("winter", Utc("2026-06-05T14:00:00Z"), AttemptOutcome.Conversation);
        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Status("winter", Utc("2026-06-04T13:59:00Z")));
    }

    [Fact]
    public void UK_ABN_01_a_bad_AMD_estimate_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AbandonmentLimit.UnitedKingdom(1.5m));
    }
}
