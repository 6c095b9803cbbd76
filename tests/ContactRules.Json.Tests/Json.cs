using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Json.Tests;

/// <summary>The options every test uses: the one line a service writes.</summary>
internal static class Json
{
    internal static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ConfigureForContactRules();

    internal static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    internal static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    internal static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    internal static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>A local time in Paris, as the person being called reads their clock.</summary>
    internal static Instant Paris(string localDateTime)
        => LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm").Parse(localDateTime).Value
            .InZoneLeniently(Zone("Europe/Paris")).ToInstant();
}
