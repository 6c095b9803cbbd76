using System.Collections.Generic;
using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>
/// The argument checks of <see cref="IContactFactsStore"/> and <see cref="IContactHistoryStore"/>,
/// shared by every implementation so that all stores refuse the same input with the same message.
/// </summary>
public static class LedgerPreconditions
{
    /// <summary>Checks a required text argument (a path, a connection string, a log entry's kind).</summary>
    /// <param name="value">The text.</param>
    /// <param name="paramName">The argument's name, for the message.</param>
    /// <returns>The text.</returns>
    /// <exception cref="System.ArgumentException">The text is null, empty or white space.</exception>
    public static string Text(string value, string paramName) => Preconditions.CheckNotEmpty(value, paramName);

    /// <summary>Checks a person's id.</summary>
    /// <param name="contactId">The id.</param>
    /// <returns>The id.</returns>
    /// <exception cref="System.ArgumentException">The id is null, empty or white space.</exception>
    public static string ContactId(string contactId) => Preconditions.CheckNotEmpty(contactId, nameof(contactId));

    /// <summary>Checks the arguments of <see cref="IContactFactsStore.RecordConsent"/>.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consent">The consent.</param>
    /// <param name="proof">Its proof.</param>
    /// <returns>The consent's id.</returns>
    /// <exception cref="System.ArgumentException">An argument is missing, or the consent has no id.</exception>
    public static string Consent(string contactId, ConsentRecord consent, ConsentProof proof)
    {
        ContactId(contactId);
        Preconditions.CheckNotNull(consent, nameof(consent));
        Preconditions.CheckNotNull(proof, nameof(proof));
        Preconditions.CheckArgument(
            !string.IsNullOrWhiteSpace(consent.Id),
            nameof(consent),
            "A stored consent needs an Id (the caller's consent reference), so that it can be revoked and its uses recorded.");
        return consent.Id!;
    }

    /// <summary>Checks the arguments of <see cref="IContactFactsStore.RevokeConsent"/> and consent look-ups.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="consentId">The consent.</param>
    /// <exception cref="System.ArgumentException">An id is null, empty or white space.</exception>
    public static void ConsentReference(string contactId, string consentId)
    {
        ContactId(contactId);
        Preconditions.CheckNotEmpty(consentId, nameof(consentId));
    }

    /// <summary>Checks the arguments of <see cref="IContactFactsStore.RecordOptOut"/>.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="optOut">The opt-out.</param>
    /// <exception cref="System.ArgumentException">An argument is missing, or the opt-out is a registry entry.</exception>
    public static void OptOut(string contactId, OptOut optOut)
    {
        ContactId(contactId);
        Preconditions.CheckNotNull(optOut, nameof(optOut));
        Preconditions.CheckArgument(
            optOut.Kind != OptOutKind.Registry,
            nameof(optOut),
            "A registry entry belongs to a number, not to a person: record it with RecordRegistryEntry(phoneNumber, entry).");
    }

    /// <summary>Checks the arguments of <see cref="IContactFactsStore.RecordRegistryEntry"/>.</summary>
    /// <param name="phoneNumber">The number.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>The entry's registry.</returns>
    /// <exception cref="System.ArgumentException">The number is not E.164, or the entry is not a registry entry naming its registry.</exception>
    public static ContactRegistry RegistryEntry(string phoneNumber, OptOut entry)
    {
        Preconditions.CheckNotNull(phoneNumber, nameof(phoneNumber));
        Preconditions.CheckArgument(E164.IsValid(phoneNumber), nameof(phoneNumber), $"A registry entry's number must be in E.164 form ('+' then 2 to 15 digits, no leading zero).");
        Preconditions.CheckNotNull(entry, nameof(entry));
        Preconditions.CheckArgument(
            entry.Kind == OptOutKind.Registry && entry.Registry is not null,
            nameof(entry),
            $"A registry entry has kind Registry and names its registry; got kind {entry.Kind}, registry {(entry.Registry is { } r ? r.ToString() : "none")}.");
        return entry.Registry!.Value;
    }

    /// <summary>Checks the arguments of <see cref="IContactFactsStore.RecordConsentUses"/>.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="uses">The uses.</param>
    /// <exception cref="System.ArgumentException">An argument is missing or a use is null.</exception>
    public static void ConsentUses(string contactId, IReadOnlyCollection<ConsentUse> uses)
    {
        ContactId(contactId);
        Preconditions.CheckNoNullElements(uses, nameof(uses));
    }

    /// <summary>Checks the arguments of <see cref="IContactHistoryStore.Complete"/>.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="outcome">The outcome.</param>
    /// <exception cref="System.ArgumentException">The id is empty or the outcome is <see cref="AttemptOutcome.Reserved"/>.</exception>
    public static void Completion(string contactId, AttemptOutcome outcome)
    {
        ContactId(contactId);
        Preconditions.CheckArgument(outcome != AttemptOutcome.Reserved, nameof(outcome), "An attempt is completed with its real outcome, not Reserved.");
    }

    /// <summary>Checks the arguments of <see cref="IContactHistoryStore.Reserve"/>.</summary>
    /// <param name="contactId">The person.</param>
    /// <param name="reservation">The reservation.</param>
    /// <param name="decide">The decision callback.</param>
    /// <exception cref="System.ArgumentException">The id is empty, the callback missing, or the reservation's outcome is not <see cref="AttemptOutcome.Reserved"/>.</exception>
    public static void Reservation(string contactId, ContactAttempt reservation, System.Func<ContactHistory, ContactDecision> decide)
    {
        ContactId(contactId);
        Preconditions.CheckNotNull(decide, nameof(decide));
        Preconditions.CheckArgument(reservation.Outcome == AttemptOutcome.Reserved, nameof(reservation), $"A reservation's outcome must be Reserved; got {reservation.Outcome}.");
    }
}
