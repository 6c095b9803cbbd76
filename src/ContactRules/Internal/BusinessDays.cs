using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Internal;

/// <summary>
/// A legal deadline counted in business days (Monday to Friday, except the dates of a holiday
/// calendar) after the local date something was received: the FCC's 10 business days to honour
/// a do-not-call request or a revocation of consent; France's five working days to answer a
/// request for information (R223-4).
/// </summary>
internal static class BusinessDays
{
    // The earliest local clock on Earth (Line Islands): a deadline read there is never late.
    private static readonly DateTimeZone EarliestZone = DateTimeZone.ForOffset(Offset.FromHours(14));

    /// <summary>The local date after the <paramref name="businessDays"/>-th business day after <paramref name="received"/>.</summary>
    internal static LocalDate DayAfterDeadline(LocalDate received, int businessDays, HolidayCalendar nonBusinessDays)
        => After(received, businessDays, nonBusinessDays).PlusDays(1);

    /// <summary>
    /// The <paramref name="count"/>-th business day after <paramref name="date"/>, not counting
    /// <paramref name="date"/> itself (France's R223-4: the fifth working day after a request).
    /// </summary>
    internal static LocalDate After(LocalDate date, int count, HolidayCalendar nonBusinessDays)
    {
        var remaining = count;
        while (remaining > 0)
        {
            date = date.PlusDays(1);
            if (date.DayOfWeek != IsoDayOfWeek.Saturday && date.DayOfWeek != IsoDayOfWeek.Sunday && !nonBusinessDays.IsHoliday(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// The instant the deadline ends: the start of the day after the last business day, in the
    /// candidate zone where that comes first; with no zone, at UTC+14.
    /// </summary>
    internal static Instant Deadline(Instant received, ImmutableArray<DateTimeZone> zones, int businessDays, HolidayCalendar nonBusinessDays)
    {
        if (zones.IsDefaultOrEmpty)
        {
            return ZoneMath.StartOfDay(EarliestZone, DayAfterDeadline(ZoneMath.DateOf(received, EarliestZone), businessDays, nonBusinessDays));
        }

        var earliest = Instant.MaxValue;
        foreach (var zone in zones)
        {
            var end = ZoneMath.StartOfDay(zone, DayAfterDeadline(ZoneMath.DateOf(received, zone), businessDays, nonBusinessDays));
            if (end < earliest)
            {
                earliest = end;
            }
        }

        return earliest;
    }
}
