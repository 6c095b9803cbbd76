using System;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.PhoneNumbers.Tests;

/// <summary>
/// The adapter read against the numbering plans: what E.164 form a written number has, which
/// zones its area code or country spans, and what is wrong with a bad one.
/// </summary>
public class PhoneNumberResolverTests
{
    private static readonly PhoneNumberResolver Us = new PhoneNumberResolver("US");
    private static readonly PhoneNumberResolver France = new PhoneNumberResolver("FR");
    private static readonly PhoneNumberResolver International = new PhoneNumberResolver(null);

    // E.164: '+', country code, national number, no separators, no trunk prefix '0'.
    [Theory]
    [InlineData("US", "(212) 555-0123", "+12125550123")]
    [InlineData("US", "212.555.0123", "+12125550123")]
    [InlineData("US", "+1 212 555 0123", "+12125550123")]
    [InlineData("US", "011 33 6 12 34 56 78", "+33612345678")]
    [InlineData("FR", "06 12 34 56 78", "+33612345678")]
    [InlineData("FR", "0033 6 12 34 56 78", "+33612345678")]
    [InlineData("FR", "+1 212 555 0123", "+12125550123")]
    public void National_and_international_formats_become_E164(string region, string written, string e164)
    {
        Assert.Equal(e164, new PhoneNumberResolver(region).Parse(written).E164);
    }

    [Fact]
    public void Without_a_default_region_only_international_numbers_are_read()
    {
        Assert.Equal("+12125550123", International.Parse("+1 212 555 0123").E164);
        var error = Assert.Throws<InvalidPhoneNumberException>(() => International.Parse("212 555 0123"));
        Assert.Equal(PhoneNumberProblem.MissingCountry, error.Problem);
        Assert.Contains("+12125550123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Manhattan_number_is_in_New_York()
    {
        var number = Us.Parse("(212) 555-0123");
        Assert.Equal("US", number.RegionCode);
        Assert.Equal(1, number.CountryCode);
        Assert.Equal(PhoneLineType.FixedLineOrMobile, number.LineType);
        Assert.Equal(new[] { "America/New_York" }, number.TimeZones.Select(z => z.Id));
    }

    [Theory]
    // South Dakota (605) spans Central (UTC-6 in winter) and Mountain (UTC-7) time.
    [InlineData("+1 605 555 0123", new[] { -6, -7 })]
    // Alaska (907) spans Alaska time (UTC-9) and, on the Aleutians, Hawaii-Aleutian time (UTC-10).
    [InlineData("+1 907 555 0123", new[] { -9, -10 })]
    public void A_US_area_code_may_give_several_zones(string written, int[] winterOffsets)
    {
        var january = Instant.FromUtc(2026, 1, 15, 12, 0);
        var zones = Us.Parse(written).TimeZones;
        Assert.Equal(winterOffsets.OrderBy(h => h), zones.Select(z => z.GetUtcOffset(january).Seconds / 3600).Distinct().OrderBy(h => h));
    }

    [Fact]
    public void A_non_geographic_mobile_gives_the_whole_countrys_zones()
    {
        // Russian mobiles (+7 9xx) are not tied to a place: every zone of Russia, from
        // Moscow to Kamchatka, is a candidate.
        var russia = International.Parse("+7 912 345 67 89");
        Assert.Equal(PhoneLineType.Mobile, russia.LineType);
        Assert.Contains(russia.TimeZones, z => z.Id == "Europe/Moscow");
        Assert.Contains(russia.TimeZones, z => z.Id == "Asia/Vladivostok");
        Assert.Contains(russia.TimeZones, z => z.Id == "Asia/Kamchatka");

        // Australian mobiles (04xx): Perth (UTC+8) to Sydney (UTC+10/+11).
        var australia = International.Parse("+61 412 345 678");
        Assert.Contains(australia.TimeZones, z => z.Id == "Australia/Perth");
        Assert.Contains(australia.TimeZones, z => z.Id == "Australia/Sydney");
    }

    [Fact]
    public void A_number_the_data_cannot_place_gives_no_zone()
    {
        // +800 is the international freephone network: valid, of no country, of no zone.
        var freephone = International.Parse("+800 1234 5678");
        Assert.Null(freephone.RegionCode);
        Assert.Empty(freephone.TimeZones);
    }

    [Theory]
    [InlineData("abc", PhoneNumberProblem.NotANumber)]
    [InlineData("   ", PhoneNumberProblem.NotANumber)]
    [InlineData("+999 123 4567", PhoneNumberProblem.UnknownCountryCode)]
    [InlineData("+1 212 55", PhoneNumberProblem.TooShort)]
    [InlineData("+1 212 555 01234567", PhoneNumberProblem.TooLong)]
    [InlineData("555 0123", PhoneNumberProblem.LocalOnly)]
    // North American area codes never start with 0 or 1 and 200 is not assigned.
    [InlineData("+1 200 555 0123", PhoneNumberProblem.NotAllocated)]
    public void Invalid_numbers_say_what_is_wrong(string written, PhoneNumberProblem problem)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Us.Parse(written));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(written, error.Input);
        Assert.Equal("US", error.DefaultRegion);
        Assert.Contains($"'{written}'", error.Message, StringComparison.Ordinal);
        Assert.False(Us.TryParse(written, out var parsed, out var same));
        Assert.Null(parsed);
        Assert.Equal(problem, same!.Problem);
    }

    [Fact]
    public void An_unallocated_number_names_its_country_and_an_example()
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Us.Parse("+1 200 555 0123"));
        Assert.Contains("US (+1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a number like +1 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_default_region_is_refused_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new PhoneNumberResolver("XX"));
        Assert.Equal("defaultRegion", error.ParamName);
    }

    [Fact]
    public void A_contact_without_zones_gets_them_from_its_number()
    {
        var contact = new Contact("c-1") { PhoneNumber = "+16055550123" };
        var located = Us.WithZonesFromNumber(contact);
        Assert.Equal(2, located.TimeZones.Length);
        Assert.Equal("+16055550123", located.PhoneNumber);

        // Zones already known (a stated address) are kept as they are.
        var stated = new Contact("c-2") { PhoneNumber = "+16055550123", TimeZones = ImmutableArray.Create(Chicago) };
        Assert.Same(stated, Us.WithZonesFromNumber(stated));
    }

    [Fact]
    public void The_engine_waits_for_the_later_of_the_area_codes_zones()
    {
        // 605: Central and Mountain time. 08:30 in Chicago is 07:30 in Denver, refused under the
        // us pack's 08:00–21:00; 09:00 Chicago is 08:00 Denver, allowed (Tuesday 10 March 2026).
        var contact = Us.WithZonesFromNumber(new Contact("c-1") { PhoneNumber = "+16055550123" });
        var request = new ContactRequest(contact) { Caller = "acme" };
        Assert.False(UnitedStatesRules.Pack.Evaluate(request, Local("2026-03-10 08:30", Chicago), ContactHistory.Empty).IsAllowed);
        Assert.True(UnitedStatesRules.Pack.Evaluate(request, Local("2026-03-10 09:00", Chicago), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_number_of_no_zone_makes_the_engine_refuse()
    {
        var contact = International.WithZonesFromNumber(new Contact("c-1") { PhoneNumber = "+80012345678" });
        var decision = UnitedStatesRules.Pack.Evaluate(new ContactRequest(contact), Instant.FromUtc(2026, 3, 10, 16, 0), ContactHistory.Empty);
        Assert.Contains(decision.Violations, v => v.RuleId == CoreRules.ZoneUnknownId);
    }
}
