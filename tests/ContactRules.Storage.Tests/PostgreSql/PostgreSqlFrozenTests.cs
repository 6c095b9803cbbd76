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
    public async Task A_frozen_server_answers_consent_and_opt_out_writes_within_the_timeout_and_none_said_unrecorded_is_recorded()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema);
        ledger.RecordOptOut("warm-up", new OptOut(OptOutKind.Company, Tuesday1030));
        var bound = Timeout.ToTimeSpan() + Slack;
        var written = new List<(string Contact, TimeSpan Elapsed, Exception? Failure)>();
        server.Freeze();
        try
        {
            foreach (var contact in new[] { "f-1", "f-2" })
            {
                var watch = Stopwatch.StartNew();
                var failure = Record.Exception(() => ledger.RecordConsent(contact, new ConsentRecord(Tuesday1030) { Id = "k-1" }, Proof()));
                written.Add((contact, watch.Elapsed, failure));
                watch.Restart();
                failure = Record.Exception(() => ledger.RecordOptOut(contact, new OptOut(OptOutKind.Company, Tuesday1030)));
                written.Add((contact, watch.Elapsed, failure));
            }
        }
        finally
        {
            server.Thaw();
        }

        // Each write came back at its deadline, refused, saying that nothing was recorded.
        Assert.All(written, w => Assert.True(w.Elapsed <= bound, $"A write for {w.Contact} took {w.Elapsed}."));
        Assert.All(written, w => Assert.Contains("nothing was recorded", Assert.IsAssignableFrom<TimeoutException>(w.Failure).Message, StringComparison.Ordinal));

        // After the thaw the writes go through again, and none of those refused was recorded.
        var resumed = Stopwatch.StartNew();
        while (Record.Exception(() => ledger.RecordOptOut("after", new OptOut(OptOutKind.Company, Tuesday1030))) is not null)
        {
            Assert.True(resumed.Elapsed < TimeSpan.FromSeconds(30), "Writes did not resume within 30 s of the thaw.");
            await Task.Delay(100);
        }

        Assert.True(ledger.Read(new Contact("f-1")).Facts.IsEmpty);
        Assert.True(ledger.Read(new Contact("f-2")).Facts.IsEmpty);
        var entries = ledger.Log.Read(1, 100);
        Assert.Equal(2, entries.Count);
        Assert.Contains("\"contact\":\"warm-up\"", entries[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"contact\":\"after\"", entries[1].Payload, StringComparison.Ordinal);
        Assert.True(ledger.Log.Verify().IsIntact);
    }

    [Fact]
    public void A_frozen_peer_holding_the_person_and_the_log_delays_no_decision_beyond_the_timeout_and_the_server_frees_its_locks()
    {
        var schema = server.NewSchema();
        using var ledger = Open(schema);
        EverythingOrNothing.RecordConsent(ledger);
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);

        // The peer node (default operation timeout, 5 s) decided c-1's reservation: it holds
        // c-1's lock and the evidence log's, sits idle inside its transaction, and freezes there.
        using var peer = ChildProcess.Start("pg-stop-at", server.ConnectionString, schema, nameof(ReservationStep.Decided), Tuesday1030.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture), "resume");
        peer.WaitForLine("at Decided", TimeSpan.FromMinutes(1));
        var idle = Stopwatch.StartNew();
        peer.Freeze();
        var bound = Timeout.ToTimeSpan() + Slack;
        var peerBound = PostgreSqlContactLedger.SessionBound(new ContactLedgerOptions(Hasher).OperationTimeout);

        // While it holds the log's lock, every node's reservations wait for it, and refuse at their
        // deadline having recorded nothing: c-2 is a person the peer never touched.
        var watch = Stopwatch.StartNew();
        Assert.False(gate.TryReserve(Call(Person("c-2")), out _, out var blocked));
        Assert.True(watch.Elapsed <= bound, $"The decision for c-2 took {watch.Elapsed}.");
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(blocked.Violations).RuleId);
        Assert.Contains("nothing was recorded", blocked.Violations[0].Reason, StringComparison.Ordinal);
        Assert.True(idle.Elapsed < peerBound, "The refusal came after the server's bound: this test cannot tell who freed the lock.");

        // The server ends the peer's transaction once it has sat idle for the peer's operation
        // timeout plus the margin (idle_in_transaction_session_timeout, set by the peer's ledger):
        // the locks are free and this node reserves again, c-1 included, while the peer stays frozen.
        ContactPermit? permit = null;
        var decisions = new List<(TimeSpan Elapsed, ContactDecision Decision)>();
        while (permit is null && idle.Elapsed < peerBound + TimeSpan.FromSeconds(30))
        {
            watch.Restart();
            gate.TryReserve(Call(Person("c-1")), out permit, out var decision);
            decisions.Add((watch.Elapsed, decision));
        }

        var resumed = idle.Elapsed;
        Assert.NotNull(permit);
        Assert.True(resumed <= peerBound + Slack + Slack, $"Reservations resumed {resumed} after the peer froze; the server's bound is {peerBound}.");
        Assert.All(decisions, d => Assert.True(d.Elapsed <= bound, $"A decision took {d.Elapsed}: {d.Decision}."));
        Assert.True(gate.TryReserve(Call(Person("c-2")), out _));

        // Woken, the peer goes on with a transaction the server rolled back: it reports no permit,
        // and nothing of its reservation is in the ledger.
        peer.Thaw();
        var done = peer.WaitForLine("done ", TimeSpan.FromMinutes(1));
        Assert.StartsWith("done False ", done, StringComparison.Ordinal);
        Assert.True(done.Contains("may have been recorded", StringComparison.Ordinal) || done.Contains("nothing was recorded", StringComparison.Ordinal), done);
        peer.Send("go");
        peer.WaitForLine("closed", TimeSpan.FromMinutes(1));
        Assert.Equal(new[] { ("c-1", permit!.AttemptId) }, Recorded(schema).Where(r => r.Value == "c-1").Select(r => (r.Value, r.Key)).ToArray());
        // This node's calls (the fr pack in March 2026) rely on no consent: the peer's use of k-1 was rolled back with it.
        Assert.Empty(ledger.GetConsentEvidence("c-1", "k-1")!.Uses);
        Assert.Equal(2, ledger.Log.Read(1, 100).Count(e => e.Kind == "decision" && e.Payload.Contains("\"allowed\":true", StringComparison.Ordinal)));
        Assert.True(ledger.Log.Verify().IsIntact);
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
