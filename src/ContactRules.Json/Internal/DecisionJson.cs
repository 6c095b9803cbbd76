using System.Collections.Immutable;
using System.Text.Json;
using ContactRules.Internal;

namespace ContactRules.Json.Internal;

/// <summary>
/// A <see cref="ContactDecision"/> as JSON, in the shape of the evaluate contract's decision
/// line without its <c>id</c>: <c>allowed</c>, <c>violations</c> (rule, kind, citation, until,
/// reason), <c>nextPermittedAt</c>, and <c>advisories</c> when there are any.
/// </summary>
/// <remarks>
/// The evaluate command writes its lines with <see cref="WriteMembers"/>, so the library and the
/// contract cannot drift apart. Reading checks what the core's factories check, and more: an
/// allowing decision has no violation and no next permitted instant; a refusal has at least one
/// violation.
/// </remarks>
internal static class DecisionJson
{
    internal static readonly string[] DecisionFields = { "allowed", "violations", "nextPermittedAt", "advisories" };
    internal static readonly string[] ViolationFields = { "rule", "kind", "citation", "until", "reason" };
    internal static readonly string[] AdvisoryFields = { "code", "message", "deadline" };

    internal static void Write(Utf8JsonWriter writer, ContactDecision decision)
    {
        writer.WriteStartObject();
        WriteMembers(writer, decision);
        writer.WriteEndObject();
    }

    /// <summary>Writes the decision's properties into the object the writer is in (after an envelope's own properties).</summary>
    internal static void WriteMembers(Utf8JsonWriter writer, ContactDecision decision)
    {
        writer.WriteBoolean("allowed", decision.IsAllowed);
        writer.WriteStartArray("violations");
        foreach (var violation in decision.Violations)
        {
            WriteViolation(writer, violation);
        }

        writer.WriteEndArray();
        NodaJson.WriteInstant(writer, "nextPermittedAt", decision.NextPermittedAt);
        if (!decision.Advisories.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("advisories");
            foreach (var advisory in decision.Advisories)
            {
                WriteAdvisory(writer, advisory);
            }

            writer.WriteEndArray();
        }
    }

    internal static ContactDecision Read(JsonElement element, string path)
    {
        var fields = JsonFields.Of(element, path, IsoInstantSyntax.Instance, DecisionFields);
        var allowed = fields.RequiredBool("allowed");
        var violations = ImmutableArray.CreateBuilder<RuleViolation>();
        foreach (var (violation, violationPath) in fields.RequiredArray("violations", "an array of violations"))
        {
            violations.Add(ReadViolation(fields.Element(violation, violationPath, ViolationFields)));
        }

        var next = fields.PresentInstant("nextPermittedAt");
        var advisories = ImmutableArray.CreateBuilder<ContactAdvisory>();
        foreach (var (advisory, advisoryPath) in fields.OptionalArray("advisories"))
        {
            advisories.Add(ReadAdvisory(fields.Element(advisory, advisoryPath, AdvisoryFields)));
        }

        if (!allowed)
        {
            return violations.Count > 0
                ? ContactDecision.Refuse(violations.ToImmutable(), next, advisories.ToImmutable())
                : throw JsonFieldException.Field(fields.PathOf("violations"), "is empty for a refusal; expected every refusing rule (a denial is always explained)");
        }

        if (violations.Count > 0)
        {
            throw JsonFieldException.Field(fields.PathOf("violations"), $"holds {violations.Count} violation(s) for an allowed contact; expected an empty array when 'allowed' is true");
        }

        return next is null
            ? ContactDecision.Allow(advisories.ToImmutable())
            : throw JsonFieldException.Field(fields.PathOf("nextPermittedAt"), "is an instant for an allowed contact; expected null when 'allowed' is true");
    }

    internal static void WriteViolation(Utf8JsonWriter writer, RuleViolation violation)
    {
        writer.WriteStartObject();
        writer.WriteString("rule", violation.RuleId);
        writer.WriteString("kind", EnumText<RuleKind>.Format(violation.Kind));
        writer.WriteString("citation", violation.Citation);
        NodaJson.WriteInstant(writer, "until", violation.Until);
        writer.WriteString("reason", violation.Reason);
        writer.WriteEndObject();
    }

    internal static RuleViolation ReadViolation(JsonFields fields)
        => new(
            NotEmpty(fields.RequiredString("rule", "a string, the rule's catalogue id such as 'FR-FREQ-01'"), fields.PathOf("rule")),
            fields.RequiredEnum<RuleKind>("kind"),
            fields.RequiredString("citation", "a string, the legal citation"),
            fields.RequiredString("reason", "a string, why the rule refuses"),
            fields.PresentInstant("until"));

    internal static void WriteAdvisory(Utf8JsonWriter writer, ContactAdvisory advisory)
    {
        writer.WriteStartObject();
        writer.WriteString("code", advisory.Code);
        writer.WriteString("message", advisory.Message);
        NodaJson.WriteInstant(writer, "deadline", advisory.Deadline);
        writer.WriteEndObject();
    }

    internal static ContactAdvisory ReadAdvisory(JsonFields fields)
        => new(
            NotEmpty(fields.RequiredString("code", "a string, the rule id or advisory code"), fields.PathOf("code")),
            NotEmpty(fields.RequiredString("message", "a string, what the caller should know or do"), fields.PathOf("message")),
            fields.PresentInstant("deadline"));

    private static string NotEmpty(string value, string path)
        => value.Length > 0 ? value : throw JsonFieldException.Field(path, "is empty; expected a non-empty string");
}
