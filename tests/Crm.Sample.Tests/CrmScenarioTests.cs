using System;
using System.IO;
using System.Linq;
using ContactRules;
using NodaTime;
using Xunit;

namespace Crm.Sample.Tests;

/// <summary>
/// The sample's week, run in-process on a ledger in a temporary folder. Every expected value is
/// worked out from the law (docs/regulations.md) and the conventions (docs/conventions.md), not
/// read from the sample's output. February 2027 is in the prior-consent regime of L223-1
/// (from 11 August 2026); Paris is on UTC+1 (CET) until 28 March 2027, Réunion on UTC+4.
/// </summary>
public sealed class CrmScenarioTests : IClassFixture<CrmScenarioTests.SampleRun>
{
    private readonly CrmRun run;

    public CrmScenarioTests(SampleRun sample) => run = sample.Run;

    [Fact]
    public void The_fifth_call_to_Alice_in_30_days_is_refused_by_FR_FREQ_01_until_3_March()
    {
        // Alice's attempts fall on local dates 1, 2, 3 and 4 Feb (answered or not, they count:
        // "tenter de démarcher"). A call on date d is refused while dates d-29 … d hold 4 attempts,
        // so on 5 Feb it is refused, and again every day until 2 Mar (window 1 Feb – 2 Mar). On
        // 3 Mar the window 2 Feb – 3 Mar holds 3: allowed, from 10:00 (FR-HOURS-01, a Wednesday,
        // not a holiday) = 09:00 UTC.
        var alice = run.Results.Where(r => r.Customer == Scenario.Alice).ToList();
        Assert.Equal(5, alice.Count);
        Assert.All(alice.Take(4), r => Assert.True(r.Placed));
        Assert.Equal(
            new AttemptOutcome?[] { AttemptOutcome.NoAnswer, AttemptOutcome.Busy, AttemptOutcome.NoAnswer, AttemptOutcome.NoAnswer },
            alice.Take(4).Select(r => r.Outcome));

        var fifth = alice[4];
        Assert.False(fifth.Placed);
        var violation = Assert.Single(fifth.Decision.Violations);
        Assert.Equal("FR-FREQ-01", violation.RuleId);
        Assert.Contains("D223-9", violation.Citation);
        Assert.Equal(Instant.FromUtc(2027, 3, 3, 9, 0), fifth.Decision.NextPermittedAt);
    }

    [Fact]
    public void A_customer_without_consent_is_never_dialled()
    {
        // FR-CONS-01: no prior consent and no contract in progress; waiting does not help.
        var chloe = Assert.Single(run.Results, r => r.Customer == Scenario.Chloe);
        Assert.False(chloe.Placed);
        Assert.Equal("FR-CONS-01", Assert.Single(chloe.Decision.Violations).RuleId);
        Assert.Null(chloe.Decision.NextPermittedAt);
        Assert.DoesNotContain(Scenario.Chloe.Phone, run.Dialled);
    }

    [Fact]
    public void After_a_refusal_Bruno_may_never_be_called_again_FR_STOP_01_and_his_consent_is_withdrawn_FR_WDRW_01()
    {
        // Refusal on 1 Feb 2027. Décret n° 2026-662 removed the 60-day cooldown (FR-COOL-01) from
        // 11 August 2026; this test expected it until then. Now the refusal withdraws his consent
        // of December at that instant (R223-3: FR-WDRW-01, with FR-CONS-01 as no other consent
        // counts), and FR-STOP-01 forbids calling him again at all: no rule ever lifts.
        var bruno = run.Results.Where(r => r.Customer == Scenario.Bruno).ToList();
        Assert.Equal(2, bruno.Count);
        Assert.Equal(AttemptOutcome.Refused, bruno[0].Outcome);
        Assert.False(bruno[1].Placed);
        Assert.Equal(new[] { "FR-CONS-01", "FR-STOP-01", "FR-WDRW-01" }, bruno[1].Decision.Violations.Select(v => v.RuleId).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(bruno[1].Decision.Violations, v => Assert.Null(v.Until));
        Assert.Null(bruno[1].Decision.NextPermittedAt);
    }

    [Fact]
    public void An_objection_recorded_in_the_ledger_stops_the_next_call()
    {
        // Denis was reached on Monday, objected (GDPR Art. 21), and is refused on Tuesday by
        // EU-OBJ-01, which has no end. The objection also ended his consent to be called (it was
        // made after the grant), so FR-CONS-01 refuses beside it.
        var denis = run.Results.Where(r => r.Customer == Scenario.Denis).ToList();
        Assert.Equal(2, denis.Count);
        Assert.True(denis[0].Placed);
        Assert.False(denis[1].Placed);
        Assert.Equal(new[] { "EU-OBJ-01", "FR-CONS-01" }, denis[1].Decision.Violations.Select(v => v.RuleId).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Null(denis[1].Decision.NextPermittedAt);
    }

    [Fact]
    public void Calling_hours_are_the_customers_own()
    {
        // Monday 19:30 in Paris (18:30 UTC) is 22:30 in Réunion: FR-HOURS-01 refuses until
        // Tuesday 10:00 there, 06:00 UTC. Tuesday 11:00 there is inside the hours: placed.
        var emma = run.Results.Where(r => r.Customer == Scenario.Emma).ToList();
        Assert.Equal(2, emma.Count);
        Assert.False(emma[0].Placed);
        Assert.Equal("FR-HOURS-01", Assert.Single(emma[0].Decision.Violations).RuleId);
        Assert.Equal(Instant.FromUtc(2027, 2, 2, 6, 0), emma[0].Decision.NextPermittedAt);
        Assert.True(emma[1].Placed);
    }

    [Fact]
    public void Twilio_is_asked_to_dial_exactly_the_allowed_calls_and_the_ledger_keeps_the_evidence()
    {
        // Alice 4, Bruno 1, Denis 1, Emma 1, in the order placed (Tuesday: Emma at 07:00 UTC
        // before Alice at 09:30 UTC).
        Assert.Equal(
            new[]
            {
                Scenario.Alice.Phone, Scenario.Bruno.Phone, Scenario.Denis.Phone,
                Scenario.Emma.Phone, Scenario.Alice.Phone, Scenario.Alice.Phone, Scenario.Alice.Phone,
            },
            run.Dialled);
        Assert.Equal(run.Results.Count(r => r.Placed), run.Dialled.Count);
        Assert.True(File.Exists(run.LedgerPath));
        Assert.True(run.Log.IsIntact, run.Log.Message);
        // The evidence log holds one entry per fact and per reservation decision: 4 consents
        // recorded, 1 objection, 12 calls tried (7 allowed, 5 refused).
        Assert.Equal(4 + 1 + 12, run.Log.EntriesChecked);
    }

    /// <summary>One run of the sample, shared by the tests, in a folder removed afterwards.</summary>
    public sealed class SampleRun : IDisposable
    {
        private readonly TempFolder temp = new TempFolder();

        public SampleRun()
        {
            Output = new StringWriter();
            Run = Program.Run(temp.File("crm"), Output);
        }

        internal CrmRun Run { get; }

        public StringWriter Output { get; }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            temp.Dispose();
        }
    }
}
