using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// The three "3 per 24 hours on the same subject, any number" states (regulations.md 2.4):
/// Florida (501.616(6), 1 July 2021), Oklahoma (HB 3168, 1 November 2022), Maryland (SB 90,
/// 1 January 2024), each 08:00–20:00 at the called party's location. Rolling 24 hours: an
/// attempt at a occupies [a, a + 24 h) (conventions).
/// </summary>
public class FloridaOklahomaMarylandTests
{
    public static TheoryData<string, string, string> Packs => new()
    {
        // pack, hours rule id, frequency rule id
        { "us-fl", "US-FL-02", "US-FL-01" },
        { "us-ok", "US-OK-01", "US-OK-FREQ-01" },
        { "us-md", "US-MD-01", "US-MD-FREQ-01" },
    };

    private static DateTimeZone ZoneOf(string pack) => pack == "us-ok" ? Chicago : NewYork;

    [Theory]
    [MemberData(nameof(Packs))]
    public void US_FL_02_US_OK_01_US_MD_01_hours_are_eight_to_eight(string pack, string hoursId, string frequencyId)
    {
        // Tuesday 10 March 2026 in the state's zone (Miami and Baltimore: New York time;
        // Oklahoma City: Chicago time): 07:59 and 20:00 refused, 08:00 and 19:59 allowed.
        _ = frequencyId;
        var policy = RulePacks.Get(pack);
        var zone = ZoneOf(pack);
        var request = Marketing(AmericanPerson(zone), "solar");
        Assert.Equal(hoursId, SingleRuleId(policy.Evaluate(request, Local("2026-03-10 07:59", zone), ContactHistory.Empty)));
        Assert.True(policy.Evaluate(request, Local("2026-03-10 08:00", zone), ContactHistory.Empty).IsAllowed);
        Assert.True(policy.Evaluate(request, Local("2026-03-10 19:59", zone), ContactHistory.Empty).IsAllowed);
        var late = policy.Evaluate(request, Local("2026-03-10 20:00", zone), ContactHistory.Empty);
        Assert.Equal(hoursId, SingleRuleId(late));
        Assert.Equal(Local("2026-03-11 08:00", zone), late.NextPermittedAt);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void US_FL_01_US_OK_FREQ_01_US_MD_FREQ_01_the_third_call_on_a_subject_in_24_hours_is_allowed(string pack, string hoursId, string frequencyId)
    {
        _ = hoursId;
        _ = frequencyId;
        var zone = ZoneOf(pack);
        var history = History(Attempt(Local("2026-03-10 09:00", zone), subject: "solar"), Attempt(Local("2026-03-10 10:00", zone), subject: "solar"));
        Assert.True(RulePacks.Get(pack).Evaluate(Marketing(AmericanPerson(zone), "solar"), Local("2026-03-10 11:00", zone), history).IsAllowed);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void US_FL_01_US_OK_FREQ_01_US_MD_FREQ_01_the_fourth_call_on_a_subject_waits_until_the_first_is_24_hours_old(string pack, string hoursId, string frequencyId)
    {
        // Calls at 09:00, 10:00 and 11:00 on 10 March: the 09:00 call leaves the window at 09:00
        // on 11 March. 08:59 is refused, 09:00 allowed.
        _ = hoursId;
        var zone = ZoneOf(pack);
        var policy = RulePacks.Get(pack);
        var history = History(
            Attempt(Local("2026-03-10 09:00", zone), subject: "solar"),
            Attempt(Local("2026-03-10 10:00", zone), subject: "solar"),
            Attempt(Local("2026-03-10 11:00", zone), subject: "solar"));
        var refused = policy.Evaluate(Marketing(AmericanPerson(zone), "solar"), Local("2026-03-11 08:59", zone), history);
        Assert.Equal(frequencyId, SingleRuleId(refused));
        Assert.Equal(Local("2026-03-11 09:00", zone), refused.NextPermittedAt);
        Assert.True(policy.Evaluate(Marketing(AmericanPerson(zone), "solar"), Local("2026-03-11 09:00", zone), history).IsAllowed);

        // Another subject matter is counted apart.
        Assert.True(policy.Evaluate(Marketing(AmericanPerson(zone), "insurance"), Local("2026-03-10 12:00", zone), history).IsAllowed);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void US_FL_01_US_OK_FREQ_01_US_MD_FREQ_01_texts_and_calls_of_unknown_subject_count(string pack, string hoursId, string frequencyId)
    {
        // Two texts on the subject and one call whose subject is unknown (it cannot be told apart,
        // so it counts): the fourth contact on "solar" is refused.
        _ = hoursId;
        var zone = ZoneOf(pack);
        var history = History(
            Attempt(Local("2026-03-10 09:00", zone), subject: "solar", channel: ContactChannel.Sms),
            Attempt(Local("2026-03-10 10:00", zone), subject: "solar", channel: ContactChannel.Sms),
            Attempt(Local("2026-03-10 11:00", zone), subject: null));
        Assert.Equal(frequencyId, SingleRuleId(RulePacks.Get(pack).Evaluate(Marketing(AmericanPerson(zone), "solar"), Local("2026-03-10 12:00", zone), history)));
    }

    [Fact]
    public void US_FL_01_twenty_four_hours_are_elapsed_time_across_the_spring_forward()
    {
        // Saturday 7 March 2026, calls at 09:00, 10:00, 11:00 EST (14:00Z, 15:00Z, 16:00Z). On
        // Sunday 8 March the clocks skip an hour: 09:00 EDT is 13:00Z, only 23 hours after the
        // first call, so it is refused; the first call leaves at 14:00Z = 10:00 EDT.
        var history = History(
            Attempt(Utc("2026-03-07T14:00:00Z"), subject: "solar"),
            Attempt(Utc("2026-03-07T15:00:00Z"), subject: "solar"),
            Attempt(Utc("2026-03-07T16:00:00Z"), subject: "solar"));
        var decision = FloridaRules.Pack.Evaluate(Marketing(AmericanPerson(NewYork), "solar"), NewYorkTime("2026-03-08 09:00"), history);
        Assert.Equal("US-FL-01", SingleRuleId(decision));
        Assert.Equal(NewYorkTime("2026-03-08 10:00"), decision.NextPermittedAt);
    }

    // In force: the day before, 20:30 is not governed by the state (the us pack allows until
    // 21:00); on the day of, it is refused.
    [Theory]
    [InlineData("us-fl", "2021-06-30 20:30", true)]
    [InlineData("us-fl", "2021-07-01 20:30", false)]
    [InlineData("us-ok", "2022-10-31 20:30", true)]
    [InlineData("us-ok", "2022-11-01 20:30", false)]
    [InlineData("us-md", "2023-12-31 20:30", true)]
    [InlineData("us-md", "2024-01-01 20:30", false)]
    public void US_FL_02_US_OK_01_US_MD_01_each_state_law_applies_from_its_date(string pack, string local, bool allowed)
    {
        var zone = ZoneOf(pack);
        var policy = ContactPolicy.Combine(UnitedStatesRules.Pack, RulePacks.Get(pack));
        Assert.Equal(allowed, policy.Evaluate(Marketing(AmericanPerson(zone), "solar"), Local(local, zone), ContactHistory.Empty).IsAllowed);
    }

    // Three calls on 30 June 2021 at 19:00, 19:30 and 19:45. A fourth at 19:50 that day is not
    // limited (the law is not in force); at 09:00 on 1 July all three are within 24 hours and it
    // is refused.
    [Theory]
    [InlineData("2021-06-30 19:50", true)]
    [InlineData("2021-07-01 09:00", false)]
    public void US_FL_01_Florida_counts_from_1_July_2021(string local, bool allowed)
    {
        var history = History(
            Attempt(NewYorkTime("2021-06-30 19:00"), subject: "solar"),
            Attempt(NewYorkTime("2021-06-30 19:30"), subject: "solar"),
            Attempt(NewYorkTime("2021-06-30 19:45"), subject: "solar"));
        Assert.Equal(allowed, FloridaRules.Pack.Evaluate(Marketing(AmericanPerson(NewYork), "solar"), NewYorkTime(local), history).IsAllowed);
    }
}
