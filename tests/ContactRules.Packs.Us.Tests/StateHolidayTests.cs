using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// State-holiday bans (regulations.md 2.4, 11.3): Alabama, Rhode Island, Utah, Louisiana, their
/// holiday lists for 2026 and 2027 worked out by hand from the statutes and the calendar, and the
/// hours of the new packs at their half-open edges in the called person's zone.
/// </summary>
/// <remarks>
/// Calendar facts used: 1 January 2026 is a Thursday, 1 January 2027 a Friday; Easter is 5 April
/// 2026 and 28 March 2027 (Mardi Gras 17 February 2026 and 9 February 2027, Good Friday 3 April
/// 2026 and 26 March 2027). Federal 2026: 1 Jan, 19 Jan, 16 Feb, 25 May, 19 Jun, 3 Jul
/// (Independence Day on Saturday 4 July), 7 Sep, 12 Oct, 11 Nov, 26 Nov, 25 Dec. Federal 2027: 1
/// Jan, 18 Jan, 15 Feb, 31 May, 18 Jun (19 June a Saturday), 5 Jul (4 July a Sunday), 6 Sep,
/// 11 Oct, 11 Nov, 25 Nov, 24 Dec (25 December a Saturday), 31 Dec (1 January 2028 a Saturday).
/// Each calendar holds a holiday's date as well as its observed day.
/// </remarks>
public class StateHolidayTests
{
    private static string[] Dates(HolidayCalendar calendar, int year)
        => calendar.DatesOf(year).Select(d => d.Date.ToString("MM-dd", null)).Distinct().ToArray();

    [Fact]
    public void US_AL_HOL_01_holidays_of_2026_and_2027()
    {
        // 1-3-8 adds Mardi Gras, Confederate Memorial Day (fourth Monday of April: 27 April 2026,
        // 26 April 2027) and Jefferson Davis' birthday (first Monday of June: 1 June 2026, 7 June 2027).
        Assert.Equal(
            new[] { "01-01", "01-19", "02-16", "02-17", "04-27", "05-25", "06-01", "06-19", "07-03", "07-04", "09-07", "10-12", "11-11", "11-26", "12-25" },
            Dates(UnitedStatesHolidays.Alabama, 2026));
        Assert.Equal(
            new[] { "01-01", "01-18", "02-09", "02-15", "04-26", "05-31", "06-07", "06-18", "06-19", "07-04", "07-05", "09-06", "10-11", "11-11", "11-25", "12-24", "12-25", "12-31" },
            Dates(UnitedStatesHolidays.Alabama, 2027));
    }

    [Fact]
    public void US_RI_HOL_01_holidays_of_2026_and_2027()
    {
        // 25-1-1 adds 4 May, Victory Day (second Monday of August: 10 August 2026, 9 August 2027),
        // the general election day of even years (Tuesday 3 November 2026) and the Monday state
        // employees observe a Saturday holiday on (6 July 2026; 27 December 2027).
        Assert.Equal(
            new[] { "01-01", "01-19", "02-16", "05-04", "05-25", "06-19", "07-03", "07-04", "07-06", "08-10", "09-07", "10-12", "11-03", "11-11", "11-26", "12-25" },
            Dates(UnitedStatesHolidays.RhodeIsland, 2026));
        Assert.Equal(
            new[] { "01-01", "01-18", "02-15", "05-04", "05-31", "06-18", "06-19", "07-04", "07-05", "08-09", "09-06", "10-11", "11-11", "11-25", "12-24", "12-25", "12-27", "12-31" },
            Dates(UnitedStatesHolidays.RhodeIsland, 2027));
    }

    [Fact]
    public void US_UT_HOL_01_holidays_of_2026_and_2027()
    {
        // 63G-1-301 adds Easter Sunday, Pioneer Day (24 July; Saturday 24 July 2027 observed on
        // Friday the 23rd) and Juneteenth observed on the Monday before when it falls Tuesday to
        // Friday (15 June 2026) and the Monday after a weekend (21 June 2027).
        Assert.Equal(
            new[] { "01-01", "01-19", "02-16", "04-05", "05-25", "06-15", "06-19", "07-03", "07-04", "07-24", "09-07", "10-12", "11-11", "11-26", "12-25" },
            Dates(UnitedStatesHolidays.Utah, 2026));
        Assert.Equal(
            new[] { "01-01", "01-18", "02-15", "03-28", "05-31", "06-18", "06-19", "06-21", "07-04", "07-05", "07-23", "07-24", "09-06", "10-11", "11-11", "11-25", "12-24", "12-25", "12-31" },
            Dates(UnitedStatesHolidays.Utah, 2027));
    }

    [Fact]
    public void US_LA_HOL_01_holidays_of_2026_and_2027()
    {
        // R.S. 1:55(A)(1) adds 8 January, Mardi Gras, Good Friday, 30 August, 1 November; the
        // general election day of even years is Tuesday 3 November 2026; no Inauguration Day
        // (years divisible by four only).
        Assert.Equal(
            new[] { "01-01", "01-08", "01-19", "02-16", "02-17", "04-03", "05-25", "06-19", "07-03", "07-04", "08-30", "09-07", "10-12", "11-01", "11-03", "11-11", "11-26", "12-25" },
            Dates(UnitedStatesHolidays.Louisiana, 2026));
        Assert.Equal(
            new[] { "01-01", "01-08", "01-18", "02-09", "02-15", "03-26", "05-31", "06-18", "06-19", "07-04", "07-05", "08-30", "09-06", "10-11", "11-01", "11-11", "11-25", "12-24", "12-25", "12-31" },
            Dates(UnitedStatesHolidays.Louisiana, 2027));
    }

    [Fact]
    public void US_LA_HOL_01_Inauguration_Day_in_2028_is_the_second_Monday_of_January()
        => Assert.Equal("Inauguration Day", UnitedStatesHolidays.Louisiana.NameOf(new LocalDate(2028, 1, 10)));

    // Election day 2026 (Tuesday 3 November), Chicago: refused all day, allowed again at 08:00 on
    // Wednesday the 4th (CST, 14:00Z).
    [Fact]
    public void US_LA_HOL_01_refuses_the_2026_general_election_day()
    {
        var decision = LouisianaRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local("2026-11-03 12:00", Chicago), ContactHistory.Empty);
        Assert.Equal("US-LA-HOL-01", SingleRuleId(decision));
        Assert.Contains("General Election Day", decision.Violations[0].Reason);
        Assert.Equal(Utc("2026-11-04T14:00:00Z"), decision.NextPermittedAt);
    }

    // Pack-level: a holiday refuses the whole local day under the holiday rule; the next day opens
    // at the pack's first hour. Confederate Memorial Day, Monday 27 April 2026 (Chicago, CDT):
    // next Tuesday 28th 08:00 = 13:00Z. Victory Day, Monday 10 August 2026 (New York, EDT): next
    // Tuesday 11th 09:00 = 13:00Z. Pioneer Day, Friday 24 July 2026 (Denver, MDT): Saturday 25th
    // 08:00 = 14:00Z.
    [Theory]
    [InlineData("us-al", "US-AL-HOL-01", "America/Chicago", "2026-04-27 12:00", "2026-04-28T13:00:00Z")]
    [InlineData("us-ri", "US-RI-HOL-01", "America/New_York", "2026-08-10 12:00", "2026-08-11T13:00:00Z")]
    [InlineData("us-ut", "US-UT-HOL-01", "America/Denver", "2026-07-24 12:00", "2026-07-25T14:00:00Z")]
    public void US_AL_HOL_01_US_RI_HOL_01_US_UT_HOL_01_refuse_a_state_holiday_whole(string pack, string id, string zone, string local, string next)
    {
        var tz = Zone(zone);
        var decision = RulePacks.Get(pack).Evaluate(Marketing(AmericanPerson(tz)), Local(local, tz), ContactHistory.Empty);
        Assert.Equal(id, SingleRuleId(decision));
        Assert.Equal(Utc(next), decision.NextPermittedAt);
    }

    // A holiday on a Saturday is refused in Rhode Island (Saturday 4 July 2026), and so is the
    // Monday state employees observe it (6 July).
    [Theory]
    [InlineData("2026-07-04 12:00")]
    [InlineData("2026-07-06 12:00")]
    public void US_RI_HOL_01_refuses_a_Saturday_holiday_and_its_observed_Monday(string local)
        => Assert.Equal("US-RI-HOL-01", SingleRuleId(RhodeIslandRules.Pack.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime(local), ContactHistory.Empty)));

    // Hours edges, half-open, in the called person's zone (Tuesday 10 March 2026; Saturday 14
    // March; Sunday 15 March).
    [Theory]
    [InlineData("us-al", "US-AL-01", "America/Chicago", "2026-03-10 07:59", false)]
    [InlineData("us-al", "US-AL-01", "America/Chicago", "2026-03-10 08:00", true)]
    [InlineData("us-al", "US-AL-01", "America/Chicago", "2026-03-10 19:59", true)]
    [InlineData("us-al", "US-AL-01", "America/Chicago", "2026-03-10 20:00", false)]
    [InlineData("us-al", "US-AL-01", "America/Chicago", "2026-03-14 19:59", true)]
    [InlineData("us-al", "US-AL-01", "America/Chicago", "2026-03-15 12:00", false)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-10 08:59", false)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-10 09:00", true)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-10 17:59", true)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-10 18:00", false)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-14 09:59", false)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-14 10:00", true)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-14 16:59", true)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-14 17:00", false)]
    [InlineData("us-ri", "US-RI-01", "America/New_York", "2026-03-15 12:00", false)]
    [InlineData("us-ut", "US-UT-01", "America/Denver", "2026-03-10 07:59", false)]
    [InlineData("us-ut", "US-UT-01", "America/Denver", "2026-03-10 08:00", true)]
    [InlineData("us-ut", "US-UT-01", "America/Denver", "2026-03-10 20:59", true)]
    [InlineData("us-ut", "US-UT-01", "America/Denver", "2026-03-10 21:00", false)]
    [InlineData("us-ut", "US-UT-01", "America/Denver", "2026-03-15 12:00", false)]
    public void US_AL_01_US_RI_01_US_UT_01_hours_edges(string pack, string id, string zone, string local, bool allowed)
    {
        var tz = Zone(zone);
        var decision = RulePacks.Get(pack).Evaluate(Marketing(AmericanPerson(tz)), Local(local, tz), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(id, SingleRuleId(decision));
        }
    }

    // Utah's exemption, both sides: a consent to be called at such times lifts the Sunday and the
    // holiday; a consent that does not name other times does not.
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void US_UT_01_and_US_UT_HOL_01_lift_for_a_consent_to_other_times(bool outsideHours, bool allowed)
    {
        var denver = Zone("America/Denver");
        var request = Marketing(AmericanPerson(denver)).WithConsents(new ConsentRecord(Utc("2026-01-05T15:00:00Z")) { Entity = "acme", OutsideHours = outsideHours });
        Assert.Equal(allowed, UtahRules.Pack.Evaluate(request, Local("2026-03-15 12:00", denver), ContactHistory.Empty).IsAllowed);
        Assert.Equal(allowed, UtahRules.Pack.Evaluate(request, Local("2026-07-24 12:00", denver), ContactHistory.Empty).IsAllowed);
    }

    // Alabama applies no exemption: the same consent does not lift Sunday.
    [Fact]
    public void US_AL_01_no_consent_lifts_Sunday()
    {
        var request = Marketing(AmericanPerson(Chicago)).WithConsents(new ConsentRecord(Utc("2026-01-05T15:00:00Z")) { Entity = "acme", OutsideHours = true });
        Assert.Equal("US-AL-01", SingleRuleId(AlabamaRules.Pack.Evaluate(request, Local("2026-03-15 12:00", Chicago), ContactHistory.Empty)));
    }
}
