using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
/// Every wait is bounded: with the server frozen (SIGSTOP on the postmaster and its backends) or
/// a frozen peer holding the locks a reservation needs, every decision comes back within
/// <see cref="ContactLedgerOptions.OperationTimeout"/> plus the stated slack, refuses with
/// CORE-STORE-01, and no reservation said to be refused with nothing recorded is found recorded
/// afterwards. This class freezes its own server, and runs alone: its bounds are on time.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class PostgreSqlFrozenTests : IClassFixture<PostgresServer>
{
    /// <summary>The slack docs/storage.md states: a decision returns within OperationTimeout plus this.</summary>
    internal static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private static readonly Duration Timeout = Duration.FromSeconds(2);

    private readonly PostgresServer server;

    public PostgreSqlFrozenTests(PostgresServer server)
    {
        this.server = server;
    }

    [Fact]
    public async Task A_frozen_server_answers_every_decision_within_the_timeout_and_no_refusal_is_later_found_recorded()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema);
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        Assert.True(gate.TryReserve(Call(Person("warm-up")), out _));

        var decisions = new ConcurrentBag<(string Person, TimeSpan Elapsed, ContactDecision Decision, long? AttemptId)>();
        var next = 0;
        var stop = false;
        string NextPerson() => "p-" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                var person = NextPerson();
                var watch = Stopwatch.StartNew();
                gate.TryReserve(Call(Person(person)), out var permit, out var decision);
                decisions.Add((person, watch.Elapsed, decision, permit?.AttemptId));
            }
        })).ToList();
        var tasks = Enumerable.Range(0, 4).Select(async _ =>
        {
            await Task.Yield();
            while (!Volatile.Read(ref stop))
            {
                var person = NextPerson();
                var watch = Stopwatch.StartNew();
                var reservation = await gate.TryReserveAsync(Call(Person(person)));
                decisions.Add((person, watch.Elapsed, reservation.Decision, reservation.Permit?.AttemptId));
            }
        }).ToList();
        threads.ForEach(t => t.Start());
        var checks = new List<TimeSpan>();
        try
        {
            await Task.Delay(500);
            server.Freeze();
            try
            {
                // A check is answered at its deadline too.
                for (var i = 0; i < 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(gate.Check(Call(Person("checked"))).Violations).RuleId);
                    checks.Add(watch.Elapsed);
                }

                var left = TimeSpan.FromSeconds(8) - checks.Aggregate(TimeSpan.Zero, (a, b) => a + b);
                await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            finally
            {
                server.Thaw();
            }

            await WaitUntil(() => decisions.Any(d => d.AttemptId is not null && d.Elapsed < TimeSpan.FromSeconds(1) && int.Parse(d.Person.Substring(2), CultureInfo.InvariantCulture) > Volatile.Read(ref next) - 50), TimeSpan.FromSeconds(30));
        }
        finally
        {
            Volatile.Write(ref stop, true);
            threads.ForEach(t => t.Join());
            await Task.WhenAll(tasks);
        }

        var bound = Timeout.ToTimeSpan() + Slack;
        Assert.All(checks, elapsed => Assert.True(elapsed <= bound, $"A check took {elapsed}."));
        Assert.All(decisions, d => Assert.True(d.Elapsed <= bound, $"The decision for {d.Person} took {d.Elapsed} ({d.Decision}): more than {bound}."));
        var refused = decisions.Where(d => d.AttemptId is null).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, d => Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(d.Decision.Violations).RuleId));

        // Afterwards: every permit is in the ledger with its id; a refusal whose reason does not
        // say that the reservation may have been recorded left nothing (the ledger's promise).
        var recorded = Recorded(schema);
        Assert.All(decisions.Where(d => d.AttemptId is not null), d => Assert.Equal(d.Person, recorded[d.AttemptId!.Value]));
        var nothing = refused.Where(d => !d.Decision.Violations[0].Reason.Contains("may have been recorded", StringComparison.Ordinal)).Select(d => d.Person).ToHashSet();
        Assert.Contains(refused, d => d.Decision.Violations[0].Reason.Contains("nothing was recorded", StringComparison.Ordinal));
        Assert.Empty(nothing.Intersect(recorded.Values));
        Assert.True(ledger.Log.Verify().IsIntact);
    }

    [Fact]
    public void A_frozen_peer_holding_the_person_and_the_log_delays_no_decision_beyond_the_timeout()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema);
        EverythingOrNothing.RecordConsent(ledger);
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);

        // The peer node decided c-1's reservation (it holds c-1's lock and the evidence log's)
        // and froze before its commit.
        using var peer = ChildProcess.Start("pg-stop-at", server.ConnectionString, schema, nameof(ReservationStep.Decided), Tuesday1030.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture));
        peer.WaitForLine("at Decided", TimeSpan.FromMinutes(1));
        peer.Freeze();
        var bound = Timeout.ToTimeSpan() + Slack;
        foreach (var person in new[] { "c-1", "c-2" })
        {
            var watch = Stopwatch.StartNew();
            Assert.False(gate.TryReserve(Call(Person(person)), out _, out var decision));
            Assert.True(watch.Elapsed <= bound, $"The decision for {person} took {watch.Elapsed}.");
            Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(decision.Violations).RuleId);
            Assert.Contains("nothing was recorded", decision.Violations[0].Reason, StringComparison.Ordinal);
        }

        // The peer's machine is gone for good: its connection closes, the server rolls it back.
        peer.Kill();
        var resumed = Stopwatch.StartNew();
        var reserved = false;
        while (!reserved && resumed.Elapsed < TimeSpan.FromSeconds(30))
        {
            reserved = gate.TryReserve(Call(Person("c-1")), out _);
        }

        Assert.True(reserved);
        Assert.Equal(new[] { "c-1" }, Recorded(schema).Values.ToArray());
    }

    private PostgreSqlContactLedger Open(string schema)
        => PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(server.ConnectionString, Hasher) { Schema = schema, Clock = ClockAtTuesday(), OperationTimeout = Timeout, MaxConnections = 8 });

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < timeout, $"Not resumed within {timeout} of the thaw.");
            await Task.Delay(100);
        }
    }

    private Dictionary<long, string> Recorded(string schema)
    {
        using var connection = new NpgsqlConnection(server.ConnectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT id, contact_id FROM {schema}.attempts", connection);
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<long, string>();
        while (reader.Read())
        {
            rows[reader.GetInt64(0)] = reader.GetString(1);
        }

        return rows;
    }
}
