using System;
using System.Globalization;
using ContactRules.Sqlite;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.Sqlite;

/// <summary>
/// A dialer process killed (SIGKILL) at every step of a reservation: the file holds the reserved
/// attempt, the consent use and the evidence entry together, or none of them.
/// </summary>
public sealed class SqliteStepKillTests : IDisposable
{
    private readonly TempFolder folder = new TempFolder();

    public static TheoryData<string> Steps => new TheoryData<string>(Enum.GetNames<ReservationStep>());

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_reservation_killed_at_any_step_leaves_everything_or_nothing(string step)
    {
        var path = folder.File("ledger-" + step + ".db");
        using (var ledger = Open(path))
        {
            EverythingOrNothing.RecordConsent(ledger);
        }

        using (var child = ChildProcess.Start("sqlite-stop-at", path, step, Tuesday1030.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)))
        {
            child.WaitForLine("at " + step, TimeSpan.FromMinutes(1));
            child.Kill();
        }

        using var reopened = Open(path);
        EverythingOrNothing.Assert(reopened, committed: Enum.Parse<ReservationStep>(step) == ReservationStep.Committed, step);
    }

    public void Dispose() => folder.Dispose();

    private static SqliteContactLedger Open(string path) => SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, Hasher) { Clock = ClockAtTuesday() });
}
