using NodaTime;

namespace ContactRules.Cli.Evaluate;

/// <summary>One case of the evaluate contract, mapped onto the core's types and ready to decide.</summary>
/// <param name="Id">The case id, echoed in the decision.</param>
/// <param name="Policy">The resolved packs.</param>
/// <param name="At">The instant the contact would be made.</param>
/// <param name="Request">The contact, with its consents and opt-outs.</param>
/// <param name="History">The earlier attempts, oldest first.</param>
internal sealed record EvaluationCase(string Id, ContactPolicy Policy, Instant At, ContactRequest Request, ContactHistory History)
{
    internal ContactDecision Decide() => Policy.Evaluate(Request, At, History);
}
