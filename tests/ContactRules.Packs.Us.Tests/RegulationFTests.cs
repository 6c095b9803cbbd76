using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// The <c>us-regf</c> pack read against 12 CFR 1006.6(b)(1)(i) and 1006.14(b), (h)
/// (regulations.md 2.3) and docs/conventions.md: 7 calls in 7 consecutive local dates per person
/// and debt; 7 dates after a conversation, its date being day 1.
/// </summary>
public class RegulationFTests
{
    private static readonly ContactPolicy RegF = RegulationFRules.Pack;

    [Theory]
    [InlineData("2026-06-10 07:59", false)]
    [InlineData("2026-06-10 08:00", true)]
    [InlineData("2026-06-10 20:59", true)]
    [InlineData("2026-06-10 21:00", false)]
    public void US_REGF_HOURS_01_inconvenient_times_are_before_eight_and_after_nine(string local, bool allowed)
    {
        var decision = RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime(local), ContactHistory.Empty);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("US-REGF-HOURS-01", SingleRuleId(decision));
        }
    }

    // In force 30 November 2021: a debt-collection call at 21:30 on 29 November is not yet
    // governed (the us pack's hours are for telemarketing only); on 30 November it is refused.
    [Theory]
    [InlineData("2021-11-29 21:30", true)]
    [InlineData("2021-11-30 21:30", false)]
    public void US_REGF_HOURS_01_Regulation_F_applies_from_30_November_2021(string local, bool allowed)
    {
        var policy = ContactPolicy.Combine(UnitedStatesRules.Pack, RegF);
        Assert.Equal(allowed, policy.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime(local), ContactHistory.Empty).IsAllowed);
    }

    private static ContactAttempt[] OnePerDay(string firstDate, int days, AttemptOutcome outcome = AttemptOutcome.NoAnswer, string debt = "debt-1")
        => Enumerable.Range(0, days).Select(i => DebtAttempt(NewYorkTime(Date(firstDate).PlusDays(i).ToString("yyyy-MM-dd", null) + " 10:00"), outcome, debt)).ToArray();

    [Fact]
    public void US_REGF_FREQ_01_the_seventh_call_in_seven_days_is_allowed()
    {
        // N = 7: six calls on 1–6 June; the seventh on 7 June (window 1–7 June) is allowed.
        Assert.True(RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime("2026-06-07 15:00"), History(OnePerDay("2026-06-01", 6))).IsAllowed);
    }

    [Fact]
    public void US_REGF_FREQ_01_the_eighth_call_in_seven_days_is_refused_until_the_first_leaves()
    {
        // N + 1: seven calls on 1–7 June; an eighth on 7 June is refused. On 8 June the window is
        // 2–8 June (six calls): the rule alone allows from 8 June 00:00, the pack from 08:00.
        var decision = RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime("2026-06-07 15:00"), History(OnePerDay("2026-06-01", 7)));
        var violation = Assert.Single(decision.Violations);
        Assert.Equal("US-REGF-FREQ-01", violation.RuleId);
        Assert.Equal(NewYorkTime("2026-06-08 00:00"), violation.Until);
        Assert.Equal(NewYorkTime("2026-06-08 08:00"), decision.NextPermittedAt);
    }

    [Fact]
    public void US_REGF_FREQ_01_calls_not_connected_are_not_counted()
    {
        // 1006.14(b)(3)(ii): six ordinary calls and one not connected on 1–7 June: six count.
        var history = OnePerDay("2026-06-01", 6).Append(DebtAttempt(NewYorkTime("2026-06-07 09:00"), AttemptOutcome.NotConnected)).ToArray();
        Assert.True(RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime("2026-06-07 15:00"), History(history)).IsAllowed);
    }

    [Fact]
    public void US_REGF_FREQ_01_each_debt_is_counted_apart_and_an_unknown_debt_counts_for_all()
    {
        // 1006.14(b)(4): per particular debt. Seven calls about debt-2 do not limit debt-1 ...
        Assert.True(RegF.Evaluate(Debt(AmericanPerson(NewYork), "debt-1"), NewYorkTime("2026-06-07 15:00"), History(OnePerDay("2026-06-01", 7, debt: "debt-2"))).IsAllowed);

        // ... but calls whose debt is unknown cannot be told apart, so they count.
        var unknown = OnePerDay("2026-06-01", 7).Select(a => DebtAttempt(a.At, a.Outcome, debt: null)).ToArray();
        Assert.False(RegF.Evaluate(Debt(AmericanPerson(NewYork), "debt-1"), NewYorkTime("2026-06-07 15:00"), History(unknown)).IsAllowed);
    }

    [Fact]
    public void US_REGF_FREQ_01_texts_are_not_telephone_calls_for_the_presumption()
    {
        var texts = OnePerDay("2026-06-01", 7).Select(a => DebtAttempt(a.At, a.Outcome, channel: ContactChannel.Sms)).ToArray();
        Assert.True(RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime("2026-06-07 15:00"), History(texts)).IsAllowed);
    }

    // 1006.14(b)(2)(i)(B): a conversation on Wednesday 10 June 2026 (date C, day 1) blocks C …
    // C+6 = 10–16 June. The last refused instant is 16 June 23:59; the rule allows from 17 June
    // 00:00 New York.
    [Theory]
    [InlineData("2026-06-10 15:00", false)]
    [InlineData("2026-06-16 23:59", false)]
    [InlineData("2026-06-17 00:00", true)]
    public void US_REGF_COOL_01_a_conversation_blocks_seven_dates_counting_its_own(string local, bool allowed)
    {
        var history = History(DebtAttempt(NewYorkTime("2026-06-10 14:00"), AttemptOutcome.Conversation));
        var decision = Only(RegulationFRules.ConversationCooldown).Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime(local), history);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void US_REGF_COOL_01_after_a_conversation_the_pack_allows_the_eighth_day_at_eight()
    {
        // Under the whole pack the last refused instant in the hours is 16 June 20:59 and the next
        // permitted instant is 17 June 08:00.
        var history = History(DebtAttempt(NewYorkTime("2026-06-10 14:00"), AttemptOutcome.Conversation));
        var decision = RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime("2026-06-16 20:59"), history);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal("US-REGF-COOL-01", violation.RuleId);
        Assert.Equal(NewYorkTime("2026-06-17 00:00"), violation.Until);
        Assert.Equal(NewYorkTime("2026-06-17 08:00"), decision.NextPermittedAt);
    }

    [Fact]
    public void US_REGF_COOL_01_a_refusal_is_a_conversation_too()
    {
        var history = History(DebtAttempt(NewYorkTime("2026-06-10 14:00"), AttemptOutcome.Refused));
        Assert.False(RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime("2026-06-12 12:00"), history).IsAllowed);
    }

    [Fact]
    public void US_REGF_COOL_01_direct_prior_consent_lifts_the_conversation_cooldown_for_seven_dates()
    {
        // The person, in the conversation of 10 June, asks to be called back on 12 June: the
        // consent is dated 10 June (day 1) and covers calls on 10–16 June.
        var history = History(DebtAttempt(NewYorkTime("2026-06-10 14:00"), AttemptOutcome.Conversation));
        var consent = new ConsentRecord(NewYorkTime("2026-06-10 14:05")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.DebtCollection, Entity = "collector" };
        Assert.True(RegF.Evaluate(Debt(AmericanPerson(NewYork)).WithConsents(consent), NewYorkTime("2026-06-12 12:00"), history).IsAllowed);
    }

    [Fact]
    public void US_REGF_FREQ_01_calls_under_direct_prior_consent_are_neither_refused_nor_counted()
    {
        // Consent given on Monday 1 June 2026 (day 1) covers 1–7 June. Ten calls on 2–6 June (two
        // a day) are placed under it.
        var consent = new ConsentRecord(NewYorkTime("2026-06-01 09:00")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.DebtCollection, Entity = "collector" };
        var calls = Enumerable.Range(2, 5).SelectMany(d => new[]
        {
            DebtAttempt(NewYorkTime($"2026-06-0{d} 10:00")),
            DebtAttempt(NewYorkTime($"2026-06-0{d} 11:00")),
        }).ToArray();
        var request = Debt(AmericanPerson(NewYork)).WithConsents(consent);

        // 7 June is within the consent: allowed although ten calls lie in 1–7 June.
        Assert.True(RegF.Evaluate(request, NewYorkTime("2026-06-07 10:00"), History(calls)).IsAllowed);

        // 8 June is past it; the window 2–8 June holds the ten calls, none counted: allowed.
        Assert.True(RegF.Evaluate(request, NewYorkTime("2026-06-08 10:00"), History(calls)).IsAllowed);

        // Without the consent, the same ten calls refuse an eleventh on 8 June.
        Assert.Equal("US-REGF-FREQ-01", SingleRuleId(RegF.Evaluate(Debt(AmericanPerson(NewYork)), NewYorkTime("2026-06-08 10:00"), History(calls))));
    }

    // Consent given on 1 June (day 1) covers 1–7 June. A conversation on 6 June blocks 6–12
    // June. Under the consent the cooldown is lifted through 7 June 23:59; from 8 June 00:00 the
    // consent no longer covers the call and the cooldown refuses.
    [Theory]
    [InlineData("2026-06-07 23:59", true)]
    [InlineData("2026-06-08 00:00", false)]
    public void US_REGF_COOL_01_the_consent_period_ends_after_its_seventh_date(string local, bool allowed)
    {
        var consent = new ConsentRecord(NewYorkTime("2026-06-01 09:00")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.DebtCollection };
        var history = History(DebtAttempt(NewYorkTime("2026-06-06 10:00"), AttemptOutcome.Conversation));
        var decision = Only(RegulationFRules.ConversationCooldown).Evaluate(Debt(AmericanPerson(NewYork)).WithConsents(consent), NewYorkTime(local), history);
        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void US_REGF_MED_01_a_medium_opt_out_stops_that_medium_only()
    {
        // 1006.14(h): the person asked the collector not to text them.
        var optOut = new OptOut(OptOutKind.Company, NewYorkTime("2026-06-01 10:00")) { Channel = ContactChannel.Sms };
        var text = Debt(AmericanPerson(NewYork), channel: ContactChannel.Sms).WithOptOuts(optOut);
        var call = Debt(AmericanPerson(NewYork)).WithOptOuts(optOut);
        Assert.Equal("US-REGF-MED-01", SingleRuleId(RegF.Evaluate(text, NewYorkTime("2026-06-02 12:00"), ContactHistory.Empty)));
        Assert.True(RegF.Evaluate(call, NewYorkTime("2026-06-02 12:00"), ContactHistory.Empty).IsAllowed);
    }
}
