using NodaTime;

namespace ContactRules.Cli.Audit;

/// <summary>A campaign-level breach: which rule, which campaign, over which period, and why.</summary>
/// <param name="RuleId">The rule's catalogue id, such as <c>US-ABN-01</c>.</param>
/// <param name="Citation">The legal citation.</param>
/// <param name="Campaign">The campaign.</param>
/// <param name="From">The start of the period judged.</param>
/// <param name="To">The end of the period judged (exclusive).</param>
/// <param name="Reason">What was measured against what limit, in plain words.</param>
internal sealed record CampaignFinding(string RuleId, string Citation, string Campaign, Instant From, Instant To, string Reason);
