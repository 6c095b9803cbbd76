using System.Collections.Generic;
using ContactRules.Internal;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// French public holidays, computed for any year.
/// </summary>
public static class FrenchHolidays
{
    /// <summary>
    /// The eleven public holidays of the Code du travail, art. L3133-1, the list D223-9 refers to:
    /// 1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August,
    /// 1 November, 11 November, 25 December.
    /// </summary>
    public static HolidayCalendar National { get; } = HolidayCalendar.Computed(
        "the public holidays of the Code du travail, art. L3133-1",
        NationalDates);

    /// <summary>
    /// The two extra holidays of Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle): Good Friday and
    /// 26 December (local law, Code du travail art. L3134-13).
    /// </summary>
    public static HolidayCalendar AlsaceMoselle { get; } = HolidayCalendar.Computed(
        "the Alsace-Moselle holidays (Good Friday, 26 December)",
        AlsaceMoselleDates);

    /// <summary>
    /// Guadeloupe's day commemorating the abolition of slavery, 27 May (loi n° 83-550 du
    /// 30 juin 1983; décret n° 83-1003 du 23 novembre 1983).
    /// </summary>
    public static HolidayCalendar GuadeloupeAbolition { get; } = Abolition("Guadeloupe", 5, 27);

    /// <summary>Martinique's day commemorating the abolition of slavery, 22 May (loi n° 83-550; décret n° 83-1003).</summary>
    public static HolidayCalendar MartiniqueAbolition { get; } = Abolition("Martinique", 5, 22);

    /// <summary>Guyane's day commemorating the abolition of slavery, 10 June (loi n° 83-550; décret n° 83-1003).</summary>
    public static HolidayCalendar GuyaneAbolition { get; } = Abolition("Guyane", 6, 10);

    /// <summary>La Réunion's day commemorating the abolition of slavery, 20 December (loi n° 83-550; décret n° 83-1003).</summary>
    public static HolidayCalendar ReunionAbolition { get; } = Abolition("La Réunion", 12, 20);

    /// <summary>Mayotte's day commemorating the abolition of slavery, 27 April (loi n° 83-550; décret n° 83-1003 as amended).</summary>
    public static HolidayCalendar MayotteAbolition { get; } = Abolition("Mayotte", 4, 27);

    private static HolidayCalendar Abolition(string department, int month, int day)
        => HolidayCalendar.Computed(
            $"the abolition of slavery day in {department}",
            year => new[] { (new LocalDate(year, month, day), $"the abolition of slavery day in {department} (Abolition de l'esclavage)") });

    private static IEnumerable<(LocalDate Date, string Name)> NationalDates(int year)
    {
        var easter = Easter.Sunday(year);
        yield return (new LocalDate(year, 1, 1), "New Year's Day (Jour de l'an)");
        yield return (easter.PlusDays(1), "Easter Monday (Lundi de Pâques)");
        yield return (new LocalDate(year, 5, 1), "Labour Day (Fête du Travail)");
        yield return (new LocalDate(year, 5, 8), "Victory in Europe Day (Victoire 1945)");
        yield return (easter.PlusDays(39), "Ascension Day (Ascension)");
        yield return (easter.PlusDays(50), "Whit Monday (Lundi de Pentecôte)");
        yield return (new LocalDate(year, 7, 14), "Bastille Day (Fête nationale)");
        yield return (new LocalDate(year, 8, 15), "Assumption Day (Assomption)");
        yield return (new LocalDate(year, 11, 1), "All Saints' Day (Toussaint)");
        yield return (new LocalDate(year, 11, 11), "Armistice Day (Armistice 1918)");
        yield return (new LocalDate(year, 12, 25), "Christmas Day (Noël)");
    }

    private static IEnumerable<(LocalDate Date, string Name)> AlsaceMoselleDates(int year)
    {
        yield return (Easter.Sunday(year).PlusDays(-2), "Good Friday (Vendredi saint)");
        yield return (new LocalDate(year, 12, 26), "St Stephen's Day (Saint-Étienne)");
    }
}
