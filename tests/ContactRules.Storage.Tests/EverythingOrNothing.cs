using System;
using System.Linq;
using NodaTime;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests;

/// <summary>
/// What a reservation killed at one of its steps may leave behind: the reserved attempt, the use
/// of the consent it relied on and its evidence entry, all three or none, and an intact chain.
/// </summary>
internal static class EverythingOrNothing
{
    /// <summary>The steps at which a killed reservation must have left nothing (its commit was not yet sent).</summary>
    internal static readonly ReservationStep[] BeforeTheCommit =
    {
        ReservationStep.Locked, ReservationStep.Decided, ReservationStep.AttemptWritten, ReservationStep.UsesWritten, ReservationStep.EvidenceWritten, ReservationStep.Committing,
    };

    /// <summary>The consent c-1 gave, before the reservation; the reservation relies on it (UWG § 7(2) Nr. 1).</summary>
    internal static void RecordConsent(ContactLedger ledger)
        => ledger.RecordConsent("c-1", new ConsentRecord(Tuesday1030 - Duration.FromDays(30)) { Id = "k-1" }, Proof());

    /// <summary>Checks what the ledger holds of c-1's reservation: all of it when <paramref name="committed"/>, none of it otherwise.</summary>
    internal static void Assert(ContactLedger ledger, bool committed, string step)
    {
        var attempts = History(ledger, "c-1").Count;
        var uses = ledger.GetConsentEvidence("c-1", "k-1")!.Uses.Length;
        var decisions = ledger.Log.Read(1, 100).Count(e => e.Kind == "decision");
        var expected = committed ? 1 : 0;
        Xunit.Assert.True(
            attempts == expected && uses == expected && decisions == expected,
            $"Killed at {step}: {attempts} attempts, {uses} consent uses, {decisions} decision entries; expected {expected} of each.");
        Xunit.Assert.True(ledger.Log.Verify().IsIntact, ledger.Log.Verify().Message);
        if (committed)
        {
            var attempt = Xunit.Assert.Single(History(ledger, "c-1").Attempts.ToArray());
            Xunit.Assert.Equal(AttemptOutcome.Reserved, attempt.Outcome);
            Xunit.Assert.Contains("\"consents\":[\"k-1\"]", ledger.Log.Read(1, 100).Single(e => e.Kind == "decision").Payload, StringComparison.Ordinal);
        }
    }
}
