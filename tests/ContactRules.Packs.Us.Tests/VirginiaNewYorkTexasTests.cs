using System;
using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// Virginia (VTPPA: 08:00–21:00, US-VA-01; a text STOP honoured 10 years from 1 January 2026,
/// US-VA-STOP-01), New York (399-z: 08:00–21:00, US-NY-01; no telemarketing on declared
/// emergency days from 18 December 2019, US-NY-EMERG-01) and Texas texts (SB 140: from
/// 1 September 2025, US-TX-02). Both Virginia and New York are on Eastern time.
/// </summary>
public class VirginiaNewYorkTexasTests
{
    private static readonly ConsentRecord OutsideHoursConsent = new(Utc("2026-01-05T15:00:00Z")) { Entity = "acme", OutsideHours = true };
    private static readonly ConsentRecord PlainConsent = new(Utc("2026-01-05T15:00:00Z")) { Entity = "acme" };

    // Tuesday 10 March 2026 (EDT): half-open 08:00–21:00.
    [Theory]
    [InlineData("us-va", "US-VA-01", "2026-03-10 07:59", false)]
    [InlineData("us-va", "US-VA-01", "2026-03-10 08:00", true)]
    [InlineData("us-va", "US-VA-01", "2026-03-10 20:59", true)]
    [InlineData("us-va", "US-VA-01", "2026-03-10 21:00", false)]
    [InlineData("us-ny", "US-NY-01", "2026-03-10 07:59", false)]
    [InlineData("us-ny", "US-NY-01", "2026-03-10 08:00", true)]
    [InlineData("us-ny", "US-NY-01", "2026-03-10 20:59", true)]
    [InlineData("us-ny", "US-NY-01", "2026-03-10 21:00", false)]
    public void US_VA_01_and_US_NY_01_hours_are_eight_to_nine(string pack, string id, string local, bool allowed)
    {
        var decision = RulePacks.Get(pack).Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime(local), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(id, SingleRuleId(decision));
        }
    }

    [Fact]
    public void US_VA_01_and_US_NY_01_at_21_00_wait_until_8_the_next_morning()
    {
        var decision = VirginiaRules.Pack.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime("2026-03-10 21:00"), ContactHistory.Empty);
        Assert.Equal(NewYorkTime("2026-03-11 08:00"), decision.NextPermittedAt);
    }

    // The exemption: only a consent that names calls outside the hours lifts them.
    [Theory]
    [InlineData("us-va", true, true)]
    [InlineData("us-va", false, false)]
    [InlineData("us-ny", true, true)]
    [InlineData("us-ny", false, false)]
    public void US_VA_01_and_US_NY_01_lift_only_for_a_consent_to_other_hours(string pack, bool outsideHours, bool allowed)
    {
        var request = Marketing(AmericanPerson(NewYork)).WithConsents(outsideHours ? OutsideHoursConsent : PlainConsent);
        Assert.Equal(allowed, RulePacks.Get(pack).Evaluate(request, NewYorkTime("2026-03-10 21:30"), ContactHistory.Empty).IsAllowed);
    }

    private static readonly OptOut TextStop = new(OptOutKind.Company, Utc("2026-01-05T15:00:00Z")) { Channel = ContactChannel.Sms, Entity = "acme" };

    [Theory]
    [InlineData("2026-01-05T14:59:00Z", true)]
    [InlineData("2026-01-05T15:00:00Z", false)]
    [InlineData("2036-01-05T15:00:00Z", false)]
    [InlineData("2046-01-05T15:00:00Z", false)]
    public void US_VA_STOP_01_a_text_STOP_is_honoured_from_the_reply_and_never_lifted(string at, bool allowed)
    {
        var request = Marketing(AmericanPerson(NewYork), channel: ContactChannel.Sms).WithOptOuts(TextStop);
        var decision = Only(VirginiaRules.TextStop).Evaluate(request, Utc(at), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Null(decision.NextPermittedAt);
        }
    }

    // In force from 1 January 2026 (SB 1339): 23:59 EST on 31 December is 04:59Z on 1 January.
    [Theory]
    [InlineData("2026-01-01T04:59:00Z", true)]
    [InlineData("2026-01-01T05:00:00Z", false)]
    public void US_VA_STOP_01_applies_from_1_January_2026(string at, bool allowed)
    {
        var stop = new OptOut(OptOutKind.Company, Utc("2025-12-20T15:00:00Z")) { Channel = ContactChannel.Sms };
        var request = Marketing(AmericanPerson(NewYork), channel: ContactChannel.Sms).WithOptOuts(stop);
        Assert.Equal(allowed, Only(VirginiaRules.TextStop).Evaluate(request, Utc(at), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void US_VA_STOP_01_covers_texts_not_calls()
    {
        var call = Marketing(AmericanPerson(NewYork)).WithOptOuts(TextStop);
        Assert.True(VirginiaRules.Pack.Evaluate(call, NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty).IsAllowed);
        var text = Marketing(AmericanPerson(NewYork), channel: ContactChannel.Sms).WithOptOuts(TextStop);
        Assert.Equal("US-VA-STOP-01", SingleRuleId(VirginiaRules.Pack.Evaluate(text, NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty)));
    }

    private static HolidayCalendar Emergency(string date) => HolidayCalendar.FromDates("declared emergencies", new[] { (Date(date), "state of emergency (test)") });

    // A declared emergency on Tuesday 10 March 2026: refused the whole local day, allowed again at
    // 08:00 EDT on the 11th (12:00Z), when the hours open.
    [Theory]
    [InlineData("2026-03-09 20:59", true)]
    [InlineData("2026-03-10 00:00", false)]
    [InlineData("2026-03-10 12:00", false)]
    [InlineData("2026-03-10 23:59", false)]
    [InlineData("2026-03-11 08:00", true)]
    public void US_NY_EMERG_01_no_telemarketing_on_a_declared_emergency_day(string local, bool allowed)
    {
        var pack = NewYorkRules.WithEmergencies(Emergency("2026-03-10"));
        var decision = pack.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime(local), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (local == "2026-03-10 12:00")
        {
            Assert.Equal("US-NY-EMERG-01", SingleRuleId(decision));
            Assert.Equal(Utc("2026-03-11T12:00:00Z"), decision.NextPermittedAt);
        }
    }

    [Fact]
    public void US_NY_EMERG_01_no_consent_lifts_it()
    {
        var request = Marketing(AmericanPerson(NewYork)).WithConsents(OutsideHoursConsent);
        Assert.Equal("US-NY-EMERG-01", SingleRuleId(NewYorkRules.WithEmergencies(Emergency("2026-03-10")).Evaluate(request, NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty)));
    }

    // 399-z(5-a) is in force from 18 December 2019: an emergency declared for the 17th is not honoured.
    [Theory]
    [InlineData("2019-12-17", true)]
    [InlineData("2019-12-18", false)]
    public void US_NY_EMERG_01_applies_from_18_December_2019(string date, bool allowed)
    {
        var decision = NewYorkRules.WithEmergencies(Emergency(date)).Evaluate(Marketing(AmericanPerson(NewYork)), Local(date + " 12:00", NewYork), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void US_NY_EMERG_01_the_registered_pack_knows_no_declaration()
        => Assert.True(NewYorkRules.Pack.Evaluate(Marketing(AmericanPerson(NewYork)), NewYorkTime("2026-03-10 12:00"), ContactHistory.Empty).IsAllowed);

    // Sunday 31 August 2025 and Monday 1 September 2025 (Labor Day), Chicago (CDT, UTC-5).
    [Theory]
    [InlineData("2025-08-31 11:00", ContactChannel.Sms, null)]
    [InlineData("2025-08-31 11:00", ContactChannel.Voice, "US-TX-01")]
    [InlineData("2025-09-01 08:59", ContactChannel.Sms, "US-TX-02")]
    [InlineData("2025-09-01 09:00", ContactChannel.Sms, null)]
    [InlineData("2025-09-01 20:59", ContactChannel.Sms, null)]
    [InlineData("2025-09-01 21:00", ContactChannel.Sms, "US-TX-02")]
    [InlineData("2025-09-07 11:59", ContactChannel.Sms, "US-TX-02")]
    [InlineData("2025-09-07 12:00", ContactChannel.Sms, null)]
    public void US_TX_02_texts_are_solicitations_from_1_September_2025(string local, ContactChannel channel, string? refusedBy)
    {
        var decision = TexasRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago), channel: channel), Local(local, Chicago), ContactHistory.Empty);
        Assert.Equal(refusedBy is null, decision.IsAllowed);
        if (refusedBy is not null)
        {
            Assert.Equal(refusedBy, SingleRuleId(decision));
        }
    }

    [Fact]
    public void US_TX_02_a_text_at_8_30_on_1_September_2025_waits_until_9()
    {
        var decision = TexasRules.Pack.Evaluate(Marketing(AmericanPerson(Chicago), channel: ContactChannel.Sms), Local("2025-09-01 08:30", Chicago), ContactHistory.Empty);
        Assert.Equal(Utc("2025-09-01T14:00:00Z"), decision.NextPermittedAt);
    }
}
