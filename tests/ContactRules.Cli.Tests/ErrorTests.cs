using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// Broken input: each bad line gives <c>{"id","line","error"}</c> with the field, what was found
/// and what was expected, the next line is still read, and the exit code is 2.
/// </summary>
public class ErrorTests
{
    private const string InstantExpected = "an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'";
    private const string Valid = @"""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""timeZones"":[""Europe/Paris""]}";

    private static string Error(string? id, int line, string error)
        => @"{""id"":" + (id is null ? "null" : @"""" + id + @"""") + @",""line"":" + line + @",""error"":""" + error + @"""}";

    private static void AssertSingleError(string input, string? id, string error)
    {
        var run = CliRun.Evaluate(input + "\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Error(id, 1, error), Assert.Single(run.Lines));
    }

    [Theory]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",")]
    [InlineData("nope")]
    [InlineData(@"{""id"":""c1""} {""id"":""c2""}")]
    public void A_line_that_is_not_JSON_is_an_error_without_id(string line)
    {
        var run = CliRun.Evaluate(line + "\n");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(@"{""id"":null,""line"":1,""error"":""the line is not valid JSON at byte ", Assert.Single(run.Lines));
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_an_error()
        => AssertSingleError("[1,2]", null, "the line is an array; expected a JSON object (one case per line)");

    [Fact]
    public void An_unknown_pack_is_an_error()
    {
        // 'zz' is no jurisdiction; the list of available packs grows with the packs, so only the
        // start of the message is fixed here.
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr+zz"",""at"":""2026-03-10T09:30:00Z""}" + "\n");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(@"{""id"":""c1"",""line"":1,""error"":""field 'policy': unknown pack 'zz' in policy 'fr+zz' (available: ", Assert.Single(run.Lines));
    }

    [Fact]
    public void An_unknown_zone_is_an_error()
        => AssertSingleError(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""timeZones"":[""Europe/Paris"",""Europe/Pariss""]}}",
            "c1",
            "field 'contact.timeZones[1]': unknown time zone 'Europe/Pariss'; expected an IANA time zone id such as 'Europe/Paris' or 'Indian/Reunion'");

    [Theory]
    [InlineData(@"{""policy"":""fr"",""at"":""2026-03-10T09:30:00Z""}", null, "missing required field 'id'; expected a string, the case id")]
    [InlineData(@"{""id"":""c1"",""at"":""2026-03-10T09:30:00Z""}", "c1", "missing required field 'policy'; expected pack ids joined by '+', such as 'fr' or 'us+us-fl'")]
    [InlineData(@"{""id"":""c1"",""policy"":""fr""}", "c1", "missing required field 'at'; expected " + InstantExpected)]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":null}", "c1", "field 'at': is null; expected " + InstantExpected)]
    [InlineData(@"{""id"":""  "",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z""}", null, "field 'id': is empty; expected a non-empty string")]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""consents"":[{""purpose"":""marketing"",""grantedAt"":""2026-02-01T10:00:00Z""}]}", "c1", "missing required field 'consents[0].channel'; expected one of voice, sms")]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""history"":[{""outcome"":""busy""}]}", "c1", "missing required field 'history[0].at'; expected " + InstantExpected)]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""contract"":{""active"":true}}}", "c1", "missing required field 'contact.contract.relatedToPurpose'; expected true or false")]
    public void A_missing_required_field_is_an_error(string line, string? id, string error)
        => AssertSingleError(line, id, error);

    [Theory]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-09-10T09:30:00Z"",""consents"":[{""channel"":""voice"",""purpose"":""marketing"",""grantedAt"":""2026-09-01T10:00:00Z"",""slot"":{""from"":""2026-09-10T09:00:00Z""}}]}", "c1", "missing required field 'consents[0].slot.to'; expected " + InstantExpected)]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-09-10T09:30:00Z"",""consents"":[{""channel"":""voice"",""purpose"":""marketing"",""grantedAt"":""2026-09-01T10:00:00Z"",""slot"":{""from"":""2026-09-10T09:00:00Z"",""to"":""2026-09-10T09:00:00Z""}}]}", "c1", "field 'consents[0].slot.to': is not after 'from'; expected the end of the slot, after its start (the slot is [from, to))")]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-09-10T09:30:00Z"",""consents"":[{""channel"":""sms"",""purpose"":""marketing"",""grantedAt"":""2026-09-01T10:00:00Z"",""basis"":""soft""}]}", "c1", "field 'consents[0].basis': unknown value 'soft'; expected one of consent, soft-opt-in")]
    public void A_bad_consent_slot_or_basis_is_an_error(string line, string? id, string error)
        => AssertSingleError(line, id, error);

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+0612345678")]
    [InlineData("+1234567890123456")]
    public void A_phone_number_not_in_E164_form_is_an_error(string phone)
        => AssertSingleError(
            @"{""id"":""c1""," + Valid.Replace(@"""contact"":{", @"""contact"":{""phone"":""" + phone + @""",", System.StringComparison.Ordinal) + "}",
            "c1",
            $"field 'contact.phone': '{phone}' is not an E.164 number; expected '+', the country code and the number, digits only, 2 to 15 digits in all, such as '+33612345678'");

    [Theory]
    [InlineData(@"""channel"":""fax""", "channel", "fax", "voice, sms")]
    [InlineData(@"""purpose"":""Marketing""", "purpose", "Marketing", "marketing, debt-collection, informational")]
    [InlineData(@"""history"":[{""at"":""2026-03-01T10:00:00Z"",""outcome"":""hung-up""}]", "history[0].outcome", "hung-up", "no-answer, busy, voicemail, machine, conversation, refused, abandoned, not-connected, reserved")]
    [InlineData(@"""optOuts"":[{""kind"":""stop"",""requestedAt"":""2026-03-01T10:00:00Z""}]", "optOuts[0].kind", "stop", "company, registry, objection")]
    [InlineData(@"""optOuts"":[{""kind"":""registry"",""registry"":""pacitel"",""requestedAt"":""2026-03-01T10:00:00Z""}]", "optOuts[0].registry", "pacitel", "bloctel, us-dnc, tps, dncl, dncr, rpo, dncm, robinson")]
    public void An_unknown_enum_value_is_an_error(string field, string path, string found, string expected)
        => AssertSingleError(
            @"{""id"":""c1""," + Valid + "," + field + "}",
            "c1",
            $"field '{path}': unknown value '{found}'; expected one of {expected}");

    [Theory]
    [InlineData("2026-03-10 10:00", "")]
    [InlineData("2026-03-10T10:00:00", "")]
    [InlineData("10/03/2026 10:00", "")]
    [InlineData("2026-02-30T10:00:00Z", " (there is no day 30 in month 2 of 2026)")]
    [InlineData("2026-03-10T25:00:00Z", " (hour 25 is out of range)")]
    public void An_invalid_instant_is_an_error(string at, string detail)
        => AssertSingleError(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""" + at + @"""}",
            "c1",
            $"field 'at': '{at}' is not a valid instant{detail}; expected {InstantExpected}");

    [Fact]
    public void An_invalid_date_is_an_error()
        => AssertSingleError(
            @"{""id"":""c1""," + Valid.Replace(@"""contact"":{", @"""contact"":{""lastPurchase"":""2025-13-01"",", System.StringComparison.Ordinal) + "}",
            "c1",
            "field 'contact.lastPurchase': '2025-13-01' is not a valid date; expected a date 'yyyy-MM-dd' such as '2025-01-15'");

    [Theory]
    [InlineData(@"""automated"":""yes""", "field 'automated': found the string 'yes'; expected true or false")]
    [InlineData(@"""subject"":42", "field 'subject': found the number 42; expected a string")]
    [InlineData(@"""history"":{""at"":""2026-03-01T10:00:00Z""}", "field 'history': found an object; expected an array")]
    [InlineData(@"""consents"":[""yes""]", "field 'consents[0]': found the string 'yes'; expected an object")]
    [InlineData(@"""at"":""2026-03-10T09:30:00Z""", "field 'at': given twice; expected it once")]
    public void A_value_of_the_wrong_type_is_an_error(string field, string error)
        => AssertSingleError(@"{""id"":""c1""," + Valid + "," + field + "}", "c1", error);

    [Fact]
    public void A_registry_opt_out_must_name_its_registry()
        => AssertSingleError(
            @"{""id"":""c1""," + Valid + @",""optOuts"":[{""kind"":""registry"",""requestedAt"":""2026-03-01T10:00:00Z""}]}",
            "c1",
            "field 'optOuts[0].registry': missing for kind 'registry'; expected one of bloctel, us-dnc, tps, dncl, dncr, rpo, dncm, robinson");

    [Fact]
    public void A_registry_named_on_a_company_opt_out_is_an_error()
        => AssertSingleError(
            @"{""id"":""c1""," + Valid + @",""optOuts"":[{""kind"":""company"",""registry"":""bloctel"",""requestedAt"":""2026-03-01T10:00:00Z""}]}",
            "c1",
            "field 'optOuts[0].registry': given for kind 'company'; a registry is named only when kind is 'registry'");

    [Fact]
    public void A_region_that_is_not_an_ISO_3166_2_code_is_an_error()
        => AssertSingleError(
            @"{""id"":""c1""," + Valid.Replace(@"""contact"":{", @"""contact"":{""region"":""Alsace"",", System.StringComparison.Ordinal) + "}",
            "c1",
            "field 'contact.region': 'Alsace' is not an ISO 3166-2 subdivision code; expected a country code, '-' and the subdivision, such as 'FR-67' or 'US-FL'");

    [Fact]
    public void A_case_with_two_ids_is_reported_without_either()
        => AssertSingleError(@"{""id"":""c1"",""id"":""c2""," + Valid + "}", null, "field 'id': given twice; expected it once");

    [Theory]
    [InlineData("9999-12-31T10:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    public void An_instant_outside_the_years_evaluated_is_an_error(string at)
        => AssertSingleError(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""" + at + @"""}",
            "c1",
            $"field 'at': {at} is outside the years 1900 to 2999 that contacts are evaluated in; expected the instant the contact would be made");

    [Fact]
    public void An_id_that_is_not_a_string_is_an_error_without_id()
        => AssertSingleError(
            @"{""id"":42," + Valid + "}",
            null,
            "field 'id': found the number 42; expected a string, the case id");
}
