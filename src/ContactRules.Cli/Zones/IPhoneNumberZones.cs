using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Cli.Zones;

/// <summary>
/// Derives a person's candidate time zones from their phone number, for cases that give a number
/// and no <c>contact.timeZones</c> (the evaluate contract: "when absent, derived from the
/// number").
/// </summary>
/// <remarks>
/// An implementation returns every zone the number may be in (a US area code may span several; a
/// mobile number may give a whole country's set), and an empty array when it cannot tell: the
/// engine then refuses with <c>CORE-ZONE-01</c> rather than guess.
/// </remarks>
internal interface IPhoneNumberZones
{
    /// <summary>The candidate zones of <paramref name="phoneNumber"/>, or an empty array when unknown.</summary>
    /// <param name="phoneNumber">A number in E.164 form.</param>
    ImmutableArray<DateTimeZone> CandidateZones(string phoneNumber);
}
