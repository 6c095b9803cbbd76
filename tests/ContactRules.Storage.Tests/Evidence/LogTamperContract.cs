using System;
using ContactRules.Jurisdictions;
using NodaTime.Testing;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.Evidence;

/// <summary>
/// Someone with write access to the database changes, deletes or reorders one log entry (after
/// removing the append-only triggers, which stop everyone else): <c>Verify</c> names it.
/// </summary>
public abstract class LogTamperContract : IDisposable
{
    /// <summary>Opens a new, empty ledger.</summary>
    protected abstract ContactLedger Open(FakeClock clock);

    /// <summary>Runs SQL on the ledger's database, as a person with direct access would; <c>{s}</c> is the table prefix.</summary>
    protected abstract void Tamper(string sql);

    /// <summary>The SQL that removes the append-only guard.</summary>
    protected abstract string DropGuards { get; }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public void Without_tampering_the_log_is_intact_and_the_guards_refuse_changes()
    {
        var ledger = Populated();
        Assert.True(ledger.Log.Verify().IsIntact);
        Assert.ThrowsAny<Exception>(() => Tamper("UPDATE {s}evidence_log SET payload = '{}' WHERE seq = 3"));
        Assert.ThrowsAny<Exception>(() => Tamper("DELETE FROM {s}evidence_log WHERE seq = 3"));
        Assert.True(ledger.Log.Verify().IsIntact);
    }

    [Fact]
    public void A_changed_entry_is_named()
    {
        var ledger = Populated();
        Tamper(DropGuards);
        // Entry 4 is the third decision, which allowed the call: rewrite it as a refusal.
        Tamper("UPDATE {s}evidence_log SET payload = replace(payload, '\"allowed\":true', '\"allowed\":false') WHERE seq = 4");
        AssertNamed(ledger, LogProblem.Altered, 4);
    }

    [Fact]
    public void A_deleted_entry_is_named()
    {
        var ledger = Populated();
        Tamper(DropGuards);
        Tamper("DELETE FROM {s}evidence_log WHERE seq = 3");
        AssertNamed(ledger, LogProblem.Missing, 3);
    }

    [Fact]
    public void A_deleted_last_entry_is_named()
    {
        var ledger = Populated();
        Tamper(DropGuards);
        Tamper("DELETE FROM {s}evidence_log WHERE seq = 6");
        AssertNamed(ledger, LogProblem.Missing, 6);
    }

    [Fact]
    public void Two_reordered_entries_are_named()
    {
        var ledger = Populated();
        Tamper(DropGuards);
        Tamper("UPDATE {s}evidence_log SET seq = -1 WHERE seq = 2");
        Tamper("UPDATE {s}evidence_log SET seq = 2 WHERE seq = 5");
        Tamper("UPDATE {s}evidence_log SET seq = 5 WHERE seq = -1");
        AssertNamed(ledger, LogProblem.Reordered, 2);
    }

    private static void AssertNamed(ContactLedger ledger, LogProblem problem, long sequence)
    {
        var verdict = ledger.Log.Verify();
        Assert.Equal(problem, verdict.Problem);
        Assert.Equal(sequence, verdict.FirstBadSequence);
    }

    /// <summary>Six entries: a consent, four decisions (the fourth refused), an opt-out.</summary>
    private ContactLedger Populated()
    {
        var clock = ClockAtTuesday();
        var ledger = Open(clock);
        ledger.RecordConsent("c-1", new ConsentRecord(Tuesday1030) { Id = "k-1" }, Proof());
        var gate = new ContactGate(FactsPolicy, clock, ledger);
        Assert.True(gate.TryReserve(Call(Person()), out _));
        Assert.True(gate.TryReserve(Call(Person()), out _));
        Assert.True(gate.TryReserve(Call(Person()), out _));
        ledger.RecordOptOut("c-2", new OptOut(OptOutKind.Company, Tuesday1030));
        Assert.False(gate.TryReserve(Call(Person("c-2")), out _));
        Assert.Equal(6, ledger.Log.GetHead().Sequence);
        return ledger;
    }
}
