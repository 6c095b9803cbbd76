using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using ContactRules.Internal;

namespace ContactRules.Json.Internal;

/// <summary>
/// Typed, path-aware access to the properties of one JSON object. Every failure is a
/// <see cref="JsonFieldException"/> that names the property by its path
/// (<c>history[2].outcome</c>), what was found and what was expected.
/// </summary>
/// <remarks>
/// Names are matched exactly (camelCase); properties not in the known list are ignored, so that
/// a newer writer's additions do not break an older reader. A known property given twice is an
/// error: a reader that kept either value could act on the one the writer did not mean.
/// Shared by the converters and the evaluate command, which differ only in their instant syntax
/// and in which properties they require.
/// </remarks>
internal readonly struct JsonFields
{
    internal const string DateExpected = "a date 'yyyy-MM-dd' such as '2025-01-15'";
    internal const string ZoneExpected = "an IANA time zone id such as 'Europe/Paris' or 'Indian/Reunion'";
    internal const string PhoneExpected = "'+', the country code and the number, digits only, 2 to 15 digits in all, such as '+33612345678'";

    private static readonly Regex E164 = new(@"^\+[1-9][0-9]{1,14}\z", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, JsonElement> fields;
    private readonly string prefix;
    private readonly InstantSyntax instants;

    private JsonFields(Dictionary<string, JsonElement> fields, string prefix, InstantSyntax instants)
    {
        this.fields = fields;
        this.prefix = prefix;
        this.instants = instants;
    }

    /// <summary>Reads the properties of <paramref name="element"/>, which must be an object.</summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="path">Its path (<c>$</c> or empty for the value read).</param>
    /// <param name="instants">How instants are read, here and in nested objects.</param>
    /// <param name="known">The property names defined here; others are ignored.</param>
    internal static JsonFields Of(JsonElement element, string path, InstantSyntax instants, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonFieldException.Field(path, $"found {JsonText.Describe(element)}; expected an object");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                continue;
            }

            if (fields.ContainsKey(property.Name))
            {
                throw JsonFieldException.Field(Join(path, property.Name), "given twice; expected it once");
            }

            fields.Add(property.Name, property.Value);
        }

        return new JsonFields(fields, path, instants);
    }

    /// <summary>The path of a property of this object.</summary>
    internal string PathOf(string name) => Join(prefix, name);

    /// <summary>The property's value, or null when it is absent or JSON null.</summary>
    internal JsonElement? Optional(string name)
        => fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The property's value; absent or null is an error.</summary>
    internal JsonElement Required(string name, string expected)
        => Optional(name) ?? throw (fields.ContainsKey(name)
            ? JsonFieldException.Field(PathOf(name), $"is null; expected {expected}")
            : JsonFieldException.Missing(PathOf(name), expected));

    /// <summary>
    /// The property's value, or null when it is JSON null; absent is an error. For values that
    /// may be unknown but must be stated: a reader never takes a forgotten property for "none".
    /// </summary>
    internal JsonElement? Present(string name, string expected)
        => fields.ContainsKey(name) ? Optional(name) : throw JsonFieldException.Missing(PathOf(name), expected + ", or null");

    internal string? OptionalString(string name)
        => Optional(name) is { } value ? AsString(value, PathOf(name), "a string") : null;

    internal string RequiredString(string name, string expected)
        => AsString(Required(name, expected), PathOf(name), expected);

    internal string? PresentString(string name)
        => Present(name, "a string") is { } value ? AsString(value, PathOf(name), "a string") : null;

    internal bool? OptionalBool(string name)
        => Optional(name) is { } value ? AsBool(value, PathOf(name)) : null;

    internal bool RequiredBool(string name)
        => AsBool(Required(name, "true or false"), PathOf(name));

    internal Instant? OptionalInstant(string name)
        => Optional(name) is { } value ? AsInstant(value, PathOf(name)) : null;

    internal Instant RequiredInstant(string name)
        => AsInstant(Required(name, instants.Expected), PathOf(name));

    internal Instant? PresentInstant(string name)
        => Present(name, instants.Expected) is { } value ? AsInstant(value, PathOf(name)) : null;

    internal LocalDate? OptionalDate(string name)
        => Optional(name) is { } value ? AsDate(value, PathOf(name)) : null;

    internal LocalDate? PresentDate(string name)
        => Present(name, DateExpected) is { } value ? AsDate(value, PathOf(name)) : null;

    internal TEnum? OptionalEnum<TEnum>(string name)
        where TEnum : struct, Enum
        => Optional(name) is { } value ? AsEnum<TEnum>(value, PathOf(name)) : null;

    internal TEnum RequiredEnum<TEnum>(string name)
        where TEnum : struct, Enum
        => AsEnum<TEnum>(Required(name, "one of " + EnumText<TEnum>.Expected), PathOf(name));

    internal TEnum? PresentEnum<TEnum>(string name)
        where TEnum : struct, Enum
        => Present(name, "one of " + EnumText<TEnum>.Expected) is { } value ? AsEnum<TEnum>(value, PathOf(name)) : null;

    internal JsonFields? OptionalObject(string name, params string[] known)
        => Optional(name) is { } value ? Of(value, PathOf(name), instants, known) : null;

    internal JsonFields RequiredObject(string name, params string[] known)
        => Of(Required(name, "an object"), PathOf(name), instants, known);

    internal JsonFields? PresentObject(string name, params string[] known)
        => Present(name, "an object") is { } value ? Of(value, PathOf(name), instants, known) : null;

    /// <summary>An element of an array read by <see cref="OptionalArray"/>, as an object.</summary>
    internal JsonFields Element(JsonElement element, string path, params string[] known) => Of(element, path, instants, known);

    /// <summary>The elements of an array property with their paths; empty when the property is absent or null.</summary>
    internal IEnumerable<(JsonElement Element, string Path)> OptionalArray(string name)
        => Optional(name) is { } value ? Elements(value, PathOf(name)) : Array.Empty<(JsonElement, string)>();

    /// <summary>The elements of an array property with their paths; absent or null is an error.</summary>
    internal IEnumerable<(JsonElement Element, string Path)> RequiredArray(string name, string expected)
        => Elements(Required(name, expected), PathOf(name));

    /// <summary>The candidate zones of a contact, by TZDB id; empty when the property is absent or null.</summary>
    internal ImmutableArray<DateTimeZone> OptionalZones(string name)
        => Zones(OptionalArray(name));

    /// <summary>The candidate zones of a contact, by TZDB id; absent or null is an error.</summary>
    internal ImmutableArray<DateTimeZone> RequiredZones(string name)
        => Zones(RequiredArray(name, "an array of IANA time zone ids, such as [\"Europe/Paris\"]"));

    /// <summary>A phone number in E.164 form (the form <see cref="Contact.PhoneNumber"/> holds).</summary>
    internal static string CheckPhone(string phone, string path)
        => E164.IsMatch(phone)
            ? phone
            : throw JsonFieldException.Field(path, $"'{JsonText.Shorten(phone)}' is not an E.164 number; expected {PhoneExpected}");

    internal static string AsString(JsonElement value, string path, string expected)
        => value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw JsonFieldException.Field(path, $"found {JsonText.Describe(value)}; expected {expected}");

    internal static TEnum AsEnum<TEnum>(JsonElement value, string path)
        where TEnum : struct, Enum
    {
        var expected = "one of " + EnumText<TEnum>.Expected;
        var text = AsString(value, path, expected);
        return EnumText<TEnum>.TryParse(text, out var result)
            ? result
            : throw JsonFieldException.Field(path, $"unknown value '{JsonText.Shorten(text)}'; expected {expected}");
    }

    internal static DateTimeZone AsZone(JsonElement value, string path)
    {
        var id = AsString(value, path, ZoneExpected);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw JsonFieldException.Field(path, $"unknown time zone '{JsonText.Shorten(id)}'; expected {ZoneExpected}");
    }

    internal static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static IEnumerable<(JsonElement Element, string Path)> Elements(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw JsonFieldException.Field(path, $"found {JsonText.Describe(value)}; expected an array");
        }

        return Enumerate(value, path);

        static IEnumerable<(JsonElement Element, string Path)> Enumerate(JsonElement value, string path)
        {
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                yield return (element, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]");
                index++;
            }
        }
    }

    private static ImmutableArray<DateTimeZone> Zones(IEnumerable<(JsonElement Element, string Path)> elements)
    {
        var zones = ImmutableArray.CreateBuilder<DateTimeZone>();
        foreach (var (element, path) in elements)
        {
            zones.Add(AsZone(element, path));
        }

        return zones.ToImmutable();
    }

    private static bool AsBool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw JsonFieldException.Field(path, $"found {JsonText.Describe(value)}; expected true or false"),
    };

    private Instant AsInstant(JsonElement value, string path)
    {
        var text = AsString(value, path, instants.Expected);
        return instants.TryRead(value, out var instant)
            ? instant
            : throw JsonFieldException.Field(path, instants.Problem(text));
    }

    private static LocalDate AsDate(JsonElement value, string path)
    {
        var text = AsString(value, path, DateExpected);
        try
        {
            return value.Deserialize<LocalDate>(NodaJson.Options);
        }
        catch (Exception e) when (e is JsonException or FormatException or NodaTime.Utility.InvalidNodaDataException)
        {
            throw JsonFieldException.Field(path, $"'{JsonText.Shorten(text)}' is not a valid date; expected {DateExpected}");
        }
    }
}
