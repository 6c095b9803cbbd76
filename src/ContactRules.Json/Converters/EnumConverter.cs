using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactRules.Json.Internal;
using ContactRules.Internal;

namespace ContactRules.Json.Converters;

/// <summary>
/// An enum as its stable lower-case, hyphenated name (<c>debt-collection</c>,
/// <c>not-connected</c>), never as a number: renumbering a member cannot change what a stored
/// decision means.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class EnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return JsonFields.AsEnum<TEnum>(document.RootElement, "$");
        }
        catch (JsonFieldException e)
        {
            throw new JsonException(e.Message, e.Path, lineNumber: null, bytePositionInLine: null, e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (!EnumText<TEnum>.IsDefined(value))
        {
            // A number written in place of a name could never be read back: refuse it here.
            throw new JsonException($"{typeof(TEnum).Name} value {value} is not a declared member; expected one of {EnumText<TEnum>.Expected}.");
        }

        writer.WriteStringValue(EnumText<TEnum>.Format(value));
    }
}
