using System.Text.Json;

namespace ContactRules.Json.Tests;

/// <summary>The options every test uses: the one line a service writes.</summary>
internal static class Json
{
    internal static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ConfigureForContactRules();

    internal static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    internal static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
