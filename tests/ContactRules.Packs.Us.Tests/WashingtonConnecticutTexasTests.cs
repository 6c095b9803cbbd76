using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>Washington, Connecticut and Texas (regulations.md 2.4), in the called party's zone.</summary>
public class WashingtonConnecticutTexasTests
{
    // Washington, RCW 80.36.390: 08:00–20:00 recipient's local time (Seattle: Los Angeles time).
    [Theory]
    [InlineData("2026-03-10 07:59", false)]
    [InlineData("2026-03-10 08:00", true)]
    [InlineData("2026-03-10 19:59", true)]
    [InlineData("2026-03-10 20:00", false)]
    public void US_WA_01_Washington_hours(string local, bool allowed)
    {
        var decision = WashingtonRules.Pack.Evaluate(Marketing(AmericanPerson(LosAngeles)), Local(local, LosAngeles), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    // "Do not call again" on Monday 10 March 2025 14:00 Pacific: at least one year, read as the
    // local dates 10 March 2025 … 10 March 2026 inclusive. The rule alone refuses 10 March 2026
    // 23:59 and allows 11 March 2026 00:00.
    [Theory]
    [InlineData("2026-03-10 23:59", false)]
    [InlineData("2026-03-11 00:00", true)]
    public void US_WA_COOL_01_Washington_one_year_after_do_not_call_again(string local, bool allowed)
    {
        var history = History(Attempt(Local("2025-03-10 14:00", LosAngeles), AttemptOutcome.Refused));
        var decision = Only(WashingtonRules.DoNotCallAgain).Evaluate(Marketing(AmericanPerson(LosAngeles)), Local(local, LosAngeles), history);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void US_WA_COOL_01_Washington_pack_allows_again_at_eight_the_day_after_the_anniversary()
    {
        // Within the hours, the last refused instant is 10 March 2026 19:59; the next permitted
        // instant is 11 March 2026 08:00 (the cooldown ends at 00:00, the hours open at 08:00).
        var history = History(Attempt(Local("2025-03-10 14:00", LosAngeles), AttemptOutcome.Refused));
        var decision = WashingtonRules.Pack.Evaluate(Marketing(AmericanPerson(LosAngeles)), Local("2026-03-10 19:59", LosAngeles), history);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal("US-WA-COOL-01", violation.RuleId);
        Assert.Equal(Local("2026-03-11 00:00", LosAngeles), violation.Until);
        Assert.Equal(Local("2026-03-11 08:00", LosAngeles), decision.NextPermittedAt);
    }

    [Fact]
    public void US_WA_COOL_01_Washington_year_from_29_February_ends_on_28_February()
    {
        // 29 February 2028 + 1 year = 28 February 2029 (no 29th): blocked through it, allowed
        // from 1 March 2029.
        var history = History(Attempt(Local("2028-02-29 14:00", LosAngeles), AttemptOutcome.Refused));
        var cooldown = Only(WashingtonRules.DoNotCallAgain);
        Assert.False(cooldown.Evaluate(Marketing(AmericanPerson(LosAngeles)), Local("2029-02-28 12:00", LosAngeles), history).IsAllowed);
        Assert.True(cooldown.Evaluate(Marketing(AmericanPerson(LosAngeles)), Local("2029-03-01 00:00", LosAngeles), history).IsAllowed);
    }

    [Fact]
    public void US_WA_COOL_01_Washington_cooldown_is_per_caller()
    {
        var history = History(Attempt(Local("2026-03-02 14:00", LosAngeles), AttemptOutcome.Refused, caller: "other-company"));
        Assert.True(WashingtonRules.Pack.Evaluate(Marketing(AmericanPerson(LosAngeles)), Local("2026-03-10 12:00", LosAngeles), history).IsAllowed);
    }

    [Theory]
    [InlineData("2022-06-08 20:30", true)]
    [InlineData("2022-06-09 20:30", false)]
    public void US_WA_01_US_WA_COOL_01_Washington_applies_from_9_June_2022(string local, bool allowed)
    {
        var policy = ContactPolicy.Combine(UnitedStatesRules.Pack, WashingtonRules.Pack);
        Assert.Equal(allowed, policy.Evaluate(Marketing(AmericanPerson(LosAngeles)), Local(local, LosAngeles), ContactHistory.Empty).IsAllowed);
    }

    private static readonly ConsentRecord WrittenConsent = new ConsentRecord(NewYorkTime("2023-01-02 12:00")) { Purpose = ContactPurpose.Marketing, Entity = "acme" };

    // Connecticut, PA 23-98: 09:00–20:00 (Hartford: New York time), with consent.
    [Theory]
    [InlineData("2026-03-10 08:59", false)]
    [InlineData("2026-03-10 09:00", true)]
    [InlineData("2026-03-10 19:59", true)]
    [InlineData("2026-03-10 20:00", false)]
    public void US_CT_01_Connecticut_hours(string local, bool allowed)
    {
        var decision = ConnecticutRules.Pack.Evaluate(Marketing(AmericanPerson(NewYork)).WithConsents(WrittenConsent), NewYorkTime(local), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-CT-01", SingleRuleId(decision));
        }
    }

    [Fact]
    public void US_CT_CONS_01_Connecticut_needs_prior_express_written_consent()
    {
        var decision = ConnecticutRules.Pack.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty);
        Assert.Equal("US-CT-CONS-01", SingleRuleId(decision));
        Assert.Null(decision.NextPermittedAt);
    }

    // In force 1 October 2023: on 30 September a call at 08:30 without consent is not governed
    // by Connecticut (us allows from 08:00); on 1 October it is refused by both rules.
    [Theory]
    [InlineData("2023-09-30 08:30", 0)]
    [InlineData("2023-10-01 08:30", 2)]
    public void US_CT_01_US_CT_CONS_01_Connecticut_applies_from_1_October_2023(string local, int violations)
    {
        var policy = ContactPolicy.Combine(UnitedStatesRules.Pack, ConnecticutRules.Pack);
        Assert.Equal(violations, policy.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime(local), ContactHistory.Empty).Violations.Length);
    }

    // Texas, 301.051: Monday–Saturday 09:00–21:00, Sunday 12:00–21:00 (Houston: Chicago time).
    // Saturday 14, Sunday 15 and Monday 16 March 2026.
    [Theory]
    [InlineData("2026-03-14 08:59", false)]
    [InlineData("2026-03-14 09:00", true)]
    [InlineData("2026-03-15 09:00", false)]
    [InlineData("2026-03-15 11:59", false)]
    [InlineData("2026-03-15 12:00", true)]
    [InlineData("2026-03-15 20:59", true)]
    [InlineData("2026-03-15 21:00", false)]
    [InlineData("2026-03-16 08:59", false)]
    [InlineData("2026-03-16 09:00", true)]
    [InlineData("2026-03-16 20:59", true)]
    [InlineData("2026-03-16 21:00", false)]
    public void US_TX_01_Texas_hours(string local, bool allowed)
    {
        Assert.Equal(allowed, TexasRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local(local, Chicago), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_TX_01_Texas_Sunday_morning_waits_for_noon()
    {
        var decision = TexasRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago)), Local("2026-03-15 09:00", Chicago), ContactHistory.Empty);
        Assert.Equal(Local("2026-03-15 12:00", Chicago), decision.NextPermittedAt);
    }
}
