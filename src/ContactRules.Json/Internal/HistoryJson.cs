using System.Collections.Generic;
using System.Text.Json;
using ContactRules.Internal;

namespace ContactRules.Json.Internal;

/// <summary>
/// A <see cref="ContactAttempt"/> as JSON (<c>at</c>, <c>outcome</c>, <c>channel</c>,
/// <c>purpose</c>, <c>subject</c>, <c>caller</c>), and a <see cref="ContactHistory"/> as the array
/// of its attempts, oldest first.
/// </summary>
internal static class HistoryJson
{
    internal static readonly string[] AttemptFields = { "at", "outcome", "channel", "purpose", "subject", "caller" };

    internal static void WriteAttempt(Utf8JsonWriter writer, ContactAttempt attempt)
    {
        writer.WriteStartObject();
        NodaJson.WriteInstant(writer, "at", attempt.At);
        writer.WriteString("outcome", EnumText<AttemptOutcome>.Format(attempt.Outcome));
        writer.WriteString("channel", EnumText<ContactChannel>.Format(attempt.Channel));
        writer.WriteString("purpose", EnumText<ContactPurpose>.Format(attempt.Purpose));
        writer.WriteString("subject", attempt.Subject);
        writer.WriteString("caller", attempt.Caller);
        writer.WriteEndObject();
    }

    internal static ContactAttempt ReadAttempt(JsonElement element, string path)
    {
        var fields = JsonFields.Of(element, path, IsoInstantSyntax.Instance, AttemptFields);
        return new ContactAttempt(
            fields.RequiredInstant("at"),
            fields.RequiredEnum<AttemptOutcome>("outcome"),
            fields.RequiredEnum<ContactChannel>("channel"),
            fields.RequiredEnum<ContactPurpose>("purpose"))
        {
            Subject = fields.PresentString("subject"),
            Caller = fields.PresentString("caller"),
        };
    }

    internal static void WriteHistory(Utf8JsonWriter writer, ContactHistory history)
    {
        writer.WriteStartArray();
        foreach (var attempt in history.Attempts)
        {
            WriteAttempt(writer, attempt);
        }

        writer.WriteEndArray();
    }

    /// <summary>The attempts of an array, in any order; the history sorts them by instant, as <see cref="ContactHistory.Create"/> does.</summary>
    internal static ContactHistory ReadHistory(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw JsonFieldException.Field(path, $"found {JsonText.Describe(element)}; expected an array of attempts");
        }

        var attempts = new List<ContactAttempt>();
        var index = 0;
        foreach (var attempt in element.EnumerateArray())
        {
            attempts.Add(ReadAttempt(attempt, $"{path}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"));
            index++;
        }

        return attempts.Count == 0 ? ContactHistory.Empty : ContactHistory.Create(attempts);
    }
}
