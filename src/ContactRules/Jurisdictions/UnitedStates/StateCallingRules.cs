using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// The two shapes the state "mini-TCPA" statutes share, so that each state's file holds only what
/// its law says (id, citation, wording, date): calls only 08:00–20:00 at the called party's
/// location, and at most 3 calls or texts in any 24 hours to a person on the same subject matter,
/// whatever number they come from.
/// </summary>
internal static class StateCallingRules
{
    /// <summary>Telemarketing only 08:00–20:00, every day, in the called party's local time.</summary>
    internal static CallingWindow EightToEight(string id, string citation, string description, LocalDate inForceFrom)
        => new CallingWindow(
            new RuleMetadata(id, citation)
            {
                Description = description,
                InForce = InForcePeriod.Since(inForceFrom),
                Scope = UnitedStatesRules.Telemarketing,
            },
            WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 20)));

    /// <summary>
    /// At most 3 telemarketing calls or texts in any 24 hours (rolling: one exactly 24 hours earlier
    /// no longer counts) to a person on the same subject, from any number; every placed call counts.
    /// </summary>
    internal static FrequencyCap ThreeInAny24HoursPerSubject(string id, string citation, string description, LocalDate inForceFrom)
        => new FrequencyCap(
            new RuleMetadata(id, citation)
            {
                Description = description,
                InForce = InForcePeriod.Since(inForceFrom),
                Scope = UnitedStatesRules.Telemarketing,
            },
            maxAttempts: 3,
            FrequencyWindow.OfRollingDuration(Duration.FromHours(24)),
            CountingKey.Subject,
            AttemptFilter.Any.ForPurposes(ContactPurpose.Marketing));
}
