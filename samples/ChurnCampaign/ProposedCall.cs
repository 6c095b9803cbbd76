using NodaTime;

namespace ChurnCampaign;

/// <summary>A call the predictive dialer wants to place, with the outcome it would have.</summary>
internal readonly record struct ProposedCall(int Customer, Instant At, string Subcontractor, ContactRules.AttemptOutcome Outcome);
