using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactRules.Cli.Audit;

/// <summary>Chooses the campaign-level checks of a policy.</summary>
internal static class CampaignChecks
{
    /// <summary>
    /// The campaign checks the audit runs for <paramref name="policy"/>: US-ABN-01 (at most 3% of
    /// the telemarketing calls answered by a person abandoned, per campaign and successive 30-day
    /// period) when the policy includes the <c>us</c> pack, UK-ABN-01 (Ofcom's 3% per campaign
    /// over any 24 hours) when it includes the <c>uk</c> pack, with the given estimate of
    /// answering-machine false positives. The other packs define no campaign-level rule.
    /// </summary>
    /// <param name="policy">The policy, its id the pack ids joined by '+'.</param>
    /// <param name="amdFalsePositiveRate">UK: the share of machine-detected calls estimated to have reached a person.</param>
    internal static IReadOnlyList<ICampaignCheck> For(ContactPolicy policy, decimal amdFalsePositiveRate = 0m)
    {
        var packs = policy.Id.Split('+').Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal);
        var checks = new List<ICampaignCheck>();
        if (packs.Contains("us"))
        {
            checks.Add(new AbandonedRateCheck(AbandonmentLimit.UnitedStates, marketingOnly: true));
        }

        if (packs.Contains("uk"))
        {
            checks.Add(new AbandonedRateCheck(AbandonmentLimit.UnitedKingdom(amdFalsePositiveRate), marketingOnly: false));
        }

        return checks;
    }
}
