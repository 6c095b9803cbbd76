using System;
using System.Collections.Generic;

namespace ContactRules.Cli.Audit;

/// <summary>Chooses the campaign-level checks of a policy.</summary>
internal static class CampaignChecks
{
    /// <summary>
    /// The campaign checks the audit runs for <paramref name="policy"/>. None yet: no pack of the
    /// core defines a campaign-level rule today (the fr pack's four rules are per call). The
    /// abandoned-rate monitors for US-ABN-01 and UK-ABN-01 are created here, for the policies
    /// whose packs carry those ids, when the core provides them.
    /// </summary>
    internal static IReadOnlyList<ICampaignCheck> For(ContactPolicy policy)
    {
        _ = policy;
        return Array.Empty<ICampaignCheck>();
    }
}
