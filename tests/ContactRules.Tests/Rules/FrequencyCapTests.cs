using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Tests.Rules;

/// <summary>
/// Conventions, "Windows of time": an attempt on local date d is refused when at least N attempts
/// fall on d-(D-1) … d. The worked example: attempts on 2, 5, 10, 20 March; a fifth on 27 March is
/// refused; on 1 April (window 3 March–1 April holds 3) it is allowed.
/// </summary>
public class FrequencyCapTests
{
    private static readonly ContactPolicy CapOnly = new ContactPolicy("cap", new ContactRule[] { FranceRules.Frequency });

    private static ContactHistory MarchAttempts(string? caller = "acme", AttemptOutcome outcome = AttemptOutcome.NoAnswer)
        => History(new[] { "2026-03-02", "2026-03-05", "2026-03-10", "2026-03-20" }.Select(d => Attempt(ParisTime(d + " 10:30"), outcome, caller: caller)));

    [Fact]
    public void The_conventions_example_refuses_the_fifth_attempt_on_27_March()
    {
        var decision = CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), MarchAttempts());
        Assert.False(decision.IsAllowed);
        var violation = Assert.Single(decision.Violations);
        Assert.Equal("FR-FREQ-01", violation.RuleId);
        Assert.Equal(RuleKind.Frequency, violation.Kind);
        Assert.Equal("Code de la consommation, art. D223-9 al. 3", violation.Citation);

        // 2 March leaves the window when the window starts on 3 March, i.e. on local date 1 April,
        // which starts at 00:00 CEST (UTC+2 since 29 March) = 31 March 22:00Z.
        Assert.Equal(Utc("2026-03-31T22:00:00Z"), violation.Until);
    }

    [Fact]
    public void The_conventions_example_allows_1_April_and_refuses_31_March_at_midnight()
    {
        Assert.True(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-04-01 00:00"), MarchAttempts()).IsAllowed);
        Assert.False(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-31 23:59"), MarchAttempts()).IsAllowed);
    }

    [Fact]
    public void With_the_whole_pack_the_next_permitted_instant_is_1_April_at_ten()
    {
        // 1 April 2026 is a Wednesday; 10:00 CEST = 08:00Z.
        var decision = FranceRules.Pack.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), MarchAttempts());
        Assert.Equal(Utc("2026-04-01T08:00:00Z"), decision.NextPermittedAt);
    }

    [Fact]
    public void Three_attempts_allow_a_fourth_and_four_refuse_a_fifth()
    {
        var three = History(MarchAttempts().Attempts.ToArray().Take(3));
        Assert.True(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), three).IsAllowed);
        Assert.False(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), MarchAttempts()).IsAllowed);
    }

    [Theory]
    [InlineData(AttemptOutcome.Abandoned)]
    [InlineData(AttemptOutcome.NotConnected)]
    [InlineData(AttemptOutcome.Machine)]
    [InlineData(AttemptOutcome.Reserved)]
    public void Every_attempt_counts_in_France_answered_or_not(AttemptOutcome outcome)
        => Assert.False(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), MarchAttempts(outcome: outcome)).IsAllowed);

    [Fact]
    public void Another_professionals_attempts_do_not_count_but_unknown_callers_do()
    {
        Assert.True(CapOnly.Evaluate(Call(Person(Paris), caller: "acme"), ParisTime("2026-03-27 11:00"), MarchAttempts(caller: "other")).IsAllowed);
        Assert.False(CapOnly.Evaluate(Call(Person(Paris), caller: "acme"), ParisTime("2026-03-27 11:00"), MarchAttempts(caller: null)).IsAllowed);
        Assert.False(CapOnly.Evaluate(Call(Person(Paris), caller: null), ParisTime("2026-03-27 11:00"), MarchAttempts(caller: "other")).IsAllowed);
    }

    [Fact]
    public void Attempts_for_another_purpose_or_channel_do_not_count()
    {
        var informational = History(MarchAttempts().Attempts.ToArray().Select(a => new ContactAttempt(a.At, a.Outcome, ContactChannel.Voice, ContactPurpose.Informational) { Caller = "acme" }));
        var sms = History(MarchAttempts().Attempts.ToArray().Select(a => new ContactAttempt(a.At, a.Outcome, ContactChannel.Sms) { Caller = "acme" }));
        Assert.True(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), informational).IsAllowed);
        Assert.True(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), sms).IsAllowed);
    }

    [Fact]
    public void Calendar_windows_cross_month_ends_and_year_ends()
    {
        // Attempts on 28, 29, 30, 31 December 2026; on 26 January 2027 the window is 28 Dec – 26 Jan: refused.
        // On 27 January the window starts 29 December and holds 3: allowed from 27 January 00:00 CET.
        var history = History(new[] { "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31" }.Select(d => Attempt(ParisTime(d + " 15:00"))));
        var decision = CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2027-01-26 15:00"), history);
        Assert.False(decision.IsAllowed);
        Assert.Equal(ParisTime("2027-01-27 00:00"), decision.NextPermittedAt);
    }

    [Fact]
    public void Calendar_days_are_counted_in_every_candidate_zone()
    {
        // An attempt at 2 March 23:30 in Paris is already 3 March in Réunion. For a contact in both
        // zones, 2 March leaves the Paris window on 1 April (Paris) and the Réunion window on 2 April
        // (Réunion): the stricter wins, 2 April 00:00 in Réunion = 1 April 20:00Z.
        var history = History(new[] { "2026-03-02 23:30", "2026-03-05 10:30", "2026-03-10 10:30", "2026-03-20 10:30" }.Select(d => Attempt(ParisTime(d))));
        var decision = CapOnly.Evaluate(Call(Person(Paris, Reunion)), ParisTime("2026-03-27 11:00"), history);
        Assert.Equal(Utc("2026-04-01T20:00:00Z"), decision.NextPermittedAt);
        var parisOnly = CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), history);
        Assert.Equal(Utc("2026-03-31T22:00:00Z"), parisOnly.NextPermittedAt);
    }

    [Fact]
    public void A_rolling_window_no_longer_counts_an_attempt_exactly_D_earlier()
    {
        // Conventions: "N per rolling duration" (Florida 3 per 24 hours): each attempt at a occupies [a, a+D).
        var rolling = new ContactPolicy("fl", new ContactRule[]
        {
            new FrequencyCap(new RuleMetadata("TEST-ROLLING", "test"), 3, FrequencyWindow.OfRollingDuration(Duration.FromHours(24)), CountingKey.Subject, AttemptFilter.Any),
        });
        var history = History(Attempt(Utc("2026-06-01T13:00:00Z")), Attempt(Utc("2026-06-01T14:00:00Z")), Attempt(Utc("2026-06-01T15:00:00Z")));
        var refused = rolling.Evaluate(Call(Person(NewYork)), Utc("2026-06-02T12:59:59Z"), history);
        Assert.False(refused.IsAllowed);
        Assert.Equal(Utc("2026-06-02T13:00:00Z"), refused.NextPermittedAt);
        Assert.True(rolling.Evaluate(Call(Person(NewYork)), Utc("2026-06-02T13:00:00Z"), history).IsAllowed);
    }

    [Fact]
    public void A_rolling_window_counts_per_subject_when_keyed_by_subject()
    {
        var rolling = new ContactPolicy("fl", new ContactRule[]
        {
            new FrequencyCap(new RuleMetadata("TEST-ROLLING", "test"), 3, FrequencyWindow.OfRollingDuration(Duration.FromHours(24)), CountingKey.Subject, AttemptFilter.Any),
        });
        var about = (string subject, string at) => new ContactAttempt(Utc(at), AttemptOutcome.NoAnswer) { Subject = subject };
        var history = History(about("loan", "2026-06-01T13:00:00Z"), about("loan", "2026-06-01T14:00:00Z"), about("loan", "2026-06-01T15:00:00Z"));
        var request = new ContactRequest(Person(NewYork)) { Subject = "insurance" };
        Assert.True(rolling.Evaluate(request, Utc("2026-06-01T16:00:00Z"), history).IsAllowed);
        var sameSubject = new ContactRequest(Person(NewYork)) { Subject = "loan" };
        Assert.False(rolling.Evaluate(sameSubject, Utc("2026-06-01T16:00:00Z"), history).IsAllowed);
    }

    [Fact]
    public void Seven_in_seven_consecutive_days_refuses_the_eighth_until_the_first_date_leaves()
    {
        // Conventions: Regulation F, "an eighth call is refused when 7 calls fall on the local dates d-6 … d".
        // Calls on 1..7 June 2026 (New York); an 8th on 7 June is refused until 8 June 00:00 EDT = 04:00Z.
        var cap = new ContactPolicy("regf", new ContactRule[]
        {
            new FrequencyCap(new RuleMetadata("TEST-7IN7", "test"), 7, FrequencyWindow.OfCalendarDays(7), CountingKey.Subject, AttemptFilter.Any.Excluding(AttemptOutcome.NotConnected)),
        });
        var history = History(Enumerable.Range(1, 7).Select(d => Attempt(Local($"2026-06-0{d} 10:00", NewYork))));
        var decision = cap.Evaluate(Call(Person(NewYork)), Local("2026-06-07 18:00", NewYork), history);
        Assert.Equal(Utc("2026-06-08T04:00:00Z"), decision.NextPermittedAt);

        var oneNotConnected = History(history.Attempts.ToArray().Select((a, i) => i == 3 ? a.WithOutcome(AttemptOutcome.NotConnected) : a));
        Assert.True(cap.Evaluate(Call(Person(NewYork)), Local("2026-06-07 18:00", NewYork), oneNotConnected).IsAllowed);
    }

    [Fact]
    public void The_refusal_counts_the_attempts_and_names_the_dates()
    {
        var reason = Assert.Single(CapOnly.Evaluate(Call(Person(Paris)), ParisTime("2026-03-27 11:00"), MarchAttempts()).Violations).Reason;
        Assert.Contains("4 counted attempts", reason, System.StringComparison.Ordinal);
        Assert.Contains("2026-02-26 … 2026-03-27", reason, System.StringComparison.Ordinal);
    }
}
