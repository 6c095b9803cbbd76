using ContactRules;
using NodaTime;

namespace Crm.Sample;

/// <summary>What happened when the CRM tried to call a customer.</summary>
/// <param name="Customer">Who was to be called.</param>
/// <param name="At">When.</param>
/// <param name="Decision">ContactRules' answer; its violations explain a refusal.</param>
/// <param name="CallSid">Twilio's id of the call placed; null when refused.</param>
/// <param name="Outcome">The outcome recorded in the ledger; null when refused.</param>
internal sealed record CallResult(Customer Customer, Instant At, ContactDecision Decision, string? CallSid, AttemptOutcome? Outcome)
{
    public bool Placed => CallSid is not null;
}
