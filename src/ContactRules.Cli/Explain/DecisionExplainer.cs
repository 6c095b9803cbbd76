using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Input;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Cli.Explain;

/// <summary>
/// Tells one decision in sentences a call-centre manager understands: who would be called when
/// (in their own local time), whether it is allowed, every rule that refuses with what it says,
/// its legal citation, why it refuses here and when it stops refusing, and the earliest
/// permitted call.
/// </summary>
/// <remarks>
/// Times are shown first in the called person's local time, in each candidate zone, then in UTC
/// in parentheses. The number is masked: an explanation is read on screens and pasted in tickets.
/// </remarks>
internal static class DecisionExplainer
{
    internal static string Explain(EvaluationCase evaluationCase, ContactDecision decision)
    {
        var request = evaluationCase.Request;
        var contact = request.Contact;
        var zones = contact.TimeZones;
        var text = new StringBuilder();
        var who = contact.PhoneNumber is { } number ? $"contact {contact.Id} ({PhoneNumberText.Mask(number)})" : $"contact {contact.Id}";
        text.Append($"Case {evaluationCase.Id}: a {EnumText<ContactPurpose>.Format(request.Purpose)} {(request.Channel == ContactChannel.Sms ? "text message" : "call")}")
            .Append(request.Automated ? " by an automated system" : string.Empty)
            .Append($" to {who}, {When(evaluationCase.At, zones)}, under policy '{evaluationCase.Policy.Id}'.\n\n");

        if (decision.IsAllowed)
        {
            text.Append($"ALLOWED: no rule of policy '{evaluationCase.Policy.Id}' refuses this {Noun(request)} at that time.\n");
        }
        else
        {
            var count = decision.Violations.Length;
            text.Append($"NOT ALLOWED: {count.ToString(CultureInfo.InvariantCulture)} rule{(count == 1 ? " refuses" : "s refuse")} this {Noun(request)}.\n");
            var index = 0;
            foreach (var violation in decision.Violations)
            {
                index++;
                var rule = evaluationCase.Policy.Rules.FirstOrDefault(r => r.Id == violation.RuleId);
                text.Append($"\n{index.ToString(CultureInfo.InvariantCulture)}. {violation.RuleId} ({EnumText<RuleKind>.Format(violation.Kind)}), {violation.Citation}\n");
                if (rule is not null && rule.Metadata.Description.Length > 0)
                {
                    text.Append($"   The rule: {rule.Metadata.Description}\n");
                }

                text.Append($"   Why it refuses here: {violation.Reason}\n");
                text.Append(violation.Until is { } until
                    ? $"   It stops refusing {When(until, zones)}.\n"
                    : $"   Waiting does not help: {WhatHelps(violation.Kind)}\n");
            }

            text.Append('\n');
            text.Append(decision.NextPermittedAt is { } next
                ? $"Earliest permitted {Noun(request)}: {When(next, zones)}, when every rule allows it (given the same history and no new events).\n"
                : $"No permitted {Noun(request)} by waiting: at least one refusal above does not end with time (or not within the next two years).\n");
        }

        foreach (var advisory in decision.Advisories)
        {
            text.Append($"\nNote ({advisory.Code}): {advisory.Message}");
            text.Append(advisory.Deadline is { } deadline ? $" Deadline: {When(deadline, zones)}.\n" : "\n");
        }

        return text.ToString();
    }

    /// <summary>"on Fri 27 Mar 2026 at 11:00 in Europe/Paris (2026-03-27T10:00:00Z)", one local time per candidate zone.</summary>
    internal static string When(Instant instant, ImmutableArray<DateTimeZone> zones)
    {
        var utc = DecisionWriter.Format(instant);
        if (zones.IsDefaultOrEmpty)
        {
            return $"at {utc} (the person's time zone is unknown)";
        }

        var local = string.Join(" and ", zones.Select(zone =>
        {
            var time = instant.InZone(zone).LocalDateTime;
            return $"on {time.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} at {time.ToString("HH:mm", CultureInfo.InvariantCulture)} in {zone.Id}";
        }));
        return $"{local} ({utc})";
    }

    private static string Noun(ContactRequest request) => request.Channel == ContactChannel.Sms ? "message" : "call";

    private static string WhatHelps(RuleKind kind) => kind switch
    {
        RuleKind.Zone => "give the person's time zone, or a number it can be derived from.",
        RuleKind.Consent => "the person's consent for this channel and purpose is needed first.",
        RuleKind.OptOut => "the person asked not to be called; only they can lift it.",
        RuleKind.Registry => "the number is on an opposition register; only the person can lift it.",
        RuleKind.Objection => "the person objected to direct marketing; only they can lift it.",
        RuleKind.Store => "the contact history must be readable again.",
        _ => "no later instant is allowed by this rule within the next two years.",
    };
}
