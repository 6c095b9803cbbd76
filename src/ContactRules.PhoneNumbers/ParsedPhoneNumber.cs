using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.PhoneNumbers;

/// <summary>
/// A valid phone number in E.164 form, with what the numbering plan says about where its holder
/// may be: the region and the candidate time zones.
/// </summary>
public sealed class ParsedPhoneNumber
{
    internal ParsedPhoneNumber(string e164, int countryCode, string? regionCode, PhoneLineType lineType, ImmutableArray<DateTimeZone> timeZones)
    {
        E164 = e164;
        CountryCode = countryCode;
        RegionCode = regionCode;
        LineType = lineType;
        TimeZones = timeZones;
    }

    /// <summary>The number in E.164 form: '+', the country calling code, the national number.</summary>
    public string E164 { get; }

    /// <summary>The country calling code, for example 1 or 33.</summary>
    public int CountryCode { get; }

    /// <summary>
    /// The ISO 3166-1 alpha-2 region the number belongs to (for example <c>US</c>, <c>FR</c>), or
    /// null for numbers of no single region (international networks).
    /// </summary>
    public string? RegionCode { get; }

    /// <summary>The kind of line, as far as the numbering plan tells.</summary>
    public PhoneLineType LineType { get; }

    /// <summary>
    /// The candidate zones of the holder: one or several for a geographic number (a US area code
    /// may span two zones), the whole country's zones for a non-geographic number (a mobile in a
    /// country where mobiles are not geographic), empty when unknown. A contact with no zone is
    /// refused with <c>CORE-ZONE-01</c>: the engine never guesses.
    /// </summary>
    public ImmutableArray<DateTimeZone> TimeZones { get; }

    /// <inheritdoc />
    public override string ToString() => E164;
}
