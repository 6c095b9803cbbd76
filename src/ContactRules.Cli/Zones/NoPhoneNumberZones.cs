using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Cli.Zones;

/// <summary>
/// Derives no zone from any number, so that a case without <c>contact.timeZones</c> is refused
/// with <c>CORE-ZONE-01</c>: the fail-closed reading of the contract until a phone-number
/// adapter (ContactRules.PhoneNumbers) is plugged in through <see cref="IPhoneNumberZones"/>.
/// </summary>
internal sealed class NoPhoneNumberZones : IPhoneNumberZones
{
    internal static NoPhoneNumberZones Instance { get; } = new();

    public ImmutableArray<DateTimeZone> CandidateZones(string phoneNumber) => ImmutableArray<DateTimeZone>.Empty;
}
