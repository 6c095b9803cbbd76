using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContactRules.Jurisdictions;
using ContactRules.PostgreSql;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.PostgreSql;

/// <summary>Many dialer nodes share one ledger: reservations are atomic across nodes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlConcurrencyTests
{
    private const int Reservers = 64;
    private const int OpsPerReserver = 100;
    private const int Contacts = 1000;

    private readonly PostgresServer server;

    public PostgreSqlConcurrencyTests(PostgresServer server)
    {
        this.server = server;
    }

    [Fact]
    public void Sixty_four_reservers_on_two_nodes_never_exceed_four_calls_in_any_30_day_window()
        => Hammer(asynchronous: false);

    /// <summary>
    /// The same through the asynchronous gate: each node batches its waiting reservations and
    /// completions into one transaction, and the two nodes' batches contend for the same people.
    /// </summary>
    [Fact]
    public void Sixty_four_asynchronous_reservers_on_two_nodes_never_exceed_four_calls_in_any_30_day_window()
        => Hammer(asynchronous: true);

    private void Hammer(bool asynchronous)
    {
        var schema = server.NewSchema();
        var clock = new FakeClock(Tuesday1030);
        using var nodeA = Node(schema, clock);
        using var nodeB = Node(schema, clock);
        var gates = new[] { new ContactGate(FranceRules.Pack, clock, nodeA), new ContactGate(FranceRules.Pack, clock, nodeB) };
        var granted = new ConcurrentBag<(string Contact, long Id)>();

        // Day 0 (Tuesday 10 March 2026) and day 30 (Thursday 9 April, when 10 March has left the
        // window of 11 March - 9 April): each person is tried 6 or 7 times a day, so D223-9's cap
        // of 4 per 30 calendar days is what stops them, and it lets exactly 4 through each day.
        foreach (var day in new[] { Tuesday1030, ParisTime("2026-04-09 10:30") })
        {
            clock.Reset(day);
            var before = granted.Count;
            if (asynchronous)
            {
                HammerAsync(gates, granted);
            }
            else
            {
                Hammer(gates, granted);
            }

            Assert.Equal(4 * Contacts, granted.Count - before);
        }

        var recorded = Attempts(schema);
        Assert.Equal(granted.OrderBy(g => g.Id), recorded.Select(r => (r.Contact, r.Id)).OrderBy(r => r.Id));
        foreach (var person in recorded.GroupBy(r => r.Contact))
        {
            var dates = person.Select(r => r.At.InZone(Paris).Date).OrderBy(d => d).ToList();
            foreach (var date in dates)
            {
                Assert.True(dates.Count(d => d > date.PlusDays(-30) && d <= date) <= 4, $"{person.Key} has more than 4 attempts in the 30 days up to {date}.");
            }
        }
    }

    private static void Hammer(ContactGate[] gates, ConcurrentBag<(string Contact, long Id)> granted)
    {
        var failures = new ConcurrentQueue<string>();
        var threads = Enumerable.Range(0, Reservers).Select(r => new Thread(() =>
        {
            var gate = gates[r % gates.Length];
            for (var i = 0; i < OpsPerReserver; i++)
            {
                var contact = "c-" + (((r * 37) + i) % Contacts).ToString(CultureInfo.InvariantCulture);
                if (gate.TryReserve(Call(Person(contact)), out var permit, out var decision))
                {
                    granted.Add((contact, permit.AttemptId));
                    if (i % 2 == 0)
                    {
                        permit.Complete(AttemptOutcome.NoAnswer);
                    }
                }
                else if (decision.Violations.Any(v => v.RuleId != "FR-FREQ-01"))
                {
                    failures.Enqueue(decision.ToString() + " " + decision.Violations[0].Reason);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
    }

    private static void HammerAsync(ContactGate[] gates, ConcurrentBag<(string Contact, long Id)> granted)
    {
        var failures = new ConcurrentQueue<string>();
        System.Threading.Tasks.Task.WaitAll(Enumerable.Range(0, Reservers).Select(async r =>
        {
            await System.Threading.Tasks.Task.Yield();
            var gate = gates[r % gates.Length];
            for (var i = 0; i < OpsPerReserver; i++)
            {
                var contact = "c-" + (((r * 37) + i) % Contacts).ToString(CultureInfo.InvariantCulture);
                var reservation = await gate.TryReserveAsync(Call(Person(contact)));
                if (reservation.IsReserved)
                {
                    granted.Add((contact, reservation.Permit.AttemptId));
                    if (i % 2 == 0)
                    {
                        await reservation.Permit.CompleteAsync(AttemptOutcome.NoAnswer);
                    }
                }
                else if (reservation.Decision.Violations.Any(v => v.RuleId != "FR-FREQ-01"))
                {
                    failures.Enqueue(reservation.Decision.ToString() + " " + reservation.Decision.Violations[0].Reason);
                }
            }
        }).ToArray());
        Assert.Empty(failures);
    }

    private PostgreSqlContactLedger Node(string schema, IClock clock)
        => PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(server.ConnectionString, Hasher) { Schema = schema, Clock = clock, MaxConnections = 16, OperationTimeout = Duration.FromSeconds(30) });

    private List<(string Contact, long Id, Instant At)> Attempts(string schema)
    {
        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT contact_id, id, at_ticks FROM {schema}.attempts", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, Instant)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), Instant.FromUnixTimeTicks(reader.GetInt64(2))));
        }

        return rows;
    }
}
