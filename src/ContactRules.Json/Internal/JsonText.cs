using System.Text.Json;

namespace ContactRules.Json.Internal;

/// <summary>How a value found in the input is quoted back in an error message.</summary>
internal static class JsonText
{
    /// <summary>The value, cut to 60 characters so that one bad property cannot flood a message.</summary>
    internal static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    /// <summary>"a number", "the string 'abc'", ... for messages that say what was found.</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string '{Shorten(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };
}
