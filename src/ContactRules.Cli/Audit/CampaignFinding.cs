using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Cli.Audit;

/// <summary>A campaign-level breach: which rule, which campaign, over which period, and why.</summary>
/// <param name="RuleId">The rule's catalogue id, such as <c>US-ABN-01</c>.</param>
/// <param name="Citation">The legal citation.</param>
/// <param name="Campaign">The campaign.</param>
/// <param name="From">The start of the period judged.</param>
/// <param name="To">The end of the period judged.</param>
/// <param name="Reason">What was measured against what limit, in plain words.</param>
internal sealed record CampaignFinding(string RuleId, string Citation, string Campaign, Instant From, Instant To, string Reason)
{
    /// <summary>
    /// The lines of the log's calls that the breach makes violations: for the abandoned-call
    /// rate, the calls abandoned in the breaching period (a call may be abandoned only within the
    /// rate; above it, each one lost the rule's safe harbour).
    /// </summary>
    internal ImmutableArray<long> Lines { get; init; } = ImmutableArray<long>.Empty;

    /// <summary>What the rule says, in one sentence (the limit's description).</summary>
    internal string Description { get; init; } = string.Empty;
}
