using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ChurnCampaign;

/// <summary>One run of the campaign: the calls placed, and the gate's refusals by rule when it ran through one.</summary>
internal sealed class CampaignRun
{
    public CampaignRun(string name, IReadOnlyList<PlacedCall> calls, ImmutableSortedDictionary<string, int> refusalsByRule)
    {
        Name = name;
        Calls = calls;
        RefusalsByRule = refusalsByRule;
    }

    public string Name { get; }

    public IReadOnlyList<PlacedCall> Calls { get; }

    /// <summary>How often the gate refused, by rule id (empty for the run without a gate).</summary>
    public ImmutableSortedDictionary<string, int> RefusalsByRule { get; }

    public IEnumerable<PlacedCall> CallsTo(int customer) => Calls.Where(c => c.Customer == customer);
}
