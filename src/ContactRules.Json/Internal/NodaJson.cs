using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace ContactRules.Json.Internal;

/// <summary>
/// Instants and dates go through NodaTime.Serialization.SystemTextJson's converters, so that they
/// look the same as every other NodaTime value a service serialises.
/// </summary>
internal static class NodaJson
{
    /// <summary>Options holding only NodaTime's converters (TZDB zones), for values read or written one at a time.</summary>
    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    internal static void WriteInstant(Utf8JsonWriter writer, string name, Instant? instant)
    {
        writer.WritePropertyName(name);
        if (instant is { } value)
        {
            NodaConverters.InstantConverter.Write(writer, value, Options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    internal static void WriteDate(Utf8JsonWriter writer, string name, LocalDate? date)
    {
        writer.WritePropertyName(name);
        if (date is { } value)
        {
            NodaConverters.LocalDateConverter.Write(writer, value, Options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static JsonSerializerOptions CreateOptions() => new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
}
