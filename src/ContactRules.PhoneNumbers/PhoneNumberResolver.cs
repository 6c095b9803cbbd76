using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using NodaTime;
using PhoneNumbers;

namespace ContactRules.PhoneNumbers;

/// <summary>
/// Reads phone numbers written the way people write them (national or international format)
/// into E.164, and tells where their holder may be: the candidate time zones that calling
/// windows are judged in. Immutable and thread-safe; hold one per default region.
/// </summary>
/// <remarks>
/// <para>
/// National numbers (<c>(212) 555-0123</c>, <c>06 12 34 56 78</c>) are read in the default
/// region; numbers with <c>+</c> and a country code are read as they are. A number must be valid
/// in its country's numbering plan, not merely the right shape: a failure says which of the
/// <see cref="PhoneNumberProblem"/> cases applies and what a number of that country looks like.
/// </para>
/// <para>
/// Candidate zones come from libphonenumber's prefix-to-zone data: a US area code gives its zone
/// or zones (605, South Dakota: Denver and North Dakota's Center zone), a non-geographic number
/// (a mobile in most countries outside North America, a toll-free number) gives every zone of
/// its country, and a number the data does not place gives none, so that the engine refuses with
/// <c>CORE-ZONE-01</c> instead of guessing. A zone id the time-zone database does not know also
/// gives none: dropping one zone would make the contact look callable where it may not be.
/// </para>
/// </remarks>
public sealed class PhoneNumberResolver
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper ZoneMapper = PhoneNumberToTimeZonesMapper.GetInstance();

    private readonly IDateTimeZoneProvider zoneProvider;

    /// <summary>Creates a resolver that reads national numbers in <paramref name="defaultRegion"/>, with the TZDB zones.</summary>
    /// <param name="defaultRegion">An ISO 3166-1 alpha-2 region such as <c>US</c> or <c>FR</c>; null to accept international numbers only.</param>
    /// <exception cref="ArgumentException">The region is not one the numbering data knows.</exception>
    public PhoneNumberResolver(string? defaultRegion)
        : this(defaultRegion, DateTimeZoneProviders.Tzdb)
    {
    }

    /// <summary>Creates a resolver that reads national numbers in <paramref name="defaultRegion"/>.</summary>
    /// <param name="defaultRegion">An ISO 3166-1 alpha-2 region such as <c>US</c> or <c>FR</c>; null to accept international numbers only.</param>
    /// <param name="zoneProvider">Where zone ids are looked up (the engine's zones must come from the same provider).</param>
    /// <exception cref="ArgumentException">The region is not one the numbering data knows.</exception>
    public PhoneNumberResolver(string? defaultRegion, IDateTimeZoneProvider zoneProvider)
    {
        this.zoneProvider = zoneProvider ?? throw new ArgumentNullException(nameof(zoneProvider));
        if (defaultRegion is not null)
        {
            var region = defaultRegion.Trim().ToUpperInvariant();
            if (!Util.GetSupportedRegions().Contains(region))
            {
                throw new ArgumentException(
                    $"The default region '{defaultRegion}' is not a region of the numbering plans; expected an ISO 3166-1 alpha-2 code such as US, FR or GB, or null to accept only numbers written with '+' and a country code.",
                    nameof(defaultRegion));
            }

            DefaultRegion = region;
        }
    }

    /// <summary>The region national numbers are read in, or null when only international numbers are accepted.</summary>
    public string? DefaultRegion { get; }

    /// <summary>Reads <paramref name="number"/> into a valid E.164 number with its candidate zones.</summary>
    /// <param name="number">The number as written: <c>+1 212 555 0123</c>, <c>(212) 555-0123</c>, <c>0033 6 12 34 56 78</c>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="number"/> is null.</exception>
    /// <exception cref="InvalidPhoneNumberException">The text is not a valid phone number; the message says why.</exception>
    public ParsedPhoneNumber Parse(string number)
    {
        if (number is null)
        {
            throw new ArgumentNullException(nameof(number));
        }

        return TryParse(number, out var parsed, out var error) ? parsed : throw error;
    }

    /// <summary>Reads <paramref name="number"/>, or says why it cannot.</summary>
    /// <param name="number">The number as written.</param>
    /// <param name="parsed">The number, when valid.</param>
    /// <param name="error">What is wrong, when not.</param>
    /// <returns>True when the number is valid.</returns>
    public bool TryParse(string? number, [NotNullWhen(true)] out ParsedPhoneNumber? parsed, [NotNullWhen(false)] out InvalidPhoneNumberException? error)
    {
        parsed = null;
        var input = number ?? string.Empty;
        if (input.Trim().Length == 0)
        {
            error = Error(input, PhoneNumberProblem.NotANumber, "the number is empty; expected digits such as +1 212 555 0123.");
            return false;
        }

        PhoneNumber phone;
        try
        {
            phone = Util.Parse(input, DefaultRegion);
        }
        catch (NumberParseException failure)
        {
            error = ParseError(input, failure.ErrorType);
            return false;
        }

        var region = Util.GetRegionCodeForCountryCode(phone.CountryCode);
        switch (Util.IsPossibleNumberWithReason(phone))
        {
            case PhoneNumberUtil.ValidationResult.IS_POSSIBLE:
                break;
            case PhoneNumberUtil.ValidationResult.TOO_SHORT:
                error = Error(input, PhoneNumberProblem.TooShort, $"too few digits for a number of {Describe(region, phone.CountryCode)}; {Expected(region)}");
                return false;
            case PhoneNumberUtil.ValidationResult.TOO_LONG:
                error = Error(input, PhoneNumberProblem.TooLong, $"too many digits for a number of {Describe(region, phone.CountryCode)}; {Expected(region)}");
                return false;
            case PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
                error = Error(input, PhoneNumberProblem.LocalOnly, $"a local number of {Describe(region, phone.CountryCode)} without its area code; {Expected(region)}");
                return false;
            case PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE:
                error = Error(input, PhoneNumberProblem.UnknownCountryCode, $"no country has the calling code +{phone.CountryCode}; expected '+' then a country code such as 1 (US) or 33 (France).");
                return false;
            default:
                error = Error(input, PhoneNumberProblem.InvalidLength, $"no number of {Describe(region, phone.CountryCode)} has {phone.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture).Length} digits; {Expected(region)}");
                return false;
        }

        if (!Util.IsValidNumber(phone))
        {
            error = Error(input, PhoneNumberProblem.NotAllocated, $"no number of {Describe(region, phone.CountryCode)} is allocated with this area code or prefix; {Expected(region)}");
            return false;
        }

        var regionCode = Util.GetRegionCodeForNumber(phone);
        parsed = new ParsedPhoneNumber(
            Util.Format(phone, PhoneNumberFormat.E164),
            phone.CountryCode,
            regionCode is null or "" or "ZZ" or "001" ? null : regionCode,
            LineTypeOf(Util.GetNumberType(phone)),
            ZonesOf(phone));
        error = null;
        return true;
    }

    /// <summary>The candidate zones of the holder of <paramref name="number"/>; empty when the number does not tell.</summary>
    /// <param name="number">The number as written.</param>
    /// <returns>The zones, sorted by id.</returns>
    /// <exception cref="InvalidPhoneNumberException">The text is not a valid phone number.</exception>
    public ImmutableArray<DateTimeZone> CandidateZones(string number) => Parse(number).TimeZones;

    /// <summary>
    /// Returns <paramref name="contact"/> with candidate zones derived from its phone number when
    /// it has none; a contact that already has zones, or has no number, is returned as it is.
    /// </summary>
    /// <param name="contact">The contact.</param>
    /// <returns>The contact with zones, or the same contact.</returns>
    /// <exception cref="InvalidPhoneNumberException">The contact's number is not a valid phone number.</exception>
    public Contact WithZonesFromNumber(Contact contact)
    {
        if (contact is null)
        {
            throw new ArgumentNullException(nameof(contact));
        }

        return !contact.TimeZones.IsEmpty || contact.PhoneNumber is not { } phone
            ? contact
            : contact.WithTimeZones(Parse(phone).TimeZones);
    }

    private ImmutableArray<DateTimeZone> ZonesOf(PhoneNumber phone)
    {
        var unknown = ZoneMapper.GetUnknownTimeZone();
        var zones = new List<DateTimeZone>();
        foreach (var id in ZoneMapper.GetTimeZonesForNumber(phone))
        {
            if (id == unknown)
            {
                return ImmutableArray<DateTimeZone>.Empty;
            }

            // A zone the provider does not know cannot be dropped silently: the contact would
            // look callable where it may not be. No zone at all makes the engine refuse instead.
            if (zoneProvider.GetZoneOrNull(id) is not { } zone)
            {
                return ImmutableArray<DateTimeZone>.Empty;
            }

            zones.Add(zone);
        }

        return zones.GroupBy(z => z.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(z => z.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    private InvalidPhoneNumberException ParseError(string input, ErrorType type)
    {
        switch (type)
        {
            case ErrorType.INVALID_COUNTRY_CODE when DefaultRegion is null && !input.TrimStart().StartsWith("+", StringComparison.Ordinal):
                return Error(input, PhoneNumberProblem.MissingCountry, "a national number, and no default region is set; write it in international form ('+', country code, number, e.g. +12125550123) or give the resolver a default region.");
            case ErrorType.INVALID_COUNTRY_CODE:
                return Error(input, PhoneNumberProblem.UnknownCountryCode, "no country has the calling code after '+' or the international prefix; expected a country code such as 1 (US) or 33 (France).");
            case ErrorType.TOO_SHORT_AFTER_IDD:
                return Error(input, PhoneNumberProblem.TooShort, "too few digits after the international prefix; expected a country code and a national number.");
            case ErrorType.TOO_SHORT_NSN:
                return Error(input, PhoneNumberProblem.TooShort, $"too few digits for a phone number; {Expected(DefaultRegion)}");
            case ErrorType.TOO_LONG:
                return Error(input, PhoneNumberProblem.TooLong, $"too many digits for a phone number (E.164 allows 15 at most); {Expected(DefaultRegion)}");
            default:
                return Error(input, PhoneNumberProblem.NotANumber, "not a phone number; expected digits, optionally with '+', spaces, dashes, dots or parentheses, such as +1 212 555 0123.");
        }
    }

    private InvalidPhoneNumberException Error(string input, PhoneNumberProblem problem, string reason)
        => new InvalidPhoneNumberException(
            input,
            DefaultRegion,
            problem,
            $"'{input}' is not a valid phone number{(DefaultRegion is { } r ? $" (national numbers read in {r})" : string.Empty)}: {reason}");

    private static string Describe(string? region, int countryCode)
        => region is null or "ZZ" ? $"+{countryCode}" : region == "001" ? $"the international network +{countryCode}" : $"{region} (+{countryCode})";

    private static string Expected(string? region)
    {
        var example = region is null or "ZZ" or "001" ? null : Util.GetExampleNumber(region);
        return example is null
            ? "expected '+', a country code and a national number, such as +1 212 555 0123."
            : $"expected a number like {Util.Format(example, PhoneNumberFormat.INTERNATIONAL)}.";
    }

    private static PhoneLineType LineTypeOf(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE => PhoneLineType.FixedLine,
        PhoneNumberType.MOBILE => PhoneLineType.Mobile,
        PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneLineType.FixedLineOrMobile,
        PhoneNumberType.TOLL_FREE => PhoneLineType.TollFree,
        PhoneNumberType.VOIP => PhoneLineType.Voip,
        PhoneNumberType.UNKNOWN => PhoneLineType.Unknown,
        _ => PhoneLineType.Other,
    };
}
