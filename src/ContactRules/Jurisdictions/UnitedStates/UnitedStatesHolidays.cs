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
    /// Louisiana's legal holidays as ContactRules applies them to telephone solicitation: the
    /// days of public rest and legal holidays of La. R.S. 1:55(A)(1) (New Year's Day, 8 January
    /// Battle of New Orleans, Dr. Martin Luther King, Jr.'s Birthday, Washington's Birthday, Mardi
    /// Gras, Good Friday, Memorial Day, Independence Day, 30 August Huey P. Long Day, Labor Day,
    /// Columbus Day, 1 November All Saints' Day, Veterans' Day, Thanksgiving, Christmas, and the
    /// governor's Inauguration Day every fourth January), the general election day of every
    /// even-numbered year, and every federal holiday of <see cref="Federal"/> with its observed weekday.
    /// </summary>
    /// <remarks>
    /// R.S. 1:55(A)(1) was read in the statute's text; it does not list election days. The
    /// general election day of even-numbered years (the Tuesday after the first Monday in
    /// November) is a holiday of the state's offices and clerks of court under the same section
    /// (seen only in secondary sources: a clerk's calendar citing 1:55(E), and the python-holidays
    /// calendar): the calendar includes it, the protective reading of "legal holidays". Inauguration
    /// Day (the second Monday of January after the governor's election, in years divisible by
    /// four) is a holiday of the city of Baton Rouge only; it is applied to all of Louisiana, since
    /// a contact's city is not known. The Saturdays that 1:55(A)(1) makes holidays in some parishes
    /// are not: the Commission's own rule allows Monday to Saturday. Holidays a governor declares ad
    /// hoc (for example 3 July 2023) are fed by the user:
    /// <see cref="LouisianaRules.WithEmergencies(HolidayCalendar, HolidayCalendar)"/>.
    /// </remarks>
    public static HolidayCalendar Louisiana { get; } = HolidayCalendar.Computed(
        "the Louisiana legal holidays (La. R.S. 1:55, general election days, federal holidays)",
        LouisianaDates);

    /// <summary>
    /// Alabama's state holidays (Ala. Code 1-3-8), each on its date and, when that falls on a
    /// weekend, on its observed weekday (Saturday: the Friday before; Sunday: the Monday after),
    /// with Mardi Gras and Juneteenth, and every federal holiday of <see cref="Federal"/>.
    /// </summary>
    /// <remarks>
    /// 1-3-8: New Year's Day; Robert E. Lee's and Dr. Martin Luther King, Jr.'s birthday (third
    /// Monday of January); George Washington's and Thomas Jefferson's birthday (third Monday of
    /// February); Confederate Memorial Day (fourth Monday of April); National Memorial Day;
    /// Jefferson Davis' birthday (first Monday of June); Independence Day; Labor Day; Columbus
    /// Day, Fraternal Day and American Indian Heritage Day (second Monday of October); Veterans'
    /// Day; Thanksgiving; Christmas. Mardi Gras is a holiday in Baldwin and Mobile counties only,
    /// and Juneteenth is listed by secondary sources: both are applied to all of Alabama, the
    /// protective reading (a contact's county is not known). Seen only in secondary sources [R].
    /// </remarks>
    public static HolidayCalendar Alabama { get; } = HolidayCalendar.Computed(
        "the Alabama state holidays (Ala. Code 1-3-8) and federal holidays",
        AlabamaDates);

    /// <summary>
    /// Rhode Island's state holidays (R.I. Gen. Laws 25-1-1) and every federal holiday of
    /// <see cref="Federal"/>: a "state or federal holiday" ends the hours of operation of
    /// R.I. Gen. Laws 5-61-2.
    /// </summary>
    /// <remarks>
    /// 25-1-1: New Year's Day, Dr. Martin Luther King, Jr.'s Birthday, Washington's Birthday,
    /// 4 May (Rhode Island Independence Day), Memorial Day, Independence Day, Victory Day (second
    /// Monday of August), Labor Day, Columbus Day, Veterans' Day, Christmas, the day after any of
    /// them that falls on a Sunday (and, for New Year's Day, Independence Day, Veterans' Day and
    /// Christmas, the Monday after a Saturday, when state employees observe them), and the general
    /// election day (the Tuesday after the first Monday of November) of every even-numbered year,
    /// the protective reading of "each year in which a general election of state officers is
    /// held". Seen only in an unofficial reproduction of the statute [R].
    /// </remarks>
    public static HolidayCalendar RhodeIsland { get; } = HolidayCalendar.Computed(
        "the Rhode Island state holidays (R.I. Gen. Laws 25-1-1) and federal holidays",
        RhodeIslandDates);

    /// <summary>
    /// Utah's legal holidays (Utah Code 63G-1-301), each on its date and on its observed day, and
    /// every federal holiday of <see cref="Federal"/>.
    /// </summary>
    /// <remarks>
    /// 63G-1-301: New Year's Day, Independence Day, 24 July Pioneer Day, Veterans Day and
    /// Christmas (observed on the Friday before a Saturday and the Monday after a Sunday); Dr.
    /// Martin Luther King, Jr. Day; Washington and Lincoln Day; Memorial Day; Labor Day; Columbus
    /// Day; Thanksgiving; Easter Sunday; and, from 2022, 19 June, Juneteenth National Freedom Day
    /// (from 2025 observed on the Monday before when it falls Tuesday to Friday and the Monday
    /// after a weekend; before, like the others). Both the date and the observed day are in the
    /// calendar, the protective reading. Every Sunday is a legal holiday too; US-UT-01 refuses
    /// Sundays. Days proclaimed by the President or the governor are fed by the user. Seen only in
    /// unofficial reproductions of the statute [R].
    /// </remarks>
    public static HolidayCalendar Utah { get; } = HolidayCalendar.Computed(
        "the Utah legal holidays (Utah Code 63G-1-301) and federal holidays",
        UtahDates);

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
        yield return (new LocalDate(year, 1, 1), "New Year's Day");
        yield return (new LocalDate(year, 1, 8), "Battle of New Orleans");
        yield return (easter.PlusDays(-47), "Mardi Gras");
        yield return (easter.PlusDays(-2), "Good Friday");
        yield return (new LocalDate(year, 8, 30), "Huey P. Long Day");
        yield return (new LocalDate(year, 11, 1), "All Saints' Day");
        if (year % 4 == 0)
        {
            yield return (NthWeekday(year, 1, IsoDayOfWeek.Monday, 2), "Inauguration Day");
        }

        if (year % 2 == 0)
        {
            yield return (ElectionDay(year), "General Election Day");
        }
    }

    private static IEnumerable<(LocalDate Date, string Name)> AlabamaDates(int year)
    {
        foreach (var holiday in FederalDates(year))
        {
            yield return holiday;
        }

        yield return (NthWeekday(year, 1, IsoDayOfWeek.Monday, 3), "Robert E. Lee's and Dr. Martin Luther King, Jr.'s Birthday");
        yield return (NthWeekday(year, 2, IsoDayOfWeek.Monday, 3), "George Washington's and Thomas Jefferson's Birthday");
        yield return (Easter.Sunday(year).PlusDays(-47), "Mardi Gras (Baldwin and Mobile counties)");
        yield return (NthWeekday(year, 4, IsoDayOfWeek.Monday, 4), "Confederate Memorial Day");
        yield return (NthWeekday(year, 6, IsoDayOfWeek.Monday, 1), "Jefferson Davis' Birthday");
        foreach (var holiday in Observed(new LocalDate(year, 6, 19), "Juneteenth"))
        {
            yield return holiday;
        }

        yield return (NthWeekday(year, 10, IsoDayOfWeek.Monday, 2), "Columbus Day, Fraternal Day and American Indian Heritage Day");
    }

    private static IEnumerable<(LocalDate Date, string Name)> RhodeIslandDates(int year)
    {
        foreach (var holiday in FederalDates(year))
        {
            yield return holiday;
        }

        foreach (var (date, name) in new[]
        {
            (new LocalDate(year, 1, 1), "New Year's Day"),
            (new LocalDate(year, 5, 4), "Rhode Island Independence Day"),
            (new LocalDate(year, 7, 4), "Independence Day"),
            (new LocalDate(year, 11, 11), "Veterans' Day"),
            (new LocalDate(year, 12, 25), "Christmas Day"),
        })
        {
            yield return (date, name);
            if (date.DayOfWeek == IsoDayOfWeek.Sunday)
            {
                yield return (date.PlusDays(1), name + " (observed)");
            }
            else if (date.DayOfWeek == IsoDayOfWeek.Saturday && date.Month != 5)
            {
                yield return (date.PlusDays(2), name + " (observed by state employees)");
            }
        }

        yield return (NthWeekday(year, 8, IsoDayOfWeek.Monday, 2), "Victory Day");
        if (year % 2 == 0)
        {
            yield return (ElectionDay(year), "Election Day");
        }
    }

    private static IEnumerable<(LocalDate Date, string Name)> UtahDates(int year)
    {
        foreach (var holiday in FederalDates(year))
        {
            yield return holiday;
        }

        foreach (var holiday in Observed(new LocalDate(year, 7, 24), "Pioneer Day"))
        {
            yield return holiday;
        }

        yield return (Easter.Sunday(year), "Easter Sunday");
        yield return (NthWeekday(year, 2, IsoDayOfWeek.Monday, 3), "Washington and Lincoln Day");
        if (year >= 2022)
        {
            var juneteenth = new LocalDate(year, 6, 19);
            yield return (juneteenth, "Juneteenth National Freedom Day");
            if (year >= 2025)
            {
                // 63G-1-301(2)(c)-(d) as amended in 2025: Tuesday to Friday, the Monday before;
                // Saturday or Sunday, the Monday after.
                var observed = juneteenth.DayOfWeek switch
                {
                    IsoDayOfWeek.Monday => juneteenth,
                    IsoDayOfWeek.Saturday => juneteenth.PlusDays(2),
                    IsoDayOfWeek.Sunday => juneteenth.PlusDays(1),
                    _ => juneteenth.PlusDays(1 - (int)juneteenth.DayOfWeek),
                };
                yield return (observed, "Juneteenth National Freedom Day (observed)");
            }
        }
    }

    // The Tuesday after the first Monday of November.
    private static LocalDate ElectionDay(int year) => NthWeekday(year, 11, IsoDayOfWeek.Monday, 1).PlusDays(1);

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
