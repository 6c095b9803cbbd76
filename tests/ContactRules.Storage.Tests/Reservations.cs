using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests;

/// <summary>
/// A ledger's reservation driven directly, with a decision given by the test instead of a
/// policy: what the gate hands the ledger (<see cref="PendingReservation"/>), without the gate.
/// </summary>
internal static class Reservations
{
    internal static ReservationResult Reserve(ContactLedger ledger, string contactId, ContactAttempt attempt, Func<ContactHistory, ContactDecision> decide, Func<long?, string>? evidence = null)
        => ledger.Reserve(Pending(contactId, attempt, decide, evidence, CancellationToken.None));

    internal static Task<ReservationResult> ReserveAsync(ContactLedger ledger, string contactId, ContactAttempt attempt, Func<ContactHistory, ContactDecision> decide, CancellationToken cancellationToken = default, Func<long?, string>? evidence = null)
        => ledger.ReserveAsync(Pending(contactId, attempt, decide, evidence, cancellationToken));

    private static PendingReservation Pending(string contactId, ContactAttempt attempt, Func<ContactHistory, ContactDecision> decide, Func<long?, string>? evidence, CancellationToken cancellationToken)
        => new PendingReservation(
            Person(contactId),
            attempt,
            snapshot => new ReservationVerdict(
                decide(snapshot.History),
                Call(snapshot.Contact),
                Array.Empty<string>(),
                evidence ?? (id => "{\"contact\":\"" + contactId + "\",\"attempt\":" + (id is { } value ? value.ToString(CultureInfo.InvariantCulture) : "null") + "}")),
            cancellationToken);
}
