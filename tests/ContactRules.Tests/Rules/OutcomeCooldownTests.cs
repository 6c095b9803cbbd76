using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Tests.Rules;

/// <summary>
/// Conventions: "France's '60 full days after a refusal on day R' blocks local dates R … R+60 and
/// allows again from R+61. Regulation F's '7 days after a conversation, the conversation's date
/// being day 1' blocks dates C … C+6." Elapsed cooldowns (UK 72 h) block [e, e+D).
/// </summary>
public class OutcomeCooldownTests
{
    private static readonly ContactPolicy CooldownOnly = new ContactPolicy("cool", new ContactRule[] { FranceRules.RefusalCooldown });

    // Refusal on Tuesday 10 March 2026 at 11:00 in Paris. R+60 = 9 May 2026 (21 days left in March,
    // 30 in April, 9 in May); allowed again from 10 May 00:00 CEST = 9 May 22:00Z.
    private static readonly ContactHistory Refusal = History(Attempt(ParisTime("2026-03-10 11:00"), AttemptOutcome.Refused));

    [Fact]
    public void The_last_refused_instant_is_the_end_of_R_plus_60_and_the_first_allowed_is_R_plus_61()
    {
        var lastRefused = CooldownOnly.Evaluate(Call(Person(Paris)), Utc("2026-05-09T21:59:00Z"), Refusal);
        Assert.False(lastRefused.IsAllowed);
        var violation = Assert.Single(lastRefused.Violations);
        Assert.Equal("FR-COOL-01", violation.RuleId);
        Assert.Equal(RuleKind.Cooldown, violation.Kind);
        Assert.Equal(Utc("2026-05-09T22:00:00Z"), violation.Until);
        Assert.True(CooldownOnly.Evaluate(Call(Person(Paris)), Utc("2026-05-09T22:00:00Z"), Refusal).IsAllowed);
    }

    [Fact]
    public void The_refusal_day_itself_is_blocked_after_the_refusal()
        => Assert.False(CooldownOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-10 16:00"), Refusal).IsAllowed);

    [Fact]
    public void With_the_whole_pack_the_next_call_is_Monday_11_May_at_ten()
    {
        // 10 May 2026 is a Sunday: the first allowed hour is Monday 11 May 10:00 CEST = 08:00Z.
        var decision = FranceRules.Pack.Evaluate(Call(Person(Paris)), ParisTime("2026-04-15 11:00"), Refusal);
        Assert.Equal(Utc("2026-05-11T08:00:00Z"), decision.NextPermittedAt);
    }

    [Fact]
    public void Only_a_refusal_triggers_the_French_cooldown()
    {
        var conversation = History(Attempt(ParisTime("2026-03-10 11:00"), AttemptOutcome.Conversation));
        Assert.True(CooldownOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-11 11:00"), conversation).IsAllowed);
    }

    [Fact]
    public void A_refusal_to_another_professional_does_not_block_this_one()
        => Assert.True(CooldownOnly.Evaluate(Call(Person(Paris), caller: "acme"), ParisTime("2026-03-11 11:00"),
            History(Attempt(ParisTime("2026-03-10 11:00"), AttemptOutcome.Refused, caller: "other"))).IsAllowed);

    [Fact]
    public void Days_counting_the_event_day_block_seven_dates()
    {
        // Conversation on Monday 1 June 2026 (New York): dates 1 … 7 June blocked; allowed from 8 June 00:00 EDT = 04:00Z.
        var regF = new ContactPolicy("regf", new ContactRule[]
        {
            new OutcomeCooldown(new RuleMetadata("TEST-REGF-COOL", "test"), AttemptFilter.WithOutcomes(AttemptOutcome.Conversation), CooldownSpan.OfDaysCountingEventDay(7), CountingKey.Subject),
        });
        var history = History(Attempt(Local("2026-06-01 15:00", NewYork), AttemptOutcome.Conversation));
        Assert.False(regF.Evaluate(Call(Person(NewYork)), Utc("2026-06-08T03:59:00Z"), history).IsAllowed);
        Assert.True(regF.Evaluate(Call(Person(NewYork)), Utc("2026-06-08T04:00:00Z"), history).IsAllowed);
    }

    [Fact]
    public void An_elapsed_cooldown_blocks_from_the_event_for_its_duration()
    {
        // UK-style: 72 hours after an abandoned call, unless a live agent is guaranteed.
        var uk = new ContactPolicy("uk", new ContactRule[]
        {
            new OutcomeCooldown(
                new RuleMetadata("TEST-72H", "test") { Exemptions = System.Collections.Immutable.ImmutableArray.Create<RuleExemption>(new LiveAgentExemption("live agent guaranteed")) },
                AttemptFilter.WithOutcomes(AttemptOutcome.Abandoned),
                CooldownSpan.OfElapsed(Duration.FromHours(72)),
                CountingKey.Person),
        });
        var abandoned = History(Attempt(Utc("2026-06-01T10:15:00Z"), AttemptOutcome.Abandoned));
        var refused = uk.Evaluate(Call(Person(London)), Utc("2026-06-04T10:14:00Z"), abandoned);
        Assert.Equal(Utc("2026-06-04T10:15:00Z"), refused.NextPermittedAt);
        Assert.True(uk.Evaluate(Call(Person(London)), Utc("2026-06-04T10:15:00Z"), abandoned).IsAllowed);
        var withAgent = new ContactRequest(Person(London)) { LiveAgentGuaranteed = true };
        Assert.True(uk.Evaluate(withAgent, Utc("2026-06-01T11:00:00Z"), abandoned).IsAllowed);
    }

    [Fact]
    public void A_permanent_cooldown_never_ends()
    {
        var stop = new ContactPolicy("stop", new ContactRule[]
        {
            new OutcomeCooldown(new RuleMetadata("TEST-STOP", "test"), AttemptFilter.WithOutcomes(AttemptOutcome.Refused), CooldownSpan.Permanent, CountingKey.Caller),
        });
        var decision = stop.Evaluate(Call(Person(Paris)), ParisTime("2030-01-08 11:00"), Refusal);
        Assert.False(decision.IsAllowed);
        Assert.Null(decision.NextPermittedAt);
        Assert.Null(Assert.Single(decision.Violations).Until);
        Assert.True(stop.Evaluate(Call(Person(Paris)), ParisTime("2026-03-10 10:59"), Refusal).IsAllowed);
    }

    [Fact]
    public void Overlapping_cooldowns_take_the_latest_end()
    {
        var two = History(Attempt(ParisTime("2026-03-10 11:00"), AttemptOutcome.Refused), Attempt(ParisTime("2026-03-20 11:00"), AttemptOutcome.Refused));
        var violation = Assert.Single(CooldownOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-25 11:00"), two).Violations);
        Assert.Equal(ParisTime("2026-05-20 00:00"), violation.Until);
    }

    [Fact]
    public void The_refusal_is_explained_with_the_triggering_attempt()
    {
        var reason = Assert.Single(CooldownOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-11 11:00"), Refusal).Violations).Reason;
        // In the person's zone, as the hours and the caps are: 10:00Z is 11:00 in Paris (UTC+1), and
        // 60 full days after 10 March end with 9 May.
        Assert.Contains("refused attempt on Tue 2026-03-10 11:00 in Europe/Paris", reason, System.StringComparison.Ordinal);
        Assert.Contains("60 full calendar days", reason, System.StringComparison.Ordinal);
        Assert.EndsWith("that is before Sun 2026-05-10 00:00 in Europe/Paris.", reason, System.StringComparison.Ordinal);
    }
}
