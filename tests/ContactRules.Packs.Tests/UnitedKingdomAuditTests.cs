using System.Collections.Immutable;
using System.Linq;
using ContactRules.Auditing;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The Data (Use and Access) Act 2025 (s. 110, in force 5 February 2026; catalogue UK-DEF-01 and
/// 11.4): a PECR "call" includes an attempt to establish a connection. An audit holds an
/// unconnected attempt against the PECR rules (UK-LIST-01, UK-IDNC-01, UK-AUTO-01) from that
/// date only; before, a call needed a connection, and the violation is set aside, not dropped.
/// London is on GMT (UTC+0) in February.
/// </summary>
public class UnitedKingdomAuditTests
{
    private static ContactRequest ToTpsNumber(bool automated = false)
        => new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(London) })
        {
            Caller = Acme,
            Automated = automated,
            OptOuts = ImmutableArray.Create(Registered(ContactRegistry.Tps, Utc("2025-01-02T10:00:00Z"))),
        };

    [Theory]
    [InlineData("2026-02-04T23:59:00Z", false)]
    [InlineData("2026-02-05T00:00:00Z", true)]
    public void UK_LIST_01_an_unconnected_attempt_is_a_call_from_5_February_2026(string at, bool violation)
    {
        var audited = new CallLogAuditor(UnitedKingdomRules.Pack).Audit(new LoggedCall(ToTpsNumber(), Utc(at), AttemptOutcome.NotConnected));
        Assert.Equal(violation, audited.IsViolation);
        if (violation)
        {
            Assert.Equal("UK-LIST-01", Assert.Single(audited.Decision.Violations).RuleId);
            Assert.Empty(audited.SetAside);
        }
        else
        {
            Assert.True(audited.Decision.IsAllowed);
            Assert.Equal("UK-LIST-01", Assert.Single(audited.SetAside).RuleId);
        }
    }

    // Any attempt that connected was a call before the Act too: no-answer is a connection attempt
    // that reached the line.
    [Fact]
    public void UK_LIST_01_a_connected_attempt_before_5_February_2026_was_a_call()
    {
        var audited = new CallLogAuditor(UnitedKingdomRules.Pack).Audit(new LoggedCall(ToTpsNumber(), Utc("2026-02-04T12:00:00Z"), AttemptOutcome.NoAnswer));
        Assert.True(audited.IsViolation);
        Assert.Empty(audited.SetAside);
    }

    // Only the PECR rules wait for the Act; a rule of another pack in the same policy is held to
    // every attempt: an unconnected automated call is set aside for UK-LIST-01 and UK-AUTO-01, and
    // still breaks EU-OBJ-01 and EU-AUTO-01 after an objection (uk+eu).
    [Fact]
    public void UK_AUTO_01_and_UK_LIST_01_are_set_aside_while_other_rules_still_count()
    {
        var objected = ToTpsNumber(automated: true);
        var request = objected.WithFacts(null, new[] { new OptOut(OptOutKind.Objection, Utc("2025-06-01T10:00:00Z")) });
        var audited = new CallLogAuditor(RulePacks.Get("uk+eu")).Audit(new LoggedCall(request, Utc("2026-02-04T12:00:00Z"), AttemptOutcome.NotConnected));
        Assert.True(audited.IsViolation);
        Assert.Equal(new[] { "EU-AUTO-01", "EU-OBJ-01" }, audited.Decision.Violations.Select(v => v.RuleId).OrderBy(id => id));
        Assert.Equal(new[] { "UK-AUTO-01", "UK-LIST-01" }, audited.SetAside.Select(v => v.RuleId).OrderBy(id => id));
    }

    // The gate decides before the call: it refuses alike on either side of the date.
    [Fact]
    public void UK_LIST_01_a_gate_refuses_before_and_after_5_February_2026()
    {
        AssertRefusedBy(Evaluate(UnitedKingdomRules.Pack, ToTpsNumber(), Utc("2026-02-04T12:00:00Z")), "UK-LIST-01");
        AssertRefusedBy(Evaluate(UnitedKingdomRules.Pack, ToTpsNumber(), Utc("2026-02-05T12:00:00Z")), "UK-LIST-01");
    }

    [Fact]
    public void UK_LIST_01_UK_IDNC_01_UK_AUTO_01_carry_the_date_and_the_Ofcom_rules_do_not()
    {
        foreach (var rule in UnitedKingdomRules.Pack.Rules)
        {
            var expected = rule.Id is "UK-LIST-01" or "UK-IDNC-01" or "UK-AUTO-01" ? new LocalDate(2026, 2, 5) : (LocalDate?)null;
            Assert.Equal(expected, rule.Metadata.UnconnectedAttemptsCountFrom);
        }
    }
}
