using System;
using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using CsCheck;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// Mississippi (77-3-723: 08:00–20:00 Central Standard Time, no Sunday; conventions: a fixed
/// UTC-6 clock) and Louisiana (LPSC: Monday–Saturday 08:00–20:00, no Sunday, no legal holiday,
/// nothing during declared emergencies).
/// </summary>
public class MississippiLouisianaTests
{
    // July 2026: Chicago is on CDT (UTC-5), the statute's clock on CST (UTC-6). 08:00 CST is
    // 14:00Z, which a Jackson wall clock shows as 09:00 CDT; 20:00 CST is 02:00Z, 21:00 CDT.
    [Theory]
    [InlineData("2026-07-14 08:59", false)]
    [InlineData("2026-07-14 09:00", true)]
    [InlineData("2026-07-14 20:59", true)]
    [InlineData("2026-07-14 21:00", false)]
    public void US_MS_01_Mississippi_in_July_runs_an_hour_later_on_the_wall_clock(string chicagoWallTime, bool allowed)
    {
        var decision = MississippiRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local(chicagoWallTime, Chicago), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-MS-01", SingleRuleId(decision));
        }
    }

    [Fact]
    public void US_MS_01_Mississippi_in_July_opens_at_14_00_UTC()
    {
        var decision = MississippiRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local("2026-07-14 07:30", Chicago), ContactHistory.Empty);
        Assert.Equal(Utc("2026-07-14T14:00:00Z"), decision.NextPermittedAt);
    }

    // January 2026: CST on both clocks, 08:00 wall time is 08:00 CST.
    [Theory]
    [InlineData("2026-01-13 07:59", false)]
    [InlineData("2026-01-13 08:00", true)]
    [InlineData("2026-01-13 19:59", true)]
    [InlineData("2026-01-13 20:00", false)]
    public void US_MS_01_Mississippi_in_January_matches_the_wall_clock(string chicagoWallTime, bool allowed)
    {
        Assert.Equal(allowed, MississippiRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local(chicagoWallTime, Chicago), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_MS_01_Mississippi_has_no_Sunday()
    {
        // Sunday 12 July 2026 noon: refused; next is Monday 13 July 08:00 CST = 14:00Z.
        var decision = MississippiRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local("2026-07-12 12:00", Chicago), ContactHistory.Empty);
        Assert.Equal("US-MS-01", SingleRuleId(decision));
        Assert.Equal(Utc("2026-07-13T14:00:00Z"), decision.NextPermittedAt);
        Assert.True(MississippiRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local("2026-07-11 12:00", Chicago), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_MS_01_Mississippi_decides_without_the_persons_zone()
    {
        // The statute fixes the clock, so no zone is needed: Tuesday 14 July 2026 15:00Z is
        // 09:00 CST.
        Assert.True(MississippiRules.Pack.Evaluate(Marketing(AmericanPerson()), Utc("2026-07-14T15:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_MS_01_Mississippi_property_any_instant_is_allowed_exactly_when_UTC_minus_six_is_a_weekday_or_Saturday_between_eight_and_eight()
    {
        // The law restated with plain offset arithmetic, for any instant of 2024–2028.
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var to = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Gen.Long[from, to].Sample(seconds =>
        {
            var cst = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.AddHours(-6);
            var expected = cst.DayOfWeek != DayOfWeek.Sunday && cst.Hour >= 8 && cst.Hour < 20;
            var allowed = MississippiRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Instant.FromUnixTimeSeconds(seconds), ContactHistory.Empty).IsAllowed;
            Assert.Equal(expected, allowed);
        });
    }

    [Fact]
    public void US_HOURS_01_property_a_New_York_and_Los_Angeles_contact_is_allowed_exactly_from_11_to_21_New_York_time()
    {
        // 08:00 Los Angeles is 11:00 New York all year (both zones change clocks on the same
        // dates, at night): the intersection of the two 08:00–21:00 windows is 11:00–21:00 in New
        // York.
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var to = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var contact = AmericanPerson(NewYork, LosAngeles);
        Gen.Long[from, to].Sample(seconds =>
        {
            var instant = Instant.FromUnixTimeSeconds(seconds);
            var hour = instant.InZone(NewYork).Hour;
            Assert.Equal(hour >= 11 && hour < 21, UnitedStatesRules.Pack.Evaluate(Marketing(contact), instant, ContactHistory.Empty).IsAllowed);
        });
    }

    // Louisiana hours, New Orleans (Chicago time), Tuesday 10 March 2026.
    [Theory]
    [InlineData("2026-03-10 07:59", false)]
    [InlineData("2026-03-10 08:00", true)]
    [InlineData("2026-03-10 19:59", true)]
    [InlineData("2026-03-10 20:00", false)]
    public void US_LA_01_Louisiana_hours(string local, bool allowed)
    {
        Assert.Equal(allowed, LouisianaRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local(local, Chicago), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_LA_01_Louisiana_has_no_Sunday()
    {
        var decision = LouisianaRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local("2026-03-15 12:00", Chicago), ContactHistory.Empty);
        Assert.Equal("US-LA-01", SingleRuleId(decision));
        Assert.Equal(Local("2026-03-16 08:00", Chicago), decision.NextPermittedAt);
    }

    // Every Louisiana legal holiday of 2026 and 2027, worked out by hand: the federal holidays
    // (with Saturday ones observed the Friday before, Sunday ones the Monday after), Mardi Gras
    // (Easter 5 April 2026 - 47 days = 17 February; Easter 28 March 2027 - 47 = 9 February) and
    // Good Friday (3 April 2026, 26 March 2027). New Year's Day 2028 is a Saturday: observed on
    // Friday 31 December 2027.
    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-19")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-17")]
    [InlineData("2026-04-03")]
    [InlineData("2026-05-25")]
    [InlineData("2026-06-19")]
    [InlineData("2026-07-03")]
    [InlineData("2026-07-04")]
    [InlineData("2026-09-07")]
    [InlineData("2026-10-12")]
    [InlineData("2026-11-11")]
    [InlineData("2026-11-26")]
    [InlineData("2026-12-25")]
    [InlineData("2027-01-01")]
    [InlineData("2027-01-18")]
    [InlineData("2027-02-09")]
    [InlineData("2027-02-15")]
    [InlineData("2027-03-26")]
    [InlineData("2027-05-31")]
    [InlineData("2027-06-18")]
    [InlineData("2027-06-19")]
    [InlineData("2027-07-04")]
    [InlineData("2027-07-05")]
    [InlineData("2027-09-06")]
    [InlineData("2027-10-11")]
    [InlineData("2027-11-11")]
    [InlineData("2027-11-25")]
    [InlineData("2027-12-24")]
    [InlineData("2027-12-25")]
    [InlineData("2027-12-31")]
    public void US_LA_HOL_01_Louisiana_legal_holidays_of_2026_and_2027(string date)
    {
        var decision = LouisianaRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local(date + " 12:00", Chicago), ContactHistory.Empty);
        Assert.Contains("US-LA-HOL-01", RuleIds(decision));
    }

    [Theory]
    [InlineData("2026-02-18")]
    [InlineData("2026-04-02")]
    [InlineData("2027-12-30")]
    public void US_LA_HOL_01_the_days_around_holidays_are_ordinary(string date)
    {
        Assert.True(LouisianaRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local(date + " 12:00", Chicago), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_LA_HOL_01_a_Saturday_holiday_then_Sunday_waits_until_Monday()
    {
        // Saturday 4 July 2026 is Independence Day, Sunday 5 July has no calls: Monday 6 July 08:00.
        var decision = LouisianaRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local("2026-07-04 12:00", Chicago), ContactHistory.Empty);
        Assert.Equal(Local("2026-07-06 08:00", Chicago), decision.NextPermittedAt);
    }

    [Fact]
    public void US_LA_EMERG_01_a_user_fed_emergency_stops_every_solicitation_on_its_days()
    {
        // A state of emergency declared for Thursday 27 August 2026 (the user feeds it).
        var emergencies = HolidayCalendar.FromDates("declared emergencies", new[] { (Date("2026-08-27"), "Hurricane declaration") });
        var policy = LouisianaRules.WithEmergencies(emergencies);
        var request = Marketing(AmericanPerson(Chicago));
        Assert.True(policy.Evaluate(request, Local("2026-08-26 12:00", Chicago), ContactHistory.Empty).IsAllowed);
        var refused = policy.Evaluate(request, Local("2026-08-27 12:00", Chicago), ContactHistory.Empty);
        Assert.Equal("US-LA-EMERG-01", SingleRuleId(refused));
        Assert.Equal(Local("2026-08-28 08:00", Chicago), refused.NextPermittedAt);

        // The pack without a fed calendar knows no emergency.
        Assert.True(LouisianaRules.Pack.Evaluate(request, Local("2026-08-27 12:00", Chicago), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_LA_HOL_01_a_governor_declared_holiday_is_fed_by_the_user()
    {
        // The governor declared Monday 3 July 2023 a holiday (regulations.md 2.4); it is no
        // federal holiday, so only the fed calendar refuses it.
        var declared = HolidayCalendar.FromDates("holidays declared by the governor", new[] { (Date("2023-07-03"), "Declared holiday") });
        var none = HolidayCalendar.FromDates("declared emergencies", Array.Empty<(LocalDate, string)>());
        var at = Local("2023-07-03 12:00", Chicago);
        Assert.True(LouisianaRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), at, ContactHistory.Empty).IsAllowed);
        Assert.Equal("US-LA-HOL-01", SingleRuleId(LouisianaRules.WithEmergencies(none, declared).Evaluate(Marketing(AmericanPerson(Chicago)), at, ContactHistory.Empty)));
    }

    [Fact]
    public void US_IDNC_DEADLINE_01_Federal_holidays_of_2026_on_weekdays_are_the_catalogues()
    {
        // regulations.md 2.5: 1 Jan, 19 Jan, 16 Feb, 25 May, 19 Jun, 3 Jul (obs.), 7 Sep, 12 Oct,
        // 11 Nov, 26 Nov, 25 Dec.
        var expected = new[] { "01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11", "11-26", "12-25" }.Select(d => Date("2026-" + d));
        Assert.Equal(expected, WeekdayHolidays(2026));
    }

    [Fact]
    public void US_IDNC_DEADLINE_01_Federal_holidays_of_2027_on_weekdays()
    {
        // Third Monday of January (1 Jan is a Friday): 18; third Monday of February (1 Feb is a
        // Monday): 15; last Monday of May: 31; Juneteenth is a Saturday: Friday 18 June;
        // Independence Day a Sunday: Monday 5 July; first Monday of September: 6; second Monday of
        // October: 11; Veterans Day Thursday 11; fourth Thursday of November: 25; Christmas a
        // Saturday: Friday 24; New Year's Day 2028 a Saturday: Friday 31 December.
        var expected = new[] { "01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11", "11-25", "12-24", "12-31" }.Select(d => Date("2027-" + d));
        Assert.Equal(expected, WeekdayHolidays(2027));
    }

    [Fact]
    public void US_IDNC_DEADLINE_01_Juneteenth_is_a_holiday_from_2021()
    {
        Assert.False(UnitedStatesHolidays.Federal.IsHoliday(Date("2020-06-19")));
        Assert.True(UnitedStatesHolidays.Federal.IsHoliday(Date("2021-06-18")));
    }

    private static LocalDate[] WeekdayHolidays(int year)
        => UnitedStatesHolidays.Federal.DatesOf(year)
            .Select(h => h.Date)
            .Where(d => d.DayOfWeek != IsoDayOfWeek.Saturday && d.DayOfWeek != IsoDayOfWeek.Sunday)
            .Distinct()
            .ToArray();
}
