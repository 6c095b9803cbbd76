using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Tests.Rules;

/// <summary>
/// D223-9: Monday to Friday, 10:00–13:00 and 14:00–20:00 in the consumer's zone, half-open
/// (conventions: "10:00–13:00 allows 10:00:00 and 12:59:59, and refuses 13:00:00").
/// 10 March 2026 is a Tuesday.
/// </summary>
public class CallingWindowTests
{
    private static readonly ContactPolicy HoursOnly = new ContactPolicy("hours", new ContactRule[] { FranceRules.Hours });

    [Theory]
    [InlineData("2026-03-10 10:00")]
    [InlineData("2026-03-10 12:59")]
    [InlineData("2026-03-10 14:00")]
    [InlineData("2026-03-10 19:59")]
    [InlineData("2026-03-13 19:59")]
    public void Inside_the_half_open_intervals_is_allowed(string local)
        => Assert.True(HoursOnly.Evaluate(Call(Person(Paris)), ParisTime(local), ContactHistory.Empty).IsAllowed);

    [Theory]
    [InlineData("2026-03-10 09:59", "2026-03-10 10:00")]
    [InlineData("2026-03-10 13:00", "2026-03-10 14:00")]
    [InlineData("2026-03-10 13:59", "2026-03-10 14:00")]
    [InlineData("2026-03-10 20:00", "2026-03-11 10:00")]
    [InlineData("2026-03-13 20:00", "2026-03-16 10:00")] // Friday evening: next is Monday
    [InlineData("2026-03-14 11:00", "2026-03-16 10:00")] // Saturday
    [InlineData("2026-03-15 23:59", "2026-03-16 10:00")] // Sunday night
    public void Outside_the_intervals_is_refused_until_the_next_start(string local, string next)
    {
        var decision = HoursOnly.Evaluate(Call(Person(Paris)), ParisTime(local), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal("FR-HOURS-01", violation.RuleId);
        Assert.Equal(RuleKind.CallingWindow, violation.Kind);
        Assert.Equal(ParisTime(next), violation.Until);
        Assert.Equal(ParisTime(next), decision.NextPermittedAt);
    }

    [Fact]
    public void The_last_second_before_the_end_is_allowed_and_the_end_is_refused()
    {
        var end = ParisTime("2026-03-10 13:00");
        Assert.True(HoursOnly.Evaluate(Call(Person(Paris)), end - Duration.FromSeconds(1), ContactHistory.Empty).IsAllowed);
        Assert.False(HoursOnly.Evaluate(Call(Person(Paris)), end, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void Spring_forward_weekend_in_Paris_moves_Monday_ten_oclock_to_eight_UTC()
    {
        // Clocks go from CET (UTC+1) to CEST (UTC+2) on Sunday 29 March 2026: Monday 10:00 local is 08:00Z.
        var decision = HoursOnly.Evaluate(Call(Person(Paris)), Utc("2026-03-28T20:00:00Z"), ContactHistory.Empty);
        Assert.Equal(Utc("2026-03-30T08:00:00Z"), decision.NextPermittedAt);
    }

    [Fact]
    public void Fall_back_weekend_in_Paris_moves_Monday_ten_oclock_to_nine_UTC()
    {
        // Clocks go from CEST to CET on Sunday 25 October 2026: Monday 10:00 local is 09:00Z.
        var decision = HoursOnly.Evaluate(Call(Person(Paris)), Utc("2026-10-23T18:30:00Z"), ContactHistory.Empty);
        Assert.Equal(Utc("2026-10-26T09:00:00Z"), decision.NextPermittedAt);
    }

    [Fact]
    public void A_US_window_follows_New_York_across_spring_forward()
    {
        // 08:00–21:00 every day. New York goes from EST (UTC-5) to EDT (UTC-4) on Sunday 8 March 2026 at 02:00.
        var us = Window(WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)));
        var saturdayNight = Local("2026-03-07 21:30", NewYork);
        Assert.Equal(Utc("2026-03-08T12:00:00Z"), us.Evaluate(Call(Person(NewYork)), saturdayNight, ContactHistory.Empty).NextPermittedAt);
        Assert.False(us.Evaluate(Call(Person(NewYork)), Utc("2026-03-08T11:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.True(us.Evaluate(Call(Person(NewYork)), Utc("2026-03-08T12:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_US_window_follows_New_York_across_fall_back()
    {
        // New York goes back to EST on Sunday 1 November 2026: 08:00 local is 13:00Z, 20:59 local is 01:59Z the next day.
        var us = Window(WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)));
        var saturdayNight = Local("2026-10-31 21:30", NewYork);
        Assert.Equal(Utc("2026-11-01T13:00:00Z"), us.Evaluate(Call(Person(NewYork)), saturdayNight, ContactHistory.Empty).NextPermittedAt);
        Assert.True(us.Evaluate(Call(Person(NewYork)), Utc("2026-11-02T01:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(us.Evaluate(Call(Person(NewYork)), Utc("2026-11-02T02:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_start_skipped_by_spring_forward_resolves_leniently_and_the_window_does_not_grow()
    {
        // Window 02:30–04:00 in Paris. On 29 March 2026 local 02:00–03:00 does not exist; the lenient
        // resolver maps 02:30 to 03:30 CEST (01:30Z). 03:10 CEST (01:10Z) is before that start.
        var window = Window(WeeklyHours.EveryDay(new LocalTimeInterval(new LocalTime(2, 30), new LocalTime(4, 0))));
        Assert.Equal(Utc("2026-03-29T01:30:00Z"), window.Evaluate(Call(Person(Paris)), Utc("2026-03-29T00:00:00Z"), ContactHistory.Empty).NextPermittedAt);
        Assert.False(window.Evaluate(Call(Person(Paris)), Utc("2026-03-29T01:10:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.True(window.Evaluate(Call(Person(Paris)), Utc("2026-03-29T01:30:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(window.Evaluate(Call(Person(Paris)), Utc("2026-03-29T02:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void An_end_repeated_by_fall_back_is_its_first_occurrence()
    {
        // Window 00:00–02:30 in Paris. On 25 October 2026, 02:30 happens at 00:30Z (CEST) and again at
        // 01:30Z (CET); the window ends at the first. 02:00 CET (01:00Z) must stay refused.
        var window = Window(WeeklyHours.EveryDay(new LocalTimeInterval(LocalTime.Midnight, new LocalTime(2, 30))));
        Assert.True(window.Evaluate(Call(Person(Paris)), Utc("2026-10-25T00:29:00Z"), ContactHistory.Empty).IsAllowed);
        var refused = window.Evaluate(Call(Person(Paris)), Utc("2026-10-25T01:00:00Z"), ContactHistory.Empty);
        Assert.False(refused.IsAllowed);
        Assert.Equal(Utc("2026-10-25T23:00:00Z"), refused.NextPermittedAt); // Monday 00:00 CET
    }

    [Theory]
    [InlineData("2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z")] // Paris 10:00 ok, Réunion 13:00 lunch
    [InlineData("2026-03-10T12:00:00Z", "2026-03-10T13:00:00Z")] // Paris 13:00 lunch, Réunion 16:00 ok
    [InlineData("2026-03-10T16:00:00Z", "2026-03-11T10:00:00Z")] // Réunion 20:00 closed; Wednesday 09:00Z is Réunion's lunch
    public void Several_candidate_zones_are_allowed_only_where_every_zone_allows(string at, string next)
    {
        // In March Paris is UTC+1 and Réunion UTC+4. Allowed in UTC: Paris 09–12 and 13–19,
        // Réunion 06–09 and 10–16: the intersection is 10–12 and 13–16.
        var both = Person(Paris, Reunion);
        var decision = HoursOnly.Evaluate(Call(both), Utc(at), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Equal(Utc(next), decision.NextPermittedAt);
        Assert.True(HoursOnly.Evaluate(Call(both), Utc(next), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_fixed_zone_replaces_the_called_persons_zones()
    {
        // Mississippi-style fixed UTC-6 clock, 08:00–20:00: in July Chicago is on CDT (UTC-5), so
        // 07:30 in Chicago is 06:30 at UTC-6 and refused; the window opens at 14:00Z.
        var fixedClock = Window(WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 20)), DateTimeZone.ForOffset(Offset.FromHours(-6)));
        var decision = fixedClock.Evaluate(Call(Person(Chicago)), Local("2026-07-15 07:30", Chicago), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Equal(Utc("2026-07-15T14:00:00Z"), decision.NextPermittedAt);
    }

    [Fact]
    public void Weekly_hours_reject_overlapping_intervals()
        => Assert.Throws<System.ArgumentException>(() => WeeklyHours.Weekdays(LocalTimeInterval.Hours(10, 13), LocalTimeInterval.Hours(12, 14)));

    [Fact]
    public void A_window_with_no_hours_never_allows()
    {
        var never = Window(WeeklyHours.None);
        var decision = never.Evaluate(Call(Person(Paris)), ParisTime("2026-03-10 11:00"), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Null(decision.NextPermittedAt);
    }

    [Fact]
    public void The_refusal_is_explained_in_the_called_persons_local_time()
    {
        var decision = HoursOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-14 11:00"), ContactHistory.Empty);
        var reason = Assert.Single(decision.Violations).Reason;
        Assert.Contains("Sat 2026-03-14 11:00 in Europe/Paris", reason, System.StringComparison.Ordinal);
        Assert.Contains("Mon 2026-03-16 10:00", reason, System.StringComparison.Ordinal);
    }

    private static ContactPolicy Window(WeeklyHours hours, DateTimeZone? fixedZone = null)
        => new ContactPolicy("test", new ContactRule[]
        {
            new CallingWindow(new RuleMetadata("TEST-HOURS", "test citation"), hours, fixedZone),
        });
}
