using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>What a ledger holds about one person at the moment it was read: their attempt history and their stored facts.</summary>
public sealed class ContactSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="contact">The person read.</param>
    /// <param name="history">Their attempts, oldest first.</param>
    /// <param name="facts">Their stored consents, opt-outs and registry entries.</param>
    public ContactSnapshot(Contact contact, ContactHistory history, ContactFacts facts)
    {
        Contact = Preconditions.CheckNotNull(contact, nameof(contact));
        History = history;
        Facts = Preconditions.CheckNotNull(facts, nameof(facts));
    }

    /// <summary>The person read.</summary>
    public Contact Contact { get; }

    /// <summary>Their attempts, oldest first.</summary>
    public ContactHistory History { get; }

    /// <summary>Their stored consents, opt-outs and registry entries.</summary>
    public ContactFacts Facts { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Contact.Id}: {History.Count} attempts, {Facts}";
}
