using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ContactRules.Cli.Input;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// Typed, path-aware access to the fields of one JSON object of a case. Every failure names the
/// field by its path (<c>history[2].outcome</c>), what was found and what was expected.
/// </summary>
/// <remarks>
/// Field names are matched exactly (the contract is camelCase); unknown fields are ignored, as
/// the contract says. A known field given twice is an error: a reader that kept either value
/// could decide on the one the writer did not mean.
/// </remarks>
internal readonly struct JsonFields
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private readonly Dictionary<string, JsonElement> fields;
    private readonly string prefix;

    private JsonFields(Dictionary<string, JsonElement> fields, string prefix)
    {
        this.fields = fields;
        this.prefix = prefix;
    }

    /// <summary>Reads the fields of <paramref name="element"/>, which must be an object.</summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="path">Its path in the case, or empty for the case itself.</param>
    /// <param name="known">The field names the contract defines here; others are ignored.</param>
    internal static JsonFields Of(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw path.Length == 0
                ? new CaseFormatException($"the line is {Describe(element)}; expected a JSON object (one case per line)")
                : CaseFormatException.Field(path, $"found {Describe(element)}; expected an object");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                continue;
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw CaseFormatException.Field(Join(path, property.Name), "given twice; expected it once");
            }
        }

        return new JsonFields(fields, path);
    }

    /// <summary>The path of a field of this object.</summary>
    internal string PathOf(string name) => Join(prefix, name);

    /// <summary>The field's value, or null when it is absent or JSON null.</summary>
    internal JsonElement? Optional(string name)
        => fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal JsonElement Required(string name, string expected)
        => Optional(name) ?? throw (fields.ContainsKey(name)
            ? CaseFormatException.Field(PathOf(name), $"is null; expected {expected}")
            : new CaseFormatException($"missing required field '{PathOf(name)}'; expected {expected}"));

    internal string? OptionalString(string name)
        => Optional(name) is { } value ? AsString(value, PathOf(name), "a string") : null;

    internal string RequiredString(string name, string expected)
        => AsString(Required(name, expected), PathOf(name), expected);

    internal bool? OptionalBool(string name)
        => Optional(name) is { } value ? AsBool(value, PathOf(name)) : null;

    internal bool RequiredBool(string name)
        => AsBool(Required(name, "true or false"), PathOf(name));

    internal Instant? OptionalInstant(string name)
        => Optional(name) is { } value ? AsInstant(value, PathOf(name)) : null;

    internal Instant RequiredInstant(string name)
        => AsInstant(Required(name, InstantExpected), PathOf(name));

    internal LocalDate? OptionalDate(string name)
    {
        if (Optional(name) is not { } value)
        {
            return null;
        }

        const string expected = "a date 'yyyy-MM-dd' such as '2025-01-15'";
        var text = AsString(value, PathOf(name), expected);
        var result = DatePattern.Parse(text);
        return result.Success ? result.Value : throw CaseFormatException.Field(PathOf(name), $"'{Shorten(text)}' is not a valid date; expected {expected}");
    }

    internal TEnum? OptionalEnum<TEnum>(string name)
        where TEnum : struct, Enum
        => Optional(name) is { } value ? AsEnum<TEnum>(value, PathOf(name)) : null;

    internal TEnum RequiredEnum<TEnum>(string name)
        where TEnum : struct, Enum
        => AsEnum<TEnum>(Required(name, "one of " + ContractEnum<TEnum>.Expected), PathOf(name));

    internal JsonFields? OptionalObject(string name, params string[] known)
        => Optional(name) is { } value ? Of(value, PathOf(name), known) : null;

    /// <summary>The elements of an array field with their paths; empty when the field is absent or null.</summary>
    internal IEnumerable<(JsonElement Element, string Path)> OptionalArray(string name)
    {
        if (Optional(name) is not { } value)
        {
            yield break;
        }

        var path = PathOf(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw CaseFormatException.Field(path, $"found {Describe(value)}; expected an array");
        }

        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            yield return (element, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]");
            index++;
        }
    }

    internal const string InstantExpected = InstantText.Expected;

    internal static string AsString(JsonElement value, string path, string expected)
        => value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw CaseFormatException.Field(path, $"found {Describe(value)}; expected {expected}");

    internal static TEnum AsEnum<TEnum>(JsonElement value, string path)
        where TEnum : struct, Enum
    {
        var expected = "one of " + ContractEnum<TEnum>.Expected;
        var text = AsString(value, path, expected);
        return ContractEnum<TEnum>.TryParse(text, out var result)
            ? result
            : throw CaseFormatException.Field(path, $"unknown value '{Shorten(text)}'; expected {expected}");
    }

    private static bool AsBool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw CaseFormatException.Field(path, $"found {Describe(value)}; expected true or false"),
    };

    private static Instant AsInstant(JsonElement value, string path)
    {
        var text = AsString(value, path, InstantExpected);
        return InstantText.TryParse(text, out var instant)
            ? instant
            : throw CaseFormatException.Field(path, InstantText.Problem(text));
    }

    /// <summary>"a number", "a string ('abc')", ... for messages that say what was found.</summary>
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

    internal static string Shorten(string text) => ValueText.Shorten(text);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
