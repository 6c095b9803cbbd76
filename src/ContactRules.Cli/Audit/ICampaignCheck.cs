using System.Collections.Generic;
using ContactRules.Auditing;

namespace ContactRules.Cli.Audit;

/// <summary>
/// A rule that judges a campaign as a whole rather than one call: the abandoned-call rate
/// monitors (US-ABN-01, at most 3% of live-answered calls per campaign per 30 days; UK-ABN-01,
/// Ofcom's 3% per 24 hours). The audit shows every call of the log to every check, in time order,
/// after the call's own decision, and reports what the checks find beside the per-call
/// violations; a finding makes the audit fail like a violation does.
/// </summary>
/// <remarks>
/// <see cref="CampaignChecks.For"/> chooses a policy's checks; <see cref="AbandonedRateCheck"/>
/// runs the core's <see cref="AbandonedCallMonitor"/>.
/// </remarks>
internal interface ICampaignCheck
{
    /// <summary>The catalogue id of the rule checked.</summary>
    string RuleId { get; }

    /// <summary>Sees the next call of the log, in time order.</summary>
    /// <param name="call">The call.</param>
    /// <param name="line">The line of the log it was read from.</param>
    void Observe(LoggedCall call, long line);

    /// <summary>What the check found once every call was seen.</summary>
    IReadOnlyList<CampaignFinding> Findings();
}
