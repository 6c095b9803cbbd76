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
/// This is the seam for the campaign monitors, which are built with the core; see
/// <see cref="CampaignChecks.For"/> for where a policy's checks are chosen.
/// </remarks>
internal interface ICampaignCheck
{
    /// <summary>Sees the next call of the log, in time order.</summary>
    /// <param name="call">The call.</param>
    /// <param name="line">The line of the log it was read from.</param>
    void Observe(LoggedCall call, long line);

    /// <summary>What the check found once every call was seen.</summary>
    IReadOnlyList<CampaignFinding> Findings();
}
