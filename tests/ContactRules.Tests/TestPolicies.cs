using ContactRules.Jurisdictions;
using ContactRules.Rules;

namespace ContactRules.Tests;

/// <summary>The policies the core tests build from the packs' rules.</summary>
internal static class TestPolicies
{
    /// <summary>The four rules of art. D223-9 alone, without the rest of the fr pack (lists, consent, sector bans).</summary>
    internal static readonly ContactPolicy D223_9 = new ContactPolicy(
        "d223-9",
        new ContactRule[] { FranceRules.Hours, FranceRules.Holidays, FranceRules.Frequency, FranceRules.RefusalCooldown });
}
