using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Jurisdictions;
using NodaTime;
using Npgsql;

namespace ContactRules.Storage.Benchmarks;

/// <summary>
/// The measured operation: TryReserve under the French pack, then Complete, for a person the
/// dialer has not called yet today (a fresh id each time, so that every reservation is allowed and
/// recorded); and the check that no person ended with more than the cap.
/// </summary>
internal sealed class Workload
{
    internal static readonly PhoneNumberHasher Hasher = new PhoneNumberHasher(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static readonly IClock Tuesday = new FixedClock(Instant.FromUtc(2026, 3, 10, 9, 30));

    private readonly ContactGate gate;
    private long next;
    private long refused;

    internal Workload(ContactLedger ledger)
    {
        gate = new ContactGate(FranceRules.Pack, Tuesday, ledger);
    }

    internal static IClock Clock => Tuesday;

    internal long Refused => Interlocked.Read(ref refused);

    internal void ReserveAndComplete()
    {
        var id = "p-" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var request = new ContactRequest(new Contact(id) { PhoneNumber = "+336" + (10_000_000 + (next % 89_999_999)).ToString(CultureInfo.InvariantCulture), TimeZones = ImmutableArray.Create(Paris) }) { Caller = "acme" };
        if (gate.TryReserve(request, out var permit))
        {
            permit.Complete(AttemptOutcome.NoAnswer);
        }
        else
        {
            Interlocked.Increment(ref refused);
        }
    }

    /// <summary>The same through the asynchronous gate: <see cref="ContactGate.TryReserveAsync"/> then <see cref="ContactPermit.CompleteAsync"/>.</summary>
    internal async Task ReserveAndCompleteAsync()
    {
        var id = "p-" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var request = new ContactRequest(new Contact(id) { PhoneNumber = "+336" + (10_000_000 + (next % 89_999_999)).ToString(CultureInfo.InvariantCulture), TimeZones = ImmutableArray.Create(Paris) }) { Caller = "acme" };
        var reservation = await gate.TryReserveAsync(request).ConfigureAwait(false);
        if (reservation.IsReserved)
        {
            await reservation.Permit.CompleteAsync(AttemptOutcome.NoAnswer).ConfigureAwait(false);
        }
        else
        {
            Interlocked.Increment(ref refused);
        }
    }

    /// <summary>
    /// <paramref name="clients"/> concurrent asynchronous requests (a dialer service serving that
    /// many calls at once, with no thread held while a request waits), each placing
    /// <paramref name="perClient"/> reservations one after the other.
    /// </summary>
    internal void RunAsync(int clients, int perClient)
        => Task.WaitAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            await Task.Yield();
            for (var i = 0; i < perClient; i++)
            {
                await ReserveAndCompleteAsync().ConfigureAwait(false);
            }
        }).ToArray());

    /// <summary><paramref name="clients"/> dialer threads, each placing <paramref name="perClient"/> reservations.</summary>
    internal void Run(int clients, int perClient)
    {
        if (clients == 1)
        {
            for (var i = 0; i < perClient; i++)
            {
                ReserveAndComplete();
            }

            return;
        }

        Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, _ =>
        {
            for (var i = 0; i < perClient; i++)
            {
                ReserveAndComplete();
            }
        });
    }

    /// <summary>
    /// After a run on PostgreSQL: counts the attempts per person in the database itself (not
    /// through the ledger) and throws when anyone is above the cap of 4 or a reservation was refused.
    /// </summary>
    internal void CheckPostgreSqlLedger(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*), (SELECT count(*) FROM (SELECT contact_id FROM bench.attempts GROUP BY contact_id HAVING count(*) > 4) x) FROM bench.attempts", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        Console.WriteLine($"// ledger: {reader.GetInt64(0)} attempts, {reader.GetInt64(1)} people over the cap of 4, {Refused} refusals");
        if (reader.GetInt64(1) != 0 || Refused != 0)
        {
            throw new InvalidOperationException("Cap violation or unexpected refusal during the benchmark.");
        }
    }

    private sealed class FixedClock : IClock
    {
        private readonly Instant instant;

        public FixedClock(Instant instant) => this.instant = instant;

        public Instant GetCurrentInstant() => instant;
    }
}
