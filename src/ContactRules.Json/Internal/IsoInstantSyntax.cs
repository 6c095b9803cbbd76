using System;
using System.Text.Json;
using NodaTime;
using NodaTime.Utility;

namespace ContactRules.Json.Internal;

/// <summary>
/// Instants as NodaTime.Serialization.SystemTextJson writes them: ISO-8601 in UTC with <c>Z</c>,
/// seconds always, a fraction only when there is one (<c>2026-04-01T08:00:00Z</c>). Read through
/// the same converter, so that what is written is what is read back, to the tick.
/// </summary>
internal sealed class IsoInstantSyntax : InstantSyntax
{
    internal static IsoInstantSyntax Instance { get; } = new();

    private IsoInstantSyntax()
    {
    }

    internal override string Expected => "an ISO-8601 instant in UTC ending in 'Z', such as '2026-04-01T08:00:00Z'";

    internal override bool TryRead(JsonElement value, out Instant instant)
    {
        try
        {
            instant = value.Deserialize<Instant>(NodaJson.Options);
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidNodaDataException)
        {
            instant = default;
            return false;
        }
    }

    internal override string Problem(string text) => $"'{JsonText.Shorten(text)}' is not a valid instant; expected {Expected}";
}
