using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The opt-in <c>it-code</c> pack: the Garante's telemarketing code of conduct, in force
/// 28 September 2024 (regulations.md 11.4): Monday to Friday 09:00–20:00, Saturdays and the eves
/// of holidays 10:00–19:00, never Sundays or holidays; half-open, in the called person's zone
/// (Europe/Rome: CET, UTC+1, in winter; CEST, UTC+2, from 29 March to 25 October 2026).
/// </summary>
public class ItalianTelemarketingCodeTests
{
    private static readonly ContactPolicy Code = ItalianTelemarketingCodeRules.Pack;

    private static ContactDecision At(string local) => Evaluate(Code, Call(PersonIn(Rome)), Local(local, Rome));

    // Tuesday 10 March, Saturday 14 March, Sunday 15 March 2026.
    [Theory]
    [InlineData("2026-03-10 08:59", false)]
    [InlineData("2026-03-10 09:00", true)]
    [InlineData("2026-03-10 19:59", true)]
    [InlineData("2026-03-10 20:00", false)]
    [InlineData("2026-03-14 09:59", false)]
    [InlineData("2026-03-14 10:00", true)]
    [InlineData("2026-03-14 18:59", true)]
    [InlineData("2026-03-14 19:00", false)]
    [InlineData("2026-03-15 12:00", false)]
    public void IT_CODE_01_hours_edges(string local, bool allowed)
    {
        var decision = At(local);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            AssertRefusedBy(decision, "IT-CODE-01");
        }
    }

    [Fact]
    public void IT_CODE_01_Sunday_waits_until_Monday_at_nine()
        => Assert.Equal(Local("2026-03-16 09:00", Rome), At("2026-03-15 12:00").NextPermittedAt);

    // In force from 28 September 2024: Friday 27 September 2024 at 20:30 is not refused by the
    // code; Saturday 28 September at 19:30 is.
    [Theory]
    [InlineData("2024-09-27 20:30", true)]
    [InlineData("2024-09-28 19:30", false)]
    public void IT_CODE_01_applies_from_28_September_2024(string local, bool allowed)
        => Assert.Equal(allowed, At(local).IsAllowed);

    [Fact]
    public void IT_CODE_HOL_01_holidays_of_2026_and_2027()
    {
        // Legge 260/1949 art. 2, with 4 October from 2026; Easter 5 April 2026, 28 March 2027.
        Assert.Equal(
            new[] { "01-01", "01-06", "04-05", "04-06", "04-25", "05-01", "06-02", "08-15", "10-04", "11-01", "12-08", "12-25", "12-26" },
            ItalianHolidays.National.DatesOf(2026).Select(d => d.Date.ToString("MM-dd", null)));
        Assert.Equal(
            new[] { "01-01", "01-06", "03-28", "03-29", "04-25", "05-01", "06-02", "08-15", "10-04", "11-01", "12-08", "12-25", "12-26" },
            ItalianHolidays.National.DatesOf(2027).Select(d => d.Date.ToString("MM-dd", null)));
        Assert.DoesNotContain(ItalianHolidays.National.DatesOf(2025), d => d.Date == new LocalDate(2025, 10, 4));
    }

    [Fact]
    public void IT_CODE_EVE_01_eves_of_2026_and_2027()
    {
        // The day before each holiday; 5 April 2026 (Easter) is also the eve of Easter Monday, and
        // 25 December of Santo Stefano; 31 December is the eve of the next 1 January.
        Assert.Equal(
            new[] { "01-05", "04-04", "04-05", "04-24", "04-30", "06-01", "08-14", "10-03", "10-31", "12-07", "12-24", "12-25", "12-31" },
            ItalianHolidays.Eves.DatesOf(2026).Select(d => d.Date.ToString("MM-dd", null)).Distinct());
        Assert.Equal(
            new[] { "01-05", "03-27", "03-28", "04-24", "04-30", "06-01", "08-14", "10-03", "10-31", "12-07", "12-24", "12-25", "12-31" },
            ItalianHolidays.Eves.DatesOf(2027).Select(d => d.Date.ToString("MM-dd", null)).Distinct());
    }

    // Tuesday 2 June 2026, Festa della Repubblica: refused all day, open again Wednesday 3 June at
    // 09:00 CEST (07:00Z).
    [Fact]
    public void IT_CODE_HOL_01_a_holiday_is_refused_whole()
    {
        var decision = At("2026-06-02 12:00");
        AssertRefusedBy(decision, "IT-CODE-HOL-01");
        Assert.Equal(Utc("2026-06-03T07:00:00Z"), decision.NextPermittedAt);
    }

    // Monday 1 June 2026, eve of the Festa della Repubblica: 10:00–19:00 only, half-open.
    [Theory]
    [InlineData("2026-06-01 09:30", false)]
    [InlineData("2026-06-01 09:59", false)]
    [InlineData("2026-06-01 10:00", true)]
    [InlineData("2026-06-01 18:59", true)]
    [InlineData("2026-06-01 19:00", false)]
    public void IT_CODE_EVE_01_a_weekday_eve_has_Saturday_hours(string local, bool allowed)
    {
        var decision = At(local);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            AssertRefusedBy(decision, "IT-CODE-EVE-01");
        }
    }

    [Fact]
    public void IT_CODE_EVE_01_a_refusal_at_9_30_on_an_eve_waits_until_10()
        => Assert.Equal(Local("2026-06-01 10:00", Rome), At("2026-06-01 09:30").NextPermittedAt);

    // Friday 24 April 2026 at 19:00, eve of Liberation Day (Saturday 25th): the 25th is a holiday,
    // the 26th a Sunday; next Monday 27 April at 09:00 CEST = 07:00Z.
    [Fact]
    public void IT_CODE_EVE_01_after_an_eve_before_a_weekend_holiday_the_next_call_is_Monday()
    {
        var decision = At("2026-04-24 19:00");
        AssertRefusedBy(decision, "IT-CODE-EVE-01");
        Assert.Equal(Utc("2026-04-27T07:00:00Z"), decision.NextPermittedAt);
    }

    [Fact]
    public void IT_CODE_01_is_opt_in_and_separate_from_it()
    {
        Assert.DoesNotContain(ItalyRules.Pack.Rules, r => r.Id.StartsWith("IT-CODE-", System.StringComparison.Ordinal));
        Assert.True(RulePacks.TryResolve("it+it-code", out var both, out var error), error);
        Assert.Equal(ItalyRules.Pack.Rules.Length + 3, both!.Rules.Length);
    }

    [Fact]
    public void IT_CODE_HOL_01_a_declared_day_of_mourning_is_added_and_refused()
    {
        // Wednesday 11 March 2026, declared a day of national mourning by a government (a test day).
        var mourning = HolidayCalendar.FromDates("days of national mourning declared (test)", new[] { (Date("2026-03-11"), "lutto nazionale") });
        var policy = Code.WithAddedHolidays("IT-CODE-HOL-01", mourning);
        Assert.Equal("it-code", policy.Id);
        var decision = Evaluate(policy, Call(PersonIn(Rome)), Local("2026-03-11 12:00", Rome));
        AssertRefusedBy(decision, "IT-CODE-HOL-01");
        Assert.Contains("lutto nazionale", decision.Violations[0].Reason);
        Assert.Equal(Local("2026-03-12 09:00", Rome), decision.NextPermittedAt);

        // The legal holidays are still there, and the pack without the declaration allows the day.
        AssertRefusedBy(Evaluate(policy, Call(PersonIn(Rome)), Local("2026-06-02 12:00", Rome)), "IT-CODE-HOL-01");
        AssertAllowed(Evaluate(Code, Call(PersonIn(Rome)), Local("2026-03-11 12:00", Rome)));
    }

    [Fact]
    public void IT_CODE_HOL_01_a_declared_day_needs_a_holiday_rule_of_the_policy()
    {
        var day = HolidayCalendar.FromDates("declared", new[] { (Date("2026-03-11"), "day") });
        var unknown = Assert.Throws<System.ArgumentException>(() => Code.WithAddedHolidays("IT-CODE-XX-01", day));
        Assert.Contains("its holiday rules are IT-CODE-HOL-01", unknown.Message);
        var notHoliday = Assert.Throws<System.ArgumentException>(() => Code.WithAddedHolidays("IT-CODE-01", day));
        Assert.Contains("is not a holiday rule", notHoliday.Message);
        var none = Assert.Throws<System.ArgumentException>(() => UnitedKingdomRules.Pack.WithAddedHolidays("UK-LIST-01", day));
        Assert.Contains("has no holiday rule", none.Message);
    }
}
