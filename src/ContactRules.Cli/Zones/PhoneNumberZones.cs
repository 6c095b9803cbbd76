using System.Collections.Immutable;
using ContactRules.PhoneNumbers;
using NodaTime;

namespace ContactRules.Cli.Zones;

/// <summary>
/// Derives a person's candidate zones from their E.164 number with the ContactRules.PhoneNumbers
/// adapter: a geographic number gives its area's zones (several for some US area codes), a mobile
/// number its country's, and a number the adapter cannot place none — the engine then refuses
/// with <c>CORE-ZONE-01</c>.
/// </summary>
internal sealed class PhoneNumberZones : IPhoneNumberZones
{
    private readonly PhoneNumberResolver resolver = new PhoneNumberResolver(defaultRegion: null);

    internal static PhoneNumberZones Instance { get; } = new();

    public ImmutableArray<DateTimeZone> CandidateZones(string phoneNumber)
        => resolver.TryParse(phoneNumber, out var parsed, out _) ? parsed.TimeZones : ImmutableArray<DateTimeZone>.Empty;
}
