namespace ContactRules.Storage;

/// <summary>
/// The durable state behind a <see cref="ContactGate"/>: the attempt history (attempts,
/// reservations, outcomes), the consent and opt-out facts with their proof, the registry entries,
/// and the hash-chained evidence log. Give it to
/// <see cref="ContactGate(ContactPolicy, NodaTime.IClock, IContactLedger)"/>.
/// </summary>
/// <remarks>
/// Implementations: <see cref="InMemoryContactLedger"/> (tests and tools), the SQLite ledger
/// (one file, several processes on one machine) and the PostgreSQL ledger (many dialer nodes).
/// </remarks>
public interface IContactLedger : IContactHistoryStore, IContactFactsStore
{
    /// <summary>The evidence log of decisions and consent events.</summary>
    IEvidenceLog Log { get; }

    /// <summary>The keyed hash that the ledger's tables and log use for phone numbers.</summary>
    PhoneNumberHasher PhoneNumbers { get; }
}
