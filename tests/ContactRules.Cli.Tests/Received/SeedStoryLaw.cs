using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ReceivedCalls;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// What the law says of each call of the seed story's operator, read directly from the texts
/// (D223-9, L223-1, L221-16, décret n° 2026-662; docs/conventions.md), independently of the engine.
/// </summary>
/// <remarks>
/// The customer has a contract in progress with the operator and the calls are about it, so
/// neither Bloctel (FR-LIST-01) nor the consent regime (FR-CONS-01) applies to them; D223-9
/// does. The story lasts 21 days, so every call falls within 30 calendar days of every earlier
/// one: the first four are within the cap and every later call breaks FR-FREQ-01 (each attempt
/// counts, missed, silent and declined ones included, whichever subcontractor's number placed
/// it). Days and hours: Monday to Friday, [10:00, 13:00) and [14:00, 20:00), Paris time; Saturday
/// 15 August 2026 (Assumption, L3133-1) is a holiday on a Saturday, so both FR-HOL-01 and
/// FR-HOURS-01. The refusal on a call before 11 August starts FR-COOL-01 for the later calls on
/// dates up to 10 August 2026 (R … R+60 covers them; the decree ended the rule then), and from
/// 11 August every later call breaks FR-STOP-01.
/// </remarks>
internal static class SeedStoryLaw
{
    private static readonly LocalDate Assumption = new(2026, 8, 15);
    private static readonly LocalDate LastCooldownDay = new(2026, 8, 10);

    /// <summary>The rules each operator call breaks, sorted, one string per call in time order ("" when none).</summary>
    internal static IReadOnlyList<string> OperatorCallRules(SeedStory story)
    {
        var rules = new List<string>();
        var refusedCall = story.OperatorCalls.Last(c => c.Local <= story.Refusal);
        for (var i = 0; i < story.OperatorCalls.Count; i++)
        {
            var call = story.OperatorCalls[i];
            var broken = new SortedSet<string>(System.StringComparer.Ordinal);
            var time = call.Local.TimeOfDay;
            var weekday = call.Local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
            var inHours = (time >= new LocalTime(10, 0) && time < new LocalTime(13, 0)) || (time >= new LocalTime(14, 0) && time < new LocalTime(20, 0));
            if (!weekday || !inHours)
            {
                broken.Add("FR-HOURS-01");
            }

            if (call.Local.Date == Assumption)
            {
                broken.Add("FR-HOL-01");
            }

            if (i >= 4)
            {
                broken.Add("FR-FREQ-01");
            }

            if (call.Local > refusedCall.Local)
            {
                broken.Add(call.Local.Date <= LastCooldownDay ? "FR-COOL-01" : "FR-STOP-01");
            }

            rules.Add(string.Join(" ", broken));
        }

        return rules;
    }
}
