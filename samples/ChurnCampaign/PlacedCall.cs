using System.Collections.Immutable;
using NodaTime;

namespace ChurnCampaign;

/// <summary>A call the dialer actually placed, with the rules it broke (found by the audit replay).</summary>
internal sealed record PlacedCall(int Customer, Instant At, string Subcontractor, ContactRules.AttemptOutcome Outcome, ImmutableArray<string> BrokenRules);
