using NodaTime;

namespace ContactRules.Storage.Tests.Contract;

public sealed class InMemoryLedgerContract : LedgerContract
{
    private InMemoryContactLedger? ledger;

    protected override ContactLedger Open(Duration? reservationExpiry = null)
        => ledger = new InMemoryContactLedger(new ContactLedgerOptions(TestData.Hasher) { Clock = Clock, ReservationExpiry = reservationExpiry });

    protected override ContactLedger OpenAnotherNode() => ledger!;
}
