using NodaTime;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// The two callers of the United States tests: acme, who telemarkets, and a collector of the
/// debt "debt-1" (Regulation F counts per debt).
/// </summary>
internal static class UsCalls
{
    internal static ContactRequest Marketing(Contact contact, string? subject = null, ContactChannel channel = ContactChannel.Voice)
        => new ContactRequest(contact, channel, ContactPurpose.Marketing) { Caller = "acme", Subject = subject };

    internal static ContactRequest Debt(Contact contact, string debt = "debt-1", ContactChannel channel = ContactChannel.Voice)
        => new ContactRequest(contact, channel, ContactPurpose.DebtCollection) { Caller = "collector", Subject = debt };

    internal static ContactAttempt DebtAttempt(Instant at, AttemptOutcome outcome = AttemptOutcome.NoAnswer, string? debt = "debt-1", ContactChannel channel = ContactChannel.Voice)
        => Attempt(at, outcome, ContactPurpose.DebtCollection, debt, "collector", channel);
}
