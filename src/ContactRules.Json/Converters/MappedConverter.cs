using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactRules.Json.Internal;

namespace ContactRules.Json.Converters;

/// <summary>
/// The one converter behind every ContactRules type: reads the value whole, then maps it with a
/// path-aware reader, so that an error names the property (<c>$.consents[0].grantedAt</c>, from
/// the value being read) and what was expected; writes straight to the writer.
/// </summary>
/// <typeparam name="T">The type converted.</typeparam>
internal sealed class MappedConverter<T> : JsonConverter<T>
{
    private readonly Func<JsonElement, string, T> read;
    private readonly Action<Utf8JsonWriter, T> write;

    internal MappedConverter(Func<JsonElement, string, T> read, Action<Utf8JsonWriter, T> write)
    {
        this.read = read;
        this.write = write;
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return read(document.RootElement, "$");
        }
        catch (JsonFieldException e)
        {
            throw new JsonException(e.Message, e.Path, lineNumber: null, bytePositionInLine: null, e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        write(writer, value);
    }
}
