using System;
using System.IO;
using System.Linq;
using ContactRules;
using ContactRules.Jurisdictions;
using ContactRules.Sqlite;
using ContactRules.Storage;
using Xunit;

namespace ChurnCampaign.Tests;

/// <summary>
/// The main job's promise, on its seeded default run: without ContactRules every customer gets
/// the "2–5 calls a day" treatment; through the gate, D223-9 holds for every customer — no fifth
/// call in 30 days, no call outside the legal days and hours without consent, no call after a
/// refusal within 60 days — and the audit replay of the gated calls finds nothing.
/// </summary>
public class ChurnCampaignTests : IClassFixture<ChurnCampaignTests.DefaultRun>
{
    private readonly DefaultRun run;

    public ChurnCampaignTests(DefaultRun run) => this.run = run;

    [Fact]
    public void Without_ContactRules_every_customer_is_called_more_than_4_times_in_30_days()
    {
        // Each customer gets at least 2 calls on each of 18 working days: 36 calls in three weeks.
        Assert.Equal(run.Model.Proposals.Length, run.WithoutFigures.CallsPlaced);
        Assert.Equal(10_000, run.WithoutFigures.CustomersOverFourIn30Days);
        Assert.InRange(run.WithoutFigures.WorstCustomerCallsInOneDay, 2, 5);
        Assert.True(run.WithoutFigures.CallsOutsideLegalHours > 0);
        Assert.True(run.WithoutFigures.CallsAfterRefusal > 0);
    }

    [Fact]
    public void With_ContactRules_no_customer_gets_a_fifth_call_in_30_days()
    {
        Assert.Equal(0, run.WithFigures.CustomersOverFourIn30Days);
        Assert.All(run.With.Calls.GroupBy(c => c.Customer), g => Assert.InRange(g.Count(), 1, 4));
    }

    [Fact]
    public void With_ContactRules_no_call_is_placed_outside_the_legal_days_and_hours_without_consent()
        => Assert.Equal(0, run.WithFigures.CallsOutsideLegalHours);

    [Fact]
    public void With_ContactRules_no_call_follows_a_refusal()
        => Assert.Equal(0, run.WithFigures.CallsAfterRefusal);

    [Fact]
    public void The_audit_replay_of_the_gated_calls_finds_no_violation()
    {
        Assert.Empty(run.WithFigures.ViolationsByRule);
        Assert.Contains("FR-FREQ-01", run.WithoutFigures.ViolationsByRule.Keys);
        Assert.Contains("FR-HOURS-01", run.WithoutFigures.ViolationsByRule.Keys);
        Assert.Contains("FR-COOL-01", run.WithoutFigures.ViolationsByRule.Keys);
    }

    [Fact]
    public void The_gate_explains_its_refusals_by_rule()
    {
        Assert.Contains("FR-FREQ-01", run.With.RefusalsByRule.Keys);
        Assert.Contains("FR-HOURS-01", run.With.RefusalsByRule.Keys);
        Assert.All(run.With.RefusalsByRule.Values, count => Assert.True(count > 0));
    }

    [Fact]
    public void The_replay_is_reproducible_from_its_seed()
    {
        var again = CampaignModel.Create(200, 2015, Program.Options.Default.Start, 21);
        var once = CampaignModel.Create(200, 2015, Program.Options.Default.Start, 21);
        Assert.Equal(once.Proposals, again.Proposals);
        Assert.NotEqual(once.Proposals, CampaignModel.Create(200, 2016, Program.Options.Default.Start, 21).Proposals);
    }

    [Fact]
    public void The_main_job_prints_the_table_and_writes_the_report()
    {
        using var temp = new TempFolder();
        var folder = temp.File("work");
        var output = new StringWriter();
        var exit = Program.Run(Program.Options.Default with { Customers = 300, WorkFolder = folder }, output);
        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("customers called more than 4 times in 30 days", text, StringComparison.Ordinal);
        Assert.Contains("Report: " + Path.Combine(Path.GetFullPath(folder), "churn-report.html"), text, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder, "churn-report.html"));
        Assert.Contains("<table id=\"summary\">", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-without\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_usage()
    {
        var error = new StringWriter();
        Assert.Null(Program.Options.Parse(new[] { "--customers", "many" }, error));
        Assert.Contains("unexpected argument '--customers' 'many'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The seeded default run (10,000 customers) as the main job runs it, through a gate on the
    /// embedded SQLite ledger, computed once for the class.
    /// </summary>
    public sealed class DefaultRun : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public DefaultRun()
        {
            var options = Program.Options.Default;
            Model = CampaignModel.Create(options.Customers, options.Seed, options.Start, options.Days);
            var policy = RulePacks.Get("fr");
            Without = Simulation.WithoutContactRules(Model, policy, _ => { });
            SqliteContactLedger? ledger = null;
            try
            {
                With = Simulation.ThroughGate(
                    Model,
                    policy,
                    clock =>
                    {
                        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
                        ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(folder.File("ledger.db"), new PhoneNumberHasher(key)) { Clock = clock });
                        return new ContactGate(policy, clock, ledger);
                    },
                    _ => { });
            }
            finally
            {
                ledger?.Dispose();
            }

            WithoutFigures = CampaignFigures.Of(Without, Model);
            WithFigures = CampaignFigures.Of(With, Model);
        }

        public void Dispose() => folder.Dispose();

        internal CampaignModel Model { get; }

        internal CampaignRun Without { get; }

        internal CampaignRun With { get; }

        internal CampaignFigures WithoutFigures { get; }

        internal CampaignFigures WithFigures { get; }
    }
}
