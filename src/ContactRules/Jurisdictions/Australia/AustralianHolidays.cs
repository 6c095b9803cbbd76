using System.Collections.Generic;
using ContactRules.Internal;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Australia's national public holidays, computed for any year, as the telemarketing industry
/// standard uses them.
/// </summary>
public static class AustralianHolidays
{
    /// <summary>
    /// The days that are public holidays in every state and territory: New Year's Day, Australia
    /// Day (26 January), Good Friday, Easter Monday, Anzac Day (25 April), Christmas Day and
    /// Boxing Day, plus, for the five fixed dates, the weekday substituted when the date falls on
    /// a Saturday or Sunday (the next weekday that is not already a holiday).
    /// </summary>
    /// <remarks>
    /// The industry standard does not list its "national public holidays" in the sources seen.
    /// This list errs on the side of the called person: the substitute days are included although
    /// not every state observes every one of them (Anzac Day's in particular), and the date itself
    /// stays excluded when a substitute is given. State-only holidays (Easter Saturday, the
    /// King's Birthday, Labour Day) are not national and are not included.
    /// </remarks>
    public static HolidayCalendar National { get; } = HolidayCalendar.Computed(
        "Australia's national public holidays (with weekend substitutes)",
        NationalDates);

    private static IEnumerable<(LocalDate Date, string Name)> NationalDates(int year)
    {
        var easter = Easter.Sunday(year);
        var fixedDates = new[]
        {
            (new LocalDate(year, 1, 1), "New Year's Day"),
            (new LocalDate(year, 1, 26), "Australia Day"),
            (new LocalDate(year, 4, 25), "Anzac Day"),
            (new LocalDate(year, 12, 25), "Christmas Day"),
            (new LocalDate(year, 12, 26), "Boxing Day"),
        };

        var taken = new HashSet<LocalDate> { easter.PlusDays(-2), easter.PlusDays(1) };
        foreach (var (date, _) in fixedDates)
        {
            taken.Add(date);
        }

        yield return (easter.PlusDays(-2), "Good Friday");
        yield return (easter.PlusDays(1), "Easter Monday");
        foreach (var (date, name) in fixedDates)
        {
            yield return (date, name);
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                var substitute = date.PlusDays(1);
                while (substitute.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || taken.Contains(substitute))
                {
                    substitute = substitute.PlusDays(1);
                }

                taken.Add(substitute);
                yield return (substitute, name + " (substitute day)");
            }
        }
    }
}
