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
    internal static CallingWindow EightToEight(string id, string citation, string description, LocalDate inForceFrom, VerificationLevel verification, string verificationNote)
        => new CallingWindow(
            new RuleMetadata(id, citation)
            {
                Description = description,
                InForce = InForcePeriod.Since(inForceFrom),
                Scope = UnitedStatesRules.Telemarketing,
                Reading = "No exemption is applied; texts are held to the hours like calls.",
                Verification = verification,
                VerificationNote = verificationNote,
            },
            WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 20)));

    /// <summary>
    /// At most 3 telemarketing calls or texts in any 24 hours (rolling: one exactly 24 hours earlier
    /// no longer counts) to a person on the same subject, from any number; every placed call counts.
    /// </summary>
    internal static FrequencyCap ThreeInAny24HoursPerSubject(string id, string citation, string description, LocalDate inForceFrom, VerificationLevel verification, string verificationNote)
        => new FrequencyCap(
            new RuleMetadata(id, citation)
            {
                Description = description,
                InForce = InForcePeriod.Since(inForceFrom),
                Scope = UnitedStatesRules.Telemarketing,
                Reading = "Rolling: a call exactly 24 hours earlier no longer counts. Every placed call or text counts, answered or not, from any number; an attempt of unknown subject counts for every subject. No exemption is applied.",
                Verification = verification,
                VerificationNote = verificationNote,
            },
            maxAttempts: 3,
            FrequencyWindow.OfRollingDuration(Duration.FromHours(24)),
            CountingKey.Subject,
            AttemptFilter.Any.ForPurposes(ContactPurpose.Marketing));
}
