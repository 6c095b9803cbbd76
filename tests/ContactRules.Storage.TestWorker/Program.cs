using System;
using System.IO;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContactRules;
using ContactRules.Jurisdictions;
using ContactRules.PostgreSql;
using ContactRules.Rules;
using ContactRules.Sqlite;
using ContactRules.Storage;
using NodaTime;

// Usage:
//   sqlite-reserve <path> <contacts> <threads> <ops-per-thread> <worker> <unix-ticks>
//       reserves under the French pack from several threads; prints "granted <contact> <id>" lines, then "done".
//   sqlite-reserve-and-wait <path> <contact> <unix-ticks>
//   pg-reserve-and-wait <connection-string> <schema> <contact> <unix-ticks>
//       reserves once, prints "reserved <id>", then waits to be killed (never completes).
//   sqlite-stop-at <path> <step> <unix-ticks>
//   pg-stop-at <connection-string> <schema> <step> <unix-ticks> [resume]
//       reserves c-1 under a consent requirement (so that the reservation writes an attempt, a
//       consent use and an evidence entry); at <step> of the reservation prints "at <step>" and
//       waits to be killed. Prints "done <allowed>" if the step never comes. With "resume", it
//       waits at <step> for a line on its input instead, then goes on: prints "done <allowed>
//       <reason of the refusal>", closes the ledger (its writer finishes the reservation) and
//       prints "closed".
//   sqlite-open <path>
//       opens the ledger; prints "opened", or "refused <exception type>: <message>".
var mode = args[0];
var hasher = new PhoneNumberHasher(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

ContactLedger OpenLedger(int first, long ticks)
{
    var clock = new FixedClock(Instant.FromUnixTimeTicks(ticks));
    return mode.StartsWith("pg-", StringComparison.Ordinal)
        ? PostgreSqlContactLedger.Open(new PostgreSqlContactLedgerOptions(args[first], hasher) { Schema = args[first + 1], Clock = clock })
        : SqliteContactLedger.Open(new SqliteContactLedgerOptions(args[first], hasher) { Clock = clock, OperationTimeout = Duration.FromSeconds(30) });
}

ContactRequest Call(string id) => new ContactRequest(new Contact(id) { PhoneNumber = "+33612345678", TimeZones = ImmutableArray.Create(Paris) }) { Caller = "acme" };

switch (mode)
{
    case "sqlite-reserve":
    {
        var ticks = long.Parse(args[6], CultureInfo.InvariantCulture);
        using var ledger = OpenLedger(1, ticks);
        var gate = new ContactGate(FranceRules.Pack, new FixedClock(Instant.FromUnixTimeTicks(ticks)), ledger);
        var contacts = int.Parse(args[2], CultureInfo.InvariantCulture);
        var threads = int.Parse(args[3], CultureInfo.InvariantCulture);
        var ops = int.Parse(args[4], CultureInfo.InvariantCulture);
        var worker = int.Parse(args[5], CultureInfo.InvariantCulture);
        var output = TextWriter.Synchronized(Console.Out);
        var failures = 0;
        var running = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < ops; i++)
            {
                var contact = "c-" + ((((worker * threads) + t) * 37) + i) % contacts;
                if (gate.TryReserve(Call(contact), out var permit, out var decision))
                {
                    output.WriteLine($"granted {contact} {permit.AttemptId}");
                    if (i % 2 == 0)
                    {
                        permit.Complete(AttemptOutcome.NoAnswer);
                    }
                }
                else if (decision.Violations.Any(v => v.RuleId == CoreRules.StoreUnavailableId))
                {
                    Interlocked.Increment(ref failures);
                    output.WriteLine("store-failure " + decision.Violations[0].Reason);
                }
            }
        })).ToList();
        running.ForEach(t => t.Start());
        running.ForEach(t => t.Join());
        output.WriteLine("done");
        return failures == 0 ? 0 : 3;
    }

    case "sqlite-reserve-and-wait":
    case "pg-reserve-and-wait":
    {
        var contactArg = mode == "sqlite-reserve-and-wait" ? 2 : 3;
        var ticks = long.Parse(args[contactArg + 1], CultureInfo.InvariantCulture);
        var ledger = OpenLedger(1, ticks);
        var gate = new ContactGate(FranceRules.Pack, new FixedClock(Instant.FromUnixTimeTicks(ticks)), ledger);
        if (!gate.TryReserve(Call(args[contactArg]), out var permit, out var decision))
        {
            Console.WriteLine("refused " + decision);
            return 2;
        }

        Console.WriteLine("reserved " + permit.AttemptId);
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    case "sqlite-stop-at":
    case "pg-stop-at":
    {
        var stepArg = mode == "sqlite-stop-at" ? 2 : 3;
        var step = Enum.Parse<ReservationStep>(args[stepArg]);
        var ticks = long.Parse(args[stepArg + 1], CultureInfo.InvariantCulture);
        var resume = args.Length > stepArg + 2 && args[stepArg + 2] == "resume";
        var ledger = OpenLedger(1, ticks);
        ledger.StepReached = reached =>
        {
            if (reached == step)
            {
                Console.WriteLine("at " + reached);
                Console.Out.Flush();
                if (!resume)
                {
                    Thread.Sleep(Timeout.Infinite);
                }

                Console.In.ReadLine();
            }
        };

        // UWG § 7(2) Nr. 1: every call needs consent, so an allowed call relies on the stored one.
        var policy = new ContactPolicy("de-consent", new ContactRule[] { new ConsentRequirement(new RuleMetadata("DE-CONS-01", "UWG § 7(2) Nr. 1")) });
        var gate = new ContactGate(policy, new FixedClock(Instant.FromUnixTimeTicks(ticks)), ledger);
        var allowed = gate.TryReserve(Call("c-1"), out _, out var decision);
        Console.WriteLine("done " + allowed + (allowed ? string.Empty : " " + decision.Violations[0].Reason));
        Console.Out.Flush();
        if (resume)
        {
            ledger.Dispose();
            Console.WriteLine("closed");
        }

        return 0;
    }

    case "sqlite-open":
    {
        try
        {
            using var ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(args[1], hasher));
            Console.WriteLine("opened");
        }
        catch (Exception failure)
        {
            Console.WriteLine("refused " + failure.GetType().FullName + ": " + failure.Message);
        }

        return 0;
    }

    default:
        Console.Error.WriteLine("unknown mode " + mode);
        return 1;
}

/// <summary>A clock stopped at one instant, shared by every process of a test.</summary>
internal sealed class FixedClock : IClock
{
    private readonly Instant instant;

    public FixedClock(Instant instant) => this.instant = instant;

    public Instant GetCurrentInstant() => instant;
}
