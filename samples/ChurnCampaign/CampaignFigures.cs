using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules;
using ContactRules.Jurisdictions;
using NodaTime;

namespace ChurnCampaign;

/// <summary>
/// The figures of one run, counted directly from the calls placed (not from the engine's
/// verdicts), so that they check the gate instead of repeating it: D223-9's limits read plainly.
/// </summary>
internal sealed record CampaignFigures(
    int CallsPlaced,
    int SilentCalls,
    int CustomersCalled,
    int CustomersOverFourIn30Days,
    int CallsOutsideLegalHours,
    int CallsAfterRefusal,
    int WorstCustomerCallsInOneDay,
    string WorstCustomer,
    ImmutableSortedDictionary<string, int> ViolationsByRule)
{
    public static CampaignFigures Of(CampaignRun run, CampaignModel model)
    {
        var overCap = 0;
        var outsideHours = 0;
        var afterRefusal = 0;
        var worst = 0;
        var worstCustomer = "-";
        foreach (var group in run.Calls.GroupBy(c => c.Customer))
        {
            var customer = model.Customers[group.Key];
            var zone = customer.Request.Contact.TimeZones[0];
            var calls = group.OrderBy(c => c.At).ToArray();
            var dates = calls.Select(c => c.At.InZone(zone).Date).ToArray();

            // More than 4 calls on any 30 consecutive local dates.
            for (int first = 0, last = 0; last < dates.Length; last++)
            {
                while (Period.DaysBetween(dates[first], dates[last]) >= 30)
                {
                    first++;
                }

                if (last - first + 1 > 4)
                {
                    overCap++;
                    break;
                }
            }

            var consentsToOutsideHours = customer.Request.Consents.Any(c => c.OutsideHours);
            outsideHours += consentsToOutsideHours ? 0 : calls.Count(c => !WithinLegalHours(c.At.InZone(zone).LocalDateTime));

            var refusedAt = calls.FirstOrDefault(c => c.Outcome == AttemptOutcome.Refused)?.At;
            afterRefusal += refusedAt is { } r ? calls.Count(c => c.At > r) : 0;

            var busiestDay = dates.GroupBy(d => d).Max(d => d.Count());
            if (busiestDay > worst)
            {
                worst = busiestDay;
                worstCustomer = customer.Id;
            }
        }

        var byRule = run.Calls.SelectMany(c => c.BrokenRules).GroupBy(id => id, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new CampaignFigures(
            run.Calls.Count,
            run.Calls.Count(c => c.Outcome == AttemptOutcome.Abandoned),
            run.Calls.Select(c => c.Customer).Distinct().Count(),
            overCap,
            outsideHours,
            afterRefusal,
            worst,
            worstCustomer,
            byRule);
    }

    /// <summary>Monday to Friday, 10:00–13:00 and 14:00–20:00, not a public holiday of art. L3133-1.</summary>
    private static bool WithinLegalHours(LocalDateTime local)
        => local.DayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday
            && !FrenchHolidays.National.IsHoliday(local.Date)
            && ((local.Hour >= 10 && local.Hour < 13) || (local.Hour >= 14 && local.Hour < 20));
}
