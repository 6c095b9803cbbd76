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
/// The server goes away, a lock is held by a stuck node, a dialer is killed: the gate refuses
/// with CORE-STORE-01 and never allows on a guess. This class stops its own server, so it has
/// one of its own.
/// </summary>
public sealed class PostgreSqlFaultTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlFaultTests(PostgresServer server)
    {
        this.server = server;
    }

    [Fact]
    public void While_the_server_is_down_nothing_is_allowed_and_work_resumes_when_it_is_back()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema, Duration.FromSeconds(2));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        var granted = new ConcurrentBag<(string Contact, long Id)>();
        var refusedForStore = 0;
        var stop = false;
        var reservers = Enumerable.Range(0, 8).Select(r => new Thread(() =>
        {
            for (var i = 0; !Volatile.Read(ref stop); i++)
            {
                var contact = "c-" + (((r * 13) + i) % 200).ToString(CultureInfo.InvariantCulture);
                if (gate.TryReserve(Call(Person(contact)), out var permit, out var decision))
                {
                    granted.Add((contact, permit.AttemptId));
                }
                else if (decision.Violations.Any(v => v.RuleId == CoreRules.StoreUnavailableId))
                {
                    Interlocked.Increment(ref refusedForStore);
                }
            }
        })).ToList();
        reservers.ForEach(t => t.Start());
        try
        {
            Thread.Sleep(500);
            server.Stop();

            // With the server down, every decision is a CORE-STORE-01 refusal.
            for (var i = 0; i < 20; i++)
            {
                Assert.False(gate.TryReserve(Call(Person("down-" + i)), out _, out var down));
                Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(down.Violations).RuleId);
                Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(gate.Check(Call(Person("down-" + i))).Violations).RuleId);
            }

            server.Start();
            var watch = Stopwatch.StartNew();
            var resumed = false;
            while (!resumed && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                resumed = gate.TryReserve(Call(Person("after")), out _);
                if (!resumed)
                {
                    Thread.Sleep(100);
                }
            }

            Assert.True(resumed, "No reservation succeeded within 30 s of the server's restart.");
        }
        finally
        {
            Volatile.Write(ref stop, true);
            reservers.ForEach(t => t.Join());
        }

        Assert.True(refusedForStore > 0);
        // Every permit handed out, before, during or after the outage, is in the ledger; the cap
        // of 4 (D223-9) held for everyone.
        var recorded = Recorded(schema);
        Assert.Empty(granted.Select(g => g.Id).Except(recorded.Keys));
        Assert.All(recorded.Values.GroupBy(c => c), g => Assert.True(g.Count() <= 4, $"{g.Key} has {g.Count()} attempts."));
    }

    [Fact]
    public void A_reservation_whose_process_was_killed_before_completing_still_counts()
    {
        var schema = server.NewSchema();
        using (Open(schema, Duration.FromSeconds(5)))
        {
        }

        using (var child = ChildProcess.Start("pg-reserve-and-wait", server.ConnectionString, schema, "c-1", Tuesday1030.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)))
        {
            child.WaitForLine("reserved ", TimeSpan.FromMinutes(1));
            child.Kill();
        }

        using var ledger = Open(schema, Duration.FromSeconds(5));
        AssertKilledReservationCounts(ledger);
    }

    [Fact]
    public void A_lock_held_by_a_stuck_node_makes_the_reservation_time_out_and_refuse()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema, Duration.FromSeconds(1));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        using var stuck = new StuckNode(server.ConnectionString, PersonLockKey(schema, "c-1"));

        var watch = Stopwatch.StartNew();
        Assert.False(gate.TryReserve(Call(Person()), out _, out var decision));
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(decision.Violations).RuleId);
        // Bounded: the operation timeout (1 s) plus the stated slack.
        Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(1) + PostgreSqlFrozenTests.Slack, $"The refusal took {watch.Elapsed}.");
        Assert.Contains("nothing was recorded", decision.Violations[0].Reason, StringComparison.Ordinal);

        // Another person is not held up by that lock (no table lock), and the node that timed out
        // keeps working once the lock is released. On a loaded machine a single attempt can
        // itself run past the 1 s timeout, so each gets a few: a table lock, or a node that stays
        // broken, refuses every one of them while the stuck node holds on.
        Assert.True(ReservesWithinAttempts(gate, Call(Person("c-2"))), "Another person was held up by the stuck node's lock.");
        stuck.Release();
        Assert.True(ReservesWithinAttempts(gate, Call(Person())), "The node did not recover once the lock was released.");
    }

    /// <summary>True when one of five attempts reserves; only a refusal for the store (a timeout) is tried again.</summary>
    private static bool ReservesWithinAttempts(ContactGate gate, ContactRequest request)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (gate.TryReserve(request, out var permit, out var decision))
            {
                return permit is not null;
            }

            if (decision.Violations.Any(v => v.RuleId != CoreRules.StoreUnavailableId))
            {
                return false;
            }
        }

        return false;
    }

    [Fact]
    public async Task Async_a_reservation_cancelled_while_waiting_for_the_lock_records_nothing()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema, Duration.FromSeconds(30));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        using var stuck = new StuckNode(server.ConnectionString, PersonLockKey(schema, "c-1"));

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.TryReserveAsync(Call(Person()), cancel.Token));
        // Cancelled long before the 30 s timeout: the server was told to stop waiting.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The cancellation took {watch.Elapsed}.");

        stuck.Release();
        Assert.Empty(Recorded(schema));
        Assert.Equal(0, ledger.Log.GetHead().Sequence);
        // The connection went back to the pool in a usable state: the next reservation goes through.
        Assert.True((await gate.TryReserveAsync(Call(Person()))).IsReserved);
        Assert.Single(Recorded(schema));
    }

    [Fact]
    public async Task Async_a_person_locked_by_a_stuck_node_delays_no_one_else_on_this_node()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema, Duration.FromSeconds(30));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        using var stuck = new StuckNode(server.ConnectionString, PersonLockKey(schema, "c-1"));

        // c-1 waits for the stuck node; everyone queued with it on this node goes through.
        var waiting = gate.TryReserveAsync(Call(Person("c-1")));
        var watch = Stopwatch.StartNew();
        var others = await Task.WhenAll(Enumerable.Range(2, 20).Select(i => gate.TryReserveAsync(Call(Person("c-" + i.ToString(CultureInfo.InvariantCulture))))));
        Assert.All(others, r => Assert.True(r.IsReserved));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The others took {watch.Elapsed}.");
        Assert.False(waiting.IsCompleted);

        stuck.Release();
        Assert.True((await waiting).IsReserved);
        Assert.Equal(21, Recorded(schema).Count);
    }

    [Fact]
    public async Task Async_a_lock_held_by_a_stuck_node_makes_the_reservation_time_out_and_refuse()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema, Duration.FromSeconds(1));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        using var stuck = new StuckNode(server.ConnectionString, PersonLockKey(schema, "c-1"));

        using var patient = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var watch = Stopwatch.StartNew();
        var refused = await gate.TryReserveAsync(Call(Person()), patient.Token);
        Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(1) + PostgreSqlFrozenTests.Slack, $"The refusal took {watch.Elapsed}.");
        Assert.False(refused.IsReserved);
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(refused.Decision.Violations).RuleId);
        stuck.Release();
        Assert.Empty(Recorded(schema));
    }

    [Fact]
    public async Task Async_while_the_server_is_down_decisions_refuse_and_resume_after()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema, Duration.FromSeconds(2));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        Assert.True((await gate.TryReserveAsync(Call(Person("before")))).IsReserved);
        server.Stop();
        try
        {
            var down = await gate.TryReserveAsync(Call(Person("down")));
            Assert.False(down.IsReserved);
            Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(down.Decision.Violations).RuleId);
            Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single((await gate.CheckAsync(Call(Person("down")))).Violations).RuleId);
        }
        finally
        {
            server.Start();
            // The tests' own pooled connections died with the server too.
            NpgsqlConnection.ClearAllPools();
        }

        var watch = Stopwatch.StartNew();
        var resumed = false;
        while (!resumed && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            resumed = (await gate.TryReserveAsync(Call(Person("after")))).IsReserved;
            if (!resumed)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(resumed, "No reservation succeeded within 30 s of the server's restart.");
        Assert.Equal(new[] { "after", "before" }, Recorded(schema).Values.OrderBy(c => c, StringComparer.Ordinal).ToArray());
    }

    /// <summary>A stuck node: another connection holding a person's advisory lock in an open transaction.</summary>
    private sealed class StuckNode : IDisposable
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlTransaction transaction;

        internal StuckNode(string connectionString, long lockKey)
        {
            connection = new NpgsqlConnection(connectionString);
            connection.Open();
            transaction = connection.BeginTransaction();
            using var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
            take.Parameters.AddWithValue(lockKey);
            take.ExecuteNonQuery();
        }

        /// <summary>The node ends its transaction, and with it the lock.</summary>
        internal void Release() => transaction.Rollback();

        public void Dispose()
        {
            transaction.Dispose();
            connection.Dispose();
        }
    }

    private static long PersonLockKey(string schema, string contactId)
    {
        // FNV-1a 64 of "schema\0contact", as documented in docs/storage.md.
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(schema + "\u0000" + contactId))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return unchecked((long)hash);
    }

    private PostgreSqlContactLedger Open(string schema, Duration timeout)
        => PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(server.ConnectionString, Hasher) { Schema = schema, Clock = ClockAtTuesday(), OperationTimeout = timeout, MaxConnections = 8 });

    private Dictionary<long, string> Recorded(string schema)
    {
        // Unpooled: a pooled connection may have died with a restarted server.
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
