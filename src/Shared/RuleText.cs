using System.Linq;

namespace ContactRules.Reports;

/// <summary>
/// What a rule id says and its legal citation, for every report (a linked source file in the tool
/// and the sample): from the rule's own metadata when the policy holds it, so that a report never
/// shows a bare id and never words a rule otherwise than the rule does.
/// </summary>
internal static class RuleText
{
    /// <summary>
    /// The rule <paramref name="id"/>'s wording and citation: its metadata's when
    /// <paramref name="policy"/> holds it, the meaning of the engine's own refusal for a
    /// <see cref="CoreRules"/> id; null for an id neither knows (a campaign-level rule, whose
    /// finding carries its own wording).
    /// </summary>
    internal static (string Description, string Citation)? Of(ContactPolicy policy, string id)
    {
        if (policy.Rules.FirstOrDefault(r => r.Id == id) is { } rule)
        {
            return (rule.Metadata.Description.Length > 0 ? rule.Metadata.Description : $"A {rule.Kind} rule of policy '{policy.Id}'.", rule.Citation);
        }

        // The engine's own refusals carry no description, and their reasons may name the person (a
        // number, when the log gives no contact id): a report says what they mean in general.
        return id switch
        {
            CoreRules.ZoneUnknownId => ("The called person's time zone was unknown (neither given nor derivable from the number), so the calling hours could not be checked: the engine refuses rather than guess.", CoreRules.ZoneUnknownCitation),
            CoreRules.StoreUnavailableId => ("The contact history could not be read, so caps and cooldowns could not be checked.", CoreRules.StoreUnavailableCitation),
            _ => null,
        };
    }

    /// <summary>
    /// The wording and citation of the rule <paramref name="violation"/> names: as <see cref="Of(ContactPolicy, string)"/>
    /// says, or, for an id the policy does not hold, the violation's own reason and citation.
    /// </summary>
    internal static (string Description, string Citation) Of(ContactPolicy policy, RuleViolation violation)
        => Of(policy, violation.RuleId) ?? (violation.Reason, violation.Citation);
}
