using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Internal;

/// <summary>Counting working days: Monday to Friday, except the dates of a holiday calendar.</summary>
internal static class WorkingDays
{
    /// <summary>The <paramref name="count"/>-th working day after <paramref name="date"/> (not counting <paramref name="date"/> itself).</summary>
    internal static LocalDate After(LocalDate date, int count, HolidayCalendar holidays)
    {
        var remaining = count;
        while (remaining > 0)
        {
            date = date.PlusDays(1);
            if (date.DayOfWeek != IsoDayOfWeek.Saturday && date.DayOfWeek != IsoDayOfWeek.Sunday && !holidays.IsHoliday(date))
            {
                remaining--;
            }
        }

        return date;
    }
}
