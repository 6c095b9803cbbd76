using System.Collections.Generic;
using ContactRules.Internal;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>Italian holiday calendars, computed for any year.</summary>
public static class ItalianHolidays
{
    /// <summary>
    /// Italy's national holidays (Legge 27 maggio 1949, n. 260, art. 2, as amended): 1 January,
    /// 6 January (Epiphany), Easter Sunday and Easter Monday, 25 April (Liberation Day), 1 May,
    /// 2 June (Republic Day), 15 August, 4 October (St Francis of Assisi, from 2026), 1 November,
    /// 8 December, 25 and 26 December. Local patron saints' days are not in it.
    /// </summary>
    public static HolidayCalendar National { get; } = HolidayCalendar.Computed(
        "the Italian national holidays (Legge 260/1949, art. 2)",
        NationalDates);

    /// <summary>
    /// The eves of <see cref="National"/> ("prefestivi"): the day before each national holiday.
    /// </summary>
    public static HolidayCalendar Eves { get; } = HolidayCalendar.Computed(
        "the eves of the Italian national holidays (prefestivi)",
        EveDates);

    private static IEnumerable<(LocalDate Date, string Name)> NationalDates(int year)
    {
        var easter = Easter.Sunday(year);
        yield return (new LocalDate(year, 1, 1), "Capodanno");
        yield return (new LocalDate(year, 1, 6), "Epifania");
        yield return (easter, "Pasqua");
        yield return (easter.PlusDays(1), "Lunedì dell'Angelo");
        yield return (new LocalDate(year, 4, 25), "Festa della Liberazione");
        yield return (new LocalDate(year, 5, 1), "Festa del Lavoro");
        yield return (new LocalDate(year, 6, 2), "Festa della Repubblica");
        yield return (new LocalDate(year, 8, 15), "Ferragosto");
        if (year >= 2026)
        {
            yield return (new LocalDate(year, 10, 4), "San Francesco d'Assisi");
        }

        yield return (new LocalDate(year, 11, 1), "Ognissanti");
        yield return (new LocalDate(year, 12, 8), "Immacolata Concezione");
        yield return (new LocalDate(year, 12, 25), "Natale");
        yield return (new LocalDate(year, 12, 26), "Santo Stefano");
    }

    private static IEnumerable<(LocalDate Date, string Name)> EveDates(int year)
    {
        // The eve of 1 January of the next year is 31 December of this one.
        foreach (var (date, name) in NationalDates(year + 1))
        {
            if (date.PlusDays(-1).Year == year)
            {
                yield return (date.PlusDays(-1), "vigilia: " + name);
            }
        }

        foreach (var (date, name) in NationalDates(year))
        {
            if (date.PlusDays(-1).Year == year)
            {
                yield return (date.PlusDays(-1), "vigilia: " + name);
            }
        }
    }
}
