using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Tests.Rules;

/// <summary>
/// D223-9 excludes the public holidays of Code du travail art. L3133-1 (regulations.md 1.8):
/// 1 Jan, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 Jul, 15 Aug, 1 Nov, 11 Nov,
/// 25 Dec. Movable dates from regulations.md: 2026 Easter Monday 6 Apr, Ascension 14 May, Whit
/// Monday 25 May; 2027 Easter Monday 29 Mar, Ascension 6 May, Whit Monday 17 May.
/// </summary>
public class HolidayExclusionTests
{
    private static readonly ContactPolicy HolidaysOnly = new ContactPolicy("holidays", new ContactRule[] { FranceRules.Holidays });

    [Theory]
    [InlineData(2026, "2026-01-01 2026-04-06 2026-05-01 2026-05-08 2026-05-14 2026-05-25 2026-07-14 2026-08-15 2026-11-01 2026-11-11 2026-12-25")]
    [InlineData(2027, "2027-01-01 2027-03-29 2027-05-01 2027-05-08 2027-05-06 2027-05-17 2027-07-14 2027-08-15 2027-11-01 2027-11-11 2027-12-25")]
    public void The_eleven_L3133_1_holidays_are_computed_for_any_year(int year, string expected)
    {
        var dates = FrenchHolidays.National.DatesOf(year).Select(h => h.Date.ToString("yyyy-MM-dd", null)).OrderBy(d => d);
        Assert.Equal(expected.Split(' ').OrderBy(d => d), dates);
    }

    [Fact]
    public void Alsace_Moselle_adds_Good_Friday_and_St_Stephens_day()
    {
        // Good Friday 2026 is 3 April, 2027 is 26 March (regulations.md 1.8).
        Assert.True(FrenchHolidays.AlsaceMoselle.IsHoliday(new LocalDate(2026, 4, 3)));
        Assert.True(FrenchHolidays.AlsaceMoselle.IsHoliday(new LocalDate(2027, 3, 26)));
        Assert.True(FrenchHolidays.AlsaceMoselle.IsHoliday(new LocalDate(2026, 12, 26)));
        Assert.False(FrenchHolidays.AlsaceMoselle.IsHoliday(new LocalDate(2026, 4, 6)));
    }

    [Theory]
    [InlineData("2026-05-01 00:00")]
    [InlineData("2026-05-01 11:00")]
    [InlineData("2026-05-01 23:59")]
    public void A_holiday_is_refused_all_day_and_allowed_from_the_next_midnight(string local)
    {
        var decision = HolidaysOnly.Evaluate(Call(Person(Paris)), ParisTime(local), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Equal(ParisTime("2026-05-02 00:00"), Assert.Single(decision.Violations).Until);
        Assert.True(HolidaysOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-04-30 23:59"), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void With_the_calling_hours_the_next_permitted_instant_skips_the_holiday_and_the_weekend()
    {
        // Friday 1 May 2026 is Labour Day: next is Monday 4 May at 10:00 CEST = 08:00Z.
        var decision = FranceRules.Pack.Evaluate(Call(Person(Paris)), ParisTime("2026-05-01 11:00"), ContactHistory.Empty);
        Assert.Equal(new[] { "FR-HOL-01" }, decision.Violations.Select(v => v.RuleId));
        Assert.Equal(Utc("2026-05-04T08:00:00Z"), decision.NextPermittedAt);
    }

    [Fact]
    public void The_holiday_is_judged_on_the_called_persons_local_date()
    {
        // 14 July 2026 00:30 in Réunion is still 13 July 22:30 in Paris: refused for a Réunion contact only.
        var at = Local("2026-07-14 00:30", Reunion);
        Assert.False(HolidaysOnly.Evaluate(Call(Person(Reunion)), at, ContactHistory.Empty).IsAllowed);
        Assert.True(HolidaysOnly.Evaluate(Call(Person(Paris)), at, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_user_fed_calendar_of_consecutive_dates_is_skipped_in_one_answer()
    {
        var emergency = HolidayCalendar.FromDates("declared emergencies", new[]
        {
            (new LocalDate(2026, 8, 3), "storm"), (new LocalDate(2026, 8, 4), "storm"), (new LocalDate(2026, 8, 5), "storm"),
        });
        var policy = new ContactPolicy("la", new ContactRule[] { new HolidayExclusion(new RuleMetadata("TEST-EMERGENCY", "test"), emergency) });
        var decision = policy.Evaluate(Call(Person(Chicago)), Local("2026-08-03 12:00", Chicago), ContactHistory.Empty);
        Assert.Equal(Local("2026-08-06 00:00", Chicago), decision.NextPermittedAt);
    }

    [Fact]
    public void The_refusal_names_the_holiday()
    {
        var reason = Assert.Single(HolidaysOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-07-14 11:00"), ContactHistory.Empty).Violations).Reason;
        Assert.Contains("Bastille Day", reason, System.StringComparison.Ordinal);
        Assert.Contains("2026-07-14", reason, System.StringComparison.Ordinal);
    }
}
