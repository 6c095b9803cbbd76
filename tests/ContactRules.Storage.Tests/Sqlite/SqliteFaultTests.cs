using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Jurisdictions;
using ContactRules.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.Sqlite;

/// <summary>A damaged, torn, empty or foreign file is refused with a clear error, never read as an empty ledger.</summary>
public sealed class SqliteFaultTests : IDisposable
{
    private readonly TempFolder folder = new TempFolder();

    private string Path => folder.File("ledger.db");

    [Fact]
    public void A_reopened_ledger_has_everything_written_before()
    {
        using (var ledger = Open())
        {
            ledger.Record("c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Busy));
            ledger.RecordOptOut("c-1", new OptOut(OptOutKind.Company, Tuesday1030));
        }

        using var reopened = Open();
        Assert.Equal(AttemptOutcome.Busy, Assert.Single(History(reopened, "c-1").Attempts.ToArray()).Outcome);
        Assert.Equal(OptOutKind.Company, Assert.Single(reopened.Read(Person()).Facts.OptOuts).Kind);
        Assert.True(reopened.Log.Verify().IsIntact);
        // Every migration applied once, none again on reopening.
        Assert.Equal(2, Count("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void An_emptied_file_is_refused_rather_than_read_as_a_new_ledger()
    {
        Fill();
        File.WriteAllBytes(Path, Array.Empty<byte>());

        var error = Assert.Throws<InvalidDataException>(() => Open());
        Assert.Contains("holds no ContactRules ledger", error.Message, StringComparison.Ordinal);

        // Moved away, as the message says: the next open starts an empty ledger, not the refused file.
        File.Move(Path, Path + ".refused");
        using var fresh = Open();
        Assert.Equal(0, History(fresh, "c-1").Count);
        fresh.Record("c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Busy));
        Assert.Equal(1, History(fresh, "c-1").Count);
    }

    [Fact]
    public void A_write_lock_held_too_long_by_another_process_refuses_the_reservation_but_not_the_check()
    {
        using var ledger = Open(Duration.FromMilliseconds(300));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        using var other = new SqliteConnection($"Data Source={Path};Pooling=False");
        other.Open();
        using var transaction = other.BeginTransaction(deferred: false);

        var watch = Stopwatch.StartNew();
        Assert.False(gate.TryReserve(Call(Person()), out _, out var decision));
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(decision.Violations).RuleId);
        // Bounded: the operation timeout (300 ms) plus the stated slack.
        Assert.True(watch.Elapsed <= TimeSpan.FromMilliseconds(300) + PostgreSql.PostgreSqlFrozenTests.Slack, $"The refusal took {watch.Elapsed}.");
        // WAL readers never wait for a writer: the check still reads the history.
        Assert.True(gate.Check(Call(Person())).IsAllowed);

        transaction.Rollback();
        Assert.True(gate.TryReserve(Call(Person()), out _));
    }

    [Fact]
    public async Task Async_a_write_lock_held_too_long_by_another_process_refuses_the_reservation_but_not_the_check()
    {
        using var ledger = Open(Duration.FromMilliseconds(300));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        using var other = new SqliteConnection($"Data Source={Path};Pooling=False");
        other.Open();
        using var transaction = other.BeginTransaction(deferred: false);

        var refused = await gate.TryReserveAsync(Call(Person()));
        Assert.False(refused.IsReserved);
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(refused.Decision.Violations).RuleId);
        Assert.True((await gate.CheckAsync(Call(Person()))).IsAllowed);

        transaction.Rollback();
        Assert.True((await gate.TryReserveAsync(Call(Person()))).IsReserved);
    }

    [Fact]
    public async Task Async_a_reservation_cancelled_while_waiting_in_line_records_nothing()
    {
        using var ledger = Open(Duration.FromSeconds(30));
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        using var deciding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // The first reservation leads and is held inside its transaction (in its decision); the
        // second waits in line behind it, and is cancelled there.
        var first = Task.Run(() => Reservations.ReserveAsync(ledger, "c-1", new ContactAttempt(Tuesday1030, AttemptOutcome.Reserved), _ =>
        {
            deciding.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return ContactDecision.Allowed;
        }));
        Assert.True(deciding.Wait(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource();
        var second = gate.TryReserveAsync(Call(Person("c-2")), cancel.Token);
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);

        release.Set();
        Assert.NotNull((await first).AttemptId);
        Assert.Equal(1, Count("SELECT count(*) FROM attempts WHERE contact_id = 'c-1'"));
        Assert.Equal(0, Count("SELECT count(*) FROM attempts WHERE contact_id = 'c-2'"));
        // The cancelled call is not a decision: only the first reservation's decision is logged.
        Assert.StartsWith("{\"contact\":\"c-1\",", Assert.Single(ledger.Log.Read(1, 10)).Payload, StringComparison.Ordinal);
        Assert.True((await gate.TryReserveAsync(Call(Person("c-2")))).IsReserved);
    }

    [Fact]
    public void A_closed_ledger_refuses_every_decision()
    {
        var ledger = Open();
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        ledger.Dispose();

        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(gate.Check(Call(Person())).Violations).RuleId);
        Assert.False(gate.TryReserve(Call(Person()), out _, out var decision));
        Assert.Equal(CoreRules.StoreUnavailableId, Assert.Single(decision.Violations).RuleId);
    }

    public void Dispose() => folder.Dispose();

    private SqliteContactLedger Open(Duration? timeout = null)
        => SqliteContactLedger.Open(new SqliteContactLedgerOptions(Path, Hasher) { Clock = ClockAtTuesday(), OperationTimeout = timeout ?? Duration.FromSeconds(5) });

    /// <summary>Enough attempts for the file to span many pages.</summary>
    private void Fill()
    {
        using var ledger = Open();
        for (var i = 0; i < 3000; i++)
        {
            ledger.Record("c-" + i, new ContactAttempt(Tuesday1030, AttemptOutcome.NoAnswer) { Caller = "acme", Subject = new string('x', 40) });
        }
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
