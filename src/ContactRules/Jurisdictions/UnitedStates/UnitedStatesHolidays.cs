using System.Collections.Generic;
using ContactRules.Internal;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// United States holiday calendars, computed for any year.
/// </summary>
public static class UnitedStatesHolidays
{
    /// <summary>
    /// The legal public holidays of 5 U.S.C. 6103(a): New Year's Day, Martin Luther King Jr.'s
    /// Birthday (third Monday of January, from 1986), Washington's Birthday (third Monday of
    /// February), Memorial Day (last Monday of May), Juneteenth (19 June, from 2021), Independence
    /// Day, Labor Day (first Monday of September), Columbus Day (second Monday of October),
    /// Veterans Day (11 November), Thanksgiving (fourth Thursday of November) and Christmas Day.
    /// </summary>
    /// <remarks>
    /// Both the date itself and, when it falls on a weekend, the weekday on which it is observed
    /// (Saturday: the Friday before; Sunday: the Monday after; 5 U.S.C. 6103(b), Executive Order
    /// 11582) are in the calendar. New Year's Day on a Saturday is observed on 31 December of the
    /// year before. Used for the business days of the FCC's 10-business-day opt-out deadline
    /// (regulations.md 2.5, our reading: Monday to Friday except these holidays).
    /// </remarks>
    public static HolidayCalendar Federal { get; } = HolidayCalendar.Computed(
        "the US federal legal public holidays (5 U.S.C. 6103), with their observed weekdays",
        FederalDates);

    /// <summary>
    /// Louisiana's legal holidays as ContactRules applies them to telephone solicitation: every
    /// federal holiday of <see cref="Federal"/> (date and observed weekday), plus Mardi Gras
    /// (47 days before Easter) and Good Friday.
    /// </summary>
    /// <remarks>
    /// The list of La. R.S. 1:55 was not verified against the statute (regulations.md 2.4 gives
    /// only "no legal holidays"); the calendar is the conservative union of the federal holidays
    /// and the two state-wide religious-calendar holidays usually listed for Louisiana. Holidays a
    /// governor declares ad hoc (for example 3 July 2023) are fed by the user:
    /// <see cref="LouisianaRules.WithEmergencies(HolidayCalendar, HolidayCalendar)"/>.
    /// </remarks>
    public static HolidayCalendar Louisiana { get; } = HolidayCalendar.Computed(
        "the Louisiana legal holidays (federal holidays, Mardi Gras, Good Friday)",
        LouisianaDates);

    private static IEnumerable<(LocalDate Date, string Name)> FederalDates(int year)
    {
        // New Year's Day of the next year is observed on 31 December when it falls on a Saturday.
        foreach (var holiday in Observed(new LocalDate(year + 1, 1, 1), "New Year's Day"))
        {
            yield return holiday;
        }

        foreach (var holiday in Observed(new LocalDate(year, 1, 1), "New Year's Day"))
        {
            yield return holiday;
        }

        if (year >= 1986)
        {
            yield return (NthWeekday(year, 1, IsoDayOfWeek.Monday, 3), "Birthday of Martin Luther King, Jr.");
        }

        yield return (NthWeekday(year, 2, IsoDayOfWeek.Monday, 3), "Washington's Birthday");
        yield return (LastWeekday(year, 5, IsoDayOfWeek.Monday), "Memorial Day");
        if (year >= 2021)
        {
            foreach (var holiday in Observed(new LocalDate(year, 6, 19), "Juneteenth National Independence Day"))
            {
                yield return holiday;
            }
        }

        foreach (var holiday in Observed(new LocalDate(year, 7, 4), "Independence Day"))
        {
            yield return holiday;
        }

        yield return (NthWeekday(year, 9, IsoDayOfWeek.Monday, 1), "Labor Day");
        yield return (NthWeekday(year, 10, IsoDayOfWeek.Monday, 2), "Columbus Day");
        foreach (var holiday in Observed(new LocalDate(year, 11, 11), "Veterans Day"))
        {
            yield return holiday;
        }

        yield return (NthWeekday(year, 11, IsoDayOfWeek.Thursday, 4), "Thanksgiving Day");
        foreach (var holiday in Observed(new LocalDate(year, 12, 25), "Christmas Day"))
        {
            yield return holiday;
        }
    }

    private static IEnumerable<(LocalDate Date, string Name)> LouisianaDates(int year)
    {
        foreach (var holiday in FederalDates(year))
        {
            yield return holiday;
        }

        var easter = Easter.Sunday(year);
        yield return (easter.PlusDays(-47), "Mardi Gras");
        yield return (easter.PlusDays(-2), "Good Friday");
    }

    private static IEnumerable<(LocalDate Date, string Name)> Observed(LocalDate date, string name)
    {
        yield return (date, name);
        if (date.DayOfWeek == IsoDayOfWeek.Saturday)
        {
            yield return (date.PlusDays(-1), name + " (observed)");
        }
        else if (date.DayOfWeek == IsoDayOfWeek.Sunday)
        {
            yield return (date.PlusDays(1), name + " (observed)");
        }
    }

    private static LocalDate NthWeekday(int year, int month, IsoDayOfWeek day, int n)
    {
        var first = new LocalDate(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.PlusDays(offset + (7 * (n - 1)));
    }

    private static LocalDate LastWeekday(int year, int month, IsoDayOfWeek day)
    {
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.PlusDays(-offset);
    }
}
