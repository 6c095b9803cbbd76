using System;
using System.Text.Json;
using Xunit;
using static ContactRules.Json.Tests.Json;

namespace ContactRules.Json.Tests;

/// <summary>
/// Bad input is a <see cref="JsonException"/> that names the property by its path and says what
/// was found and what was expected; nothing is defaulted, nothing guessed.
/// </summary>
public class BadInputTests
{
    private const string InstantExpected = "an ISO-8601 instant in UTC ending in 'Z', such as '2026-04-01T08:00:00Z'";

    // A valid request, written out in full; each case below breaks one thing in it.
    private const string Request =
        "{\"contact\":{\"id\":\"p1\",\"phone\":\"+33612345678\",\"timeZones\":[\"Europe/Paris\"],\"region\":null,\"contract\":null,\"lastPurchase\":null,\"lastInquiry\":\"2026-02-28\","
        + "\"lastPermanentDisconnection\":\"2025-06-30\",\"reassignedNumbersCheckedAt\":\"2026-02-15T08:00:00Z\"},"
        + "\"channel\":\"voice\",\"purpose\":\"marketing\",\"automated\":false,\"subject\":null,\"caller\":null,\"campaign\":null,\"liveAgentGuaranteed\":false,"
        + "\"consents\":[{\"id\":null,\"channel\":\"voice\",\"purpose\":\"marketing\",\"entity\":null,\"grantedAt\":\"2026-02-01T10:00:00Z\",\"expiresAt\":null,\"revokedAt\":null,\"outsideHours\":false,"
        + "\"slot\":{\"from\":\"2026-03-02T09:00:00Z\",\"to\":\"2026-03-02T09:30:00Z\"},\"basis\":\"consent\"}],"
        + "\"optOuts\":[{\"kind\":\"registry\",\"registry\":\"bloctel\",\"requestedAt\":\"2026-01-05T09:00:00Z\",\"effectiveAt\":null,\"channel\":null,\"entity\":null}],\"registrySnapshotAt\":null}";

    private const string Refusal =
        "{\"allowed\":false,\"violations\":[{\"rule\":\"FR-FREQ-01\",\"kind\":\"frequency\",\"citation\":\"D223-9\",\"until\":\"2026-03-31T22:00:00Z\",\"reason\":\"r\"}],\"nextPermittedAt\":\"2026-04-01T08:00:00Z\"}";

    [Fact]
    public void The_valid_request_and_refusal_read()
    {
        Assert.Equal("p1", Read<ContactRequest>(Request).Contact.Id);
        Assert.False(Read<ContactDecision>(Refusal).IsAllowed);
    }

    [Theory]
    // Wrong type.
    [InlineData("\"automated\":false", "\"automated\":\"no\"", "$.automated", "found the string 'no'; expected true or false")]
    [InlineData("\"timeZones\":[\"Europe/Paris\"]", "\"timeZones\":\"Europe/Paris\"", "$.contact.timeZones", "found the string 'Europe/Paris'; expected an array")]
    [InlineData("\"consents\":[{", "\"consents\":[7,{", "$.consents[0]", "found the number 7; expected an object")]
    [InlineData("\"automated\":false", "\"automated\":null", "$.automated", "is null; expected true or false")]
    // Unknown zone, by name.
    [InlineData("[\"Europe/Paris\"]", "[\"Europe/Paris\",\"Mars/Olympus_Mons\"]", "$.contact.timeZones[1]", "unknown time zone 'Mars/Olympus_Mons'; expected an IANA time zone id such as 'Europe/Paris' or 'Indian/Reunion'")]
    // Unknown enum values.
    [InlineData("\"channel\":\"voice\",\"purpose\":\"marketing\",\"automated\"", "\"channel\":\"fax\",\"purpose\":\"marketing\",\"automated\"", "$.channel", "unknown value 'fax'; expected one of voice, sms")]
    [InlineData("\"registry\":\"bloctel\"", "\"registry\":\"Bloctel\"", "$.optOuts[0].registry", "unknown value 'Bloctel'; expected one of bloctel, us-dnc, tps, dncl, dncr, rpo, dncm, robinson")]
    // Bad instants and dates: an offset is not what the library writes, and 30 February does not exist.
    [InlineData("\"grantedAt\":\"2026-02-01T10:00:00Z\"", "\"grantedAt\":\"2026-02-30T10:00:00Z\"", "$.consents[0].grantedAt", "'2026-02-30T10:00:00Z' is not a valid instant; expected " + InstantExpected)]
    [InlineData("\"grantedAt\":\"2026-02-01T10:00:00Z\"", "\"grantedAt\":\"2026-02-01T11:00:00+01:00\"", "$.consents[0].grantedAt", "'2026-02-01T11:00:00+01:00' is not a valid instant; expected " + InstantExpected)]
    [InlineData("\"lastInquiry\":\"2026-02-28\"", "\"lastInquiry\":\"28/02/2026\"", "$.contact.lastInquiry", "'28/02/2026' is not a valid date; expected a date 'yyyy-MM-dd' such as '2025-01-15'")]
    [InlineData("\"lastPermanentDisconnection\":\"2025-06-30\"", "\"lastPermanentDisconnection\":\"2025-06-31\"", "$.contact.lastPermanentDisconnection", "'2025-06-31' is not a valid date; expected a date 'yyyy-MM-dd' such as '2025-01-15'")]
    [InlineData("\"lastPermanentDisconnection\":\"2025-06-30\"", "\"lastPermanentDisconnection\":\"2025-06-30T00:00:00Z\"", "$.contact.lastPermanentDisconnection", "'2025-06-30T00:00:00Z' is not a valid date; expected a date 'yyyy-MM-dd' such as '2025-01-15'")]
    [InlineData("\"reassignedNumbersCheckedAt\":\"2026-02-15T08:00:00Z\"", "\"reassignedNumbersCheckedAt\":\"2026-02-15\"", "$.contact.reassignedNumbersCheckedAt", "'2026-02-15' is not a valid instant; expected " + InstantExpected)]
    // What the core would refuse, and what no rule could honour.
    [InlineData("\"basis\":\"consent\"", "\"basis\":\"soft-opt-out\"", "$.consents[0].basis", "unknown value 'soft-opt-out'; expected one of consent, soft-opt-in")]
    [InlineData("\"to\":\"2026-03-02T09:30:00Z\"", "\"to\":\"2026-03-02T09:00:00Z\"", "$.consents[0].slot.to", "is not after 'from'; expected the end of the slot, after its start (the slot is [from, to))")]
    [InlineData("\"+33612345678\"", "\"0612345678\"", "$.contact.phone", "'0612345678' is not an E.164 number; expected '+', the country code and the number, digits only, 2 to 15 digits in all, such as '+33612345678'")]
    [InlineData("\"registry\":\"bloctel\"", "\"registry\":null", "$.optOuts[0].registry", "missing for kind 'registry'; expected one of bloctel, us-dnc, tps, dncl, dncr, rpo, dncm, robinson")]
    [InlineData("\"id\":\"p1\"", "\"id\":\"p1\",\"id\":\"p2\"", "$.contact.id", "given twice; expected it once")]
    public void A_bad_value_in_a_request_names_its_path(string valid, string broken, string path, string problem)
        => AssertRefused<ContactRequest>(Replace(Request, valid, broken), path, $"Property '{path}': {problem}.");

    [Theory]
    [InlineData("\"grantedAt\":\"2026-02-01T10:00:00Z\",", "$.consents[0].grantedAt", InstantExpected)]
    [InlineData("\"subject\":null,", "$.subject", "a string, or null")]
    [InlineData(",\"outsideHours\":false", "$.consents[0].outsideHours", "true or false")]
    [InlineData(",\"basis\":\"consent\"", "$.consents[0].basis", "one of consent, soft-opt-in")]
    [InlineData(",\"to\":\"2026-03-02T09:30:00Z\"", "$.consents[0].slot.to", InstantExpected)]
    [InlineData(",\"registrySnapshotAt\":null", "$.registrySnapshotAt", InstantExpected + ", or null")]
    [InlineData("\"kind\":\"registry\",", "$.optOuts[0].kind", "one of company, registry, objection")]
    [InlineData(",\"lastPermanentDisconnection\":\"2025-06-30\"", "$.contact.lastPermanentDisconnection", "a date 'yyyy-MM-dd' such as '2025-01-15', or null")]
    [InlineData(",\"reassignedNumbersCheckedAt\":\"2026-02-15T08:00:00Z\"", "$.contact.reassignedNumbersCheckedAt", InstantExpected + ", or null")]
    public void A_missing_property_of_a_request_is_named(string removed, string path, string expected)
        => AssertRefused<ContactRequest>(Replace(Request, removed, string.Empty), path, $"Missing required property '{path}'; expected {expected}.");

    [Theory]
    [InlineData("\"kind\":\"frequency\"", "\"kind\":\"frequence\"", "$.violations[0].kind", "unknown value 'frequence'; expected one of calling-window, holiday, frequency, cooldown, consent, opt-out, registry, objection, zone, store")]
    [InlineData("\"until\":\"2026-03-31T22:00:00Z\"", "\"until\":1774994400", "$.violations[0].until", "found the number 1774994400; expected " + InstantExpected)]
    [InlineData("\"violations\":[{\"rule\":\"FR-FREQ-01\",\"kind\":\"frequency\",\"citation\":\"D223-9\",\"until\":\"2026-03-31T22:00:00Z\",\"reason\":\"r\"}]", "\"violations\":[]", "$.violations", "is empty for a refusal; expected every refusing rule (a denial is always explained)")]
    [InlineData("\"allowed\":false", "\"allowed\":true", "$.violations", "holds 1 violation(s) for an allowed contact; expected an empty array when 'allowed' is true")]
    [InlineData("\"rule\":\"FR-FREQ-01\"", "\"rule\":\"\"", "$.violations[0].rule", "is empty; expected a non-empty string")]
    public void A_bad_value_in_a_decision_names_its_path(string valid, string broken, string path, string problem)
        => AssertRefused<ContactDecision>(Replace(Refusal, valid, broken), path, $"Property '{path}': {problem}.");

    [Theory]
    [InlineData(",\"until\":\"2026-03-31T22:00:00Z\"", "$.violations[0].until", InstantExpected + ", or null")]
    [InlineData(",\"nextPermittedAt\":\"2026-04-01T08:00:00Z\"", "$.nextPermittedAt", InstantExpected + ", or null")]
    [InlineData("\"allowed\":false,", "$.allowed", "true or false")]
    public void A_missing_property_of_a_decision_is_named(string removed, string path, string expected)
        => AssertRefused<ContactDecision>(Replace(Refusal, removed, string.Empty), path, $"Missing required property '{path}'; expected {expected}.");

    [Fact]
    public void An_unknown_enum_value_read_alone_is_refused_by_name()
        => AssertRefused<AttemptOutcome>("\"silent\"", "$", "Property '$': unknown value 'silent'; expected one of no-answer, busy, voicemail, machine, conversation, refused, abandoned, not-connected, reserved.");

    [Fact]
    public void An_undeclared_enum_value_is_not_written_as_a_number()
        => Assert.Throws<JsonException>(() => Write((ContactChannel)7));

    private static void AssertRefused<T>(string json, string path, string message)
    {
        var e = Assert.Throws<JsonException>(() => Read<T>(json));
        Assert.Equal(message, e.Message);
        Assert.Equal(path, e.Path);
    }

    private static string Replace(string json, string valid, string broken)
    {
        // The fragment must be there once, or the case would test something else than it says.
        var at = json.IndexOf(valid, StringComparison.Ordinal);
        Assert.True(at >= 0 && json.IndexOf(valid, at + 1, StringComparison.Ordinal) < 0, $"'{valid}' must occur once in the valid JSON");
        return json.Substring(0, at) + broken + json.Substring(at + valid.Length);
    }
}
