using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Jurisdictions;
using ContactRules.PostgreSql;
using NodaTime;
using Npgsql;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.PostgreSql;

/// <summary>
/// Many dialer nodes share one ledger on a primary with a synchronous standby (pg_auto_failover);
/// the primary's machine is lost mid-run. Losing it loses no reservation and lets no call over
/// the cap: during the failover every decision refuses within its timeout, after the promotion
/// the nodes resume without a restart, and every permit given is in the ledger.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class PostgreSqlFailoverTests
{
    private const int People = 5000;
    private static readonly Duration Timeout = Duration.FromSeconds(2);

    [Fact]
    public async Task Reservers_on_two_nodes_survive_losing_the_primary_with_every_permit_kept_and_no_one_over_the_cap()
    {
        using var cluster = new PostgresHighAvailability();
        // pg_auto_failover made the standby synchronous: a commit is acknowledged once the standby has it.
        Assert.Equal("on", cluster.Setting(cluster.PrimaryPort, "synchronous_commit"));
        Assert.StartsWith("ANY 1 (", cluster.Setting(cluster.PrimaryPort, "synchronous_standby_names"), StringComparison.Ordinal);

        var clock = ClockAtTuesday();
        var nodes = Enumerable.Range(0, 2).Select(_ => PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(cluster.ConnectionString, Hasher) { Schema = "ha", Clock = clock, OperationTimeout = Timeout, MaxConnections = 8 })).ToArray();
        try
        {
            var gates = nodes.Select(n => new ContactGate(FranceRules.Pack, clock, n)).ToArray();
            var decisions = new ConcurrentBag<(int Node, string Person, long Started, TimeSpan Elapsed, ContactDecision Decision, long? AttemptId)>();
            var clockStart = Stopwatch.StartNew();
            var stop = false;
            var reservers = Enumerable.Range(0, 16).Select(async r =>
            {
                await Task.Yield();
                var gate = gates[r % 2];
                for (var i = 0; !Volatile.Read(ref stop); i++)
                {
                    var person = "c-" + (((r * 37) + i) % People).ToString(CultureInfo.InvariantCulture);
                    var started = clockStart.ElapsedTicks;
                    var watch = Stopwatch.StartNew();
                    var reservation = await gate.TryReserveAsync(Call(Person(person)));
                    decisions.Add((r % 2, person, started, watch.Elapsed, reservation.Decision, reservation.Permit?.AttemptId));
                    if (reservation.IsReserved && i % 2 == 0)
                    {
                        try
                        {
                            await reservation.Permit.CompleteAsync(AttemptOutcome.NoAnswer);
                        }
                        catch (Exception e) when (e is TimeoutException or System.IO.IOException or NpgsqlException or InvalidOperationException)
                        {
                            // The outcome may be lost with the primary; the reservation counts either way.
                        }
                    }
                }
            }).ToList();

            await Task.Delay(TimeSpan.FromSeconds(3));
            var lost = cluster.KillPrimary();
            var killedAt = clockStart.ElapsedTicks;
            cluster.WaitForPromotion(lost, TimeSpan.FromMinutes(2));
            var promotedAt = clockStart.ElapsedTicks;

            // Both nodes resume on the new primary, without a restart: they reserve again.
            var resumed = Stopwatch.StartNew();
            while (!Enumerable.Range(0, 2).All(n => decisions.Any(d => d.Node == n && d.AttemptId is not null && d.Started > promotedAt)))
            {
                Assert.True(resumed.Elapsed < TimeSpan.FromSeconds(60), "The nodes did not resume within a minute of the promotion.");
                await Task.Delay(200);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            Volatile.Write(ref stop, true);
            await Task.WhenAll(reservers);

            var bound = Timeout.ToTimeSpan() + PostgreSqlFrozenTests.Slack;
            Assert.All(decisions, d => Assert.True(d.Elapsed <= bound, $"A decision took {d.Elapsed} ({d.Decision}): more than {bound}."));
            Assert.All(decisions.Where(d => d.AttemptId is null), d => Assert.Contains(d.Decision.Violations, v => v.RuleId is "FR-FREQ-01" or CoreRules.StoreUnavailableId));
            // The primary was lost: some decisions in between had to refuse for the store.
            Assert.Contains(decisions, d => d.Started > killedAt && d.Decision.Violations.Any(v => v.RuleId == CoreRules.StoreUnavailableId));

            // Every permit any node gave is in the ledger on the new primary; no one got more than
            // the 4 calls in 30 days of D223-9 (every call of the test falls on one day).
            using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
            connection.Open();
            var recorded = new System.Collections.Generic.Dictionary<long, string>();
            using (var command = new NpgsqlCommand("SELECT id, contact_id FROM ha.attempts", connection))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    recorded[reader.GetInt64(0)] = reader.GetString(1);
                }
            }

            var permits = decisions.Where(d => d.AttemptId is not null).ToList();
            Assert.All(permits, d => Assert.True(recorded.TryGetValue(d.AttemptId!.Value, out var person) && person == d.Person, $"The permit {d.AttemptId} of {d.Person} is not in the ledger."));
            Assert.All(recorded.Values.GroupBy(p => p), g => Assert.True(g.Count() <= 4, $"{g.Key} has {g.Count()} attempts."));
            Assert.True(nodes[0].Log.Verify().IsIntact, nodes[0].Log.Verify().Message);
            Assert.Contains(permits, d => d.Started < killedAt);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }
}
