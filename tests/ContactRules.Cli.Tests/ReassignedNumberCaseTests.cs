using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// The evaluate contract's reassigned-number fields (docs/evaluate-contract.md):
/// <c>contact.lastPermanentDisconnection</c> (US-RND-01) and
/// <c>contact.reassignedNumbersCheckedAt</c> (US-ME-RND-01), decided end to end and refused
/// with the field's name when malformed.
/// </summary>
public class ReassignedNumberCaseTests
{
    private const string Consent = @"""rule"":""US-CONS-01"",""kind"":""consent"",""citation"":""47 U.S.C. 227(b)(1); 47 CFR 64.1200(a)(1)-(3), (f)"",""until"":null";
    private const string Reassigned = @"""rule"":""US-RND-01"",""kind"":""consent"",""citation"":""47 CFR 64.1200(m) (Reassigned Numbers Database, FCC 18-177)"",""until"":null";
    private const string MaineCheck = @"""rule"":""US-ME-RND-01"",""kind"":""registry"",""citation"":""Me. Rev. Stat. tit. 10, 1499-B(6), as amended by LD 2234 (2024)"",""until"":null";

    // An automated informational text, Monday 2 March 2026 12:00 EST (17:00Z); the number was
    // permanently disconnected on 10 February 2026, a date that ends at 05:00Z on the 11th in New
    // York. A consent granted at 04:59Z is the previous holder's; one granted at 05:00Z counts.
    private static string Case(string grantedAt)
        => @"{""id"":""c1"",""policy"":""us"",""at"":""2026-03-02T17:00:00Z"",""channel"":""sms"",""purpose"":""informational"",""automated"":true,"
            + @"""contact"":{""id"":""p-1"",""timeZones"":[""America/New_York""],""lastPermanentDisconnection"":""2026-02-10""},"
            + @"""consents"":[{""channel"":""sms"",""purpose"":""informational"",""grantedAt"":""" + grantedAt + @"""}]}" + "\n";

    [Fact]
    public void US_RND_01_a_consent_granted_on_the_disconnection_date_is_refused()
        => Assert.Equal(
            @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Consent + "},{" + Reassigned + @"}],""nextPermittedAt"":null}",
            CliRun.Evaluate(Case("2026-02-11T04:59:00Z")).Single);

    [Fact]
    public void US_RND_01_a_consent_granted_after_the_disconnection_date_is_allowed()
        => Assert.Equal(
            @"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}",
            CliRun.Evaluate(Case("2026-02-11T05:00:00Z")).Single);

    // Maine, Monday 2 March 2026 12:00 EST: without a check the sales call is refused for good;
    // checked at 16:59Z it is allowed.
    [Theory]
    [InlineData("", false)]
    [InlineData(@",""reassignedNumbersCheckedAt"":""2026-03-02T16:59:00Z""", true)]
    public void US_ME_RND_01_a_sales_call_needs_a_check(string check, bool allowed)
    {
        var run = CliRun.Evaluate(
            @"{""id"":""c1"",""policy"":""us-me"",""at"":""2026-03-02T17:00:00Z"",""contact"":{""id"":""p-1"",""timeZones"":[""America/New_York""]" + check + "}}\n");
        Assert.Equal(
            allowed
                ? @"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}"
                : @"{""id"":""c1"",""allowed"":false,""violations"":[{" + MaineCheck + @"}],""nextPermittedAt"":null}",
            run.Single);
    }

    [Theory]
    [InlineData(@"""lastPermanentDisconnection"":""2026-02-30""", "field 'contact.lastPermanentDisconnection': '2026-02-30' is not a valid date; expected a date 'yyyy-MM-dd' such as '2025-01-15'")]
    [InlineData(@"""lastPermanentDisconnection"":20260210", "field 'contact.lastPermanentDisconnection': found the number 20260210; expected a date 'yyyy-MM-dd' such as '2025-01-15'")]
    [InlineData(@"""reassignedNumbersCheckedAt"":""2026-03-02""", "field 'contact.reassignedNumbersCheckedAt': '2026-03-02' is not a valid instant; expected an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'")]
    public void US_RND_01_US_ME_RND_01_a_malformed_field_is_named(string field, string error)
    {
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""us+us-me"",""at"":""2026-03-02T17:00:00Z"",""contact"":{""id"":""p-1"",""timeZones"":[""America/New_York""]," + field + "}}\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(@"{""id"":""c1"",""line"":1,""error"":""" + error + @"""}", Assert.Single(run.Lines));
    }
}
