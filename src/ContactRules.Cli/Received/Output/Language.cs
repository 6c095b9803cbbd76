using System;
using System.Globalization;
using NodaTime;

namespace ContactRules.Cli.Received.Output;

/// <summary>
/// The person's language for the report and the complaints: French or English. Each text is
/// written in both, side by side where it is used, and dates are written by hand (not by the
/// machine's culture data) so that the same input gives the same bytes on every machine.
/// </summary>
internal sealed class Language
{
    private static readonly string[] FrenchDays = { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche" };
    private static readonly string[] FrenchMonths = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre" };
    private static readonly string[] EnglishDays = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
    private static readonly string[] EnglishMonths = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

    private Language(string code)
    {
        Code = code;
    }

    internal static Language French { get; } = new("fr");

    internal static Language English { get; } = new("en");

    /// <summary>The ISO 639-1 code: <c>fr</c> or <c>en</c>.</summary>
    internal string Code { get; }

    internal bool IsFrench => ReferenceEquals(this, French);

    /// <summary>The codes accepted by <c>--lang</c>.</summary>
    internal const string Expected = "fr or en";

    internal static Language? Parse(string code) => code.Trim().ToLowerInvariant() switch
    {
        "fr" => French,
        "en" => English,
        _ => null,
    };

    /// <summary>The text in this language.</summary>
    internal string T(string french, string english) => IsFrench ? french : english;

    /// <summary>A whole number: <c>1 234</c> in French (narrow no-break space), <c>1,234</c> in English.</summary>
    internal string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture).Replace(",", IsFrench ? "\u202F" : ",", StringComparison.Ordinal);

    /// <summary>A date in words: <c>lundi 3 août 2026</c>, <c>Monday 3 August 2026</c>.</summary>
    internal string Date(LocalDate date)
    {
        var day = (int)date.DayOfWeek - 1;
        var month = date.Month - 1;
        return IsFrench
            ? $"{FrenchDays[day]} {(date.Day == 1 ? "1er" : Number(date.Day))} {FrenchMonths[month]} {Number(date.Year)}"
            : $"{EnglishDays[day]} {Number(date.Day)} {EnglishMonths[month]} {Number(date.Year)}";
    }

    /// <summary>A short date: <c>03/08/2026</c> in French, as French forms ask; <c>2026-08-03</c> in English, which no reader takes for another day.</summary>
    internal string ShortDate(LocalDate date) => date.ToString(IsFrench ? "dd'/'MM'/'yyyy" : "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>A clock time: <c>11 h 24</c>, <c>11:24</c>.</summary>
    internal string Time(LocalTime time)
        => IsFrench ? $"{Number(time.Hour)} h {time.Minute.ToString("00", CultureInfo.InvariantCulture)}" : time.ToString("HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>The offset from UTC: <c>UTC+02:00</c>.</summary>
    internal static string Offset(Offset offset) => "UTC" + offset.ToString("+HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A moment in the person's zone, with its offset: <c>lundi 3 août 2026, 11 h 24 (UTC+02:00)</c>.</summary>
    internal string Moment(ZonedDateTime local) => $"{Date(local.Date)}, {Time(local.TimeOfDay)} ({Offset(local.Offset)})";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
