using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace ContactRules.Tests.Properties;

/// <summary>
/// A deliberately naive, independent reading of D223-9 (FR-HOURS-01, FR-HOL-01, FR-FREQ-01,
/// FR-COOL-01) for 2025–2027, written straight from regulations.md and conventions.md: every
/// attempt converted to a local date, holidays from a hand-written table; décret n° 2026-662 from
/// 11 August 2026 (the cooldown ends on 10 August; an outside-hours consent lifts the days and
/// hours only until then, a slot consent inside its slot in both regimes; from 11 August a consent
/// counts 365 days from its grant and a refused call withdraws it). The engine must agree with it
/// everywhere.
/// </summary>
internal static class FrenchOracle
{
    private static readonly HashSet<LocalDate> Holidays = new HashSet<LocalDate>(
        new[] { 2025, 2026, 2027 }.SelectMany(y => new[]
        {
            new LocalDate(y, 1, 1), new LocalDate(y, 5, 1), new LocalDate(y, 5, 8), new LocalDate(y, 7, 14),
            new LocalDate(y, 8, 15), new LocalDate(y, 11, 1), new LocalDate(y, 11, 11), new LocalDate(y, 12, 25),
        }).Concat(new[]
        {
            // Easter Monday, Ascension, Whit Monday (regulations.md 1.8 for 2026 and 2027; 2025 from Easter on 20 April).
            new LocalDate(2025, 4, 21), new LocalDate(2025, 5, 29), new LocalDate(2025, 6, 9),
            new LocalDate(2026, 4, 6), new LocalDate(2026, 5, 14), new LocalDate(2026, 5, 25),
            new LocalDate(2027, 3, 29), new LocalDate(2027, 5, 6), new LocalDate(2027, 5, 17),
        }));

    private static readonly LocalDate LastDayBeforeReform = new LocalDate(2026, 8, 10);

    internal static bool Allows(ContactRequest request, Instant at, IReadOnlyList<ContactAttempt> history)
    {
        var zones = request.Contact.TimeZones;

        // The old regime holds at this instant for the exemption only where every zone is still on
        // or before 10 August 2026; the cooldown applies while any zone is.
        var oldRegimeEverywhere = zones.All(z => at.InZone(z).Date <= LastDayBeforeReform);
        var cooldownInForce = zones.Any(z => at.InZone(z).Date <= LastDayBeforeReform);
        var liftsDaysAndHours = request.Consents.Any(c => c.Covers(request) && c.GrantedAt <= at
            && (c.Slot is { } slot
                ? slot.Start <= at && at < slot.End
                    && (oldRegimeEverywhere
                        || (at < c.GrantedAt + Duration.FromDays(365)
                            && !history.Any(a => a.Outcome == AttemptOutcome.Refused && SameCaller(request, a) && a.At >= c.GrantedAt)))
                : c.OutsideHours && oldRegimeEverywhere));
        foreach (var zone in zones)
        {
            var local = at.InZone(zone).LocalDateTime;
            var date = local.Date;
            if (!liftsDaysAndHours)
            {
                if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || Holidays.Contains(date))
                {
                    return false;
                }

                var hour = local.Hour;
                if (!((hour >= 10 && hour < 13) || (hour >= 14 && hour < 20)))
                {
                    return false;
                }
            }

            var inWindow = history.Count(a => a.Channel == ContactChannel.Voice && a.Purpose == ContactPurpose.Marketing && SameCaller(request, a)
                && a.At.InZone(zone).Date >= date.PlusDays(-29) && a.At.InZone(zone).Date <= date);
            if (inWindow >= 4)
            {
                return false;
            }

            if (cooldownInForce && history.Any(a => a.Outcome == AttemptOutcome.Refused && SameCaller(request, a) && a.At <= at
                && date <= a.At.InZone(zone).Date.PlusDays(60)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameCaller(ContactRequest request, ContactAttempt attempt)
        => request.Caller is null || attempt.Caller is null || request.Caller == attempt.Caller;
}
