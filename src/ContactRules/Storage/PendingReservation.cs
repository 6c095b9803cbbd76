using System;
using System.Threading;
using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>
/// One reservation as the gate hands it to a ledger: the person, the attempt to record when it is
/// allowed, and the decision to take on what the ledger reads. The ledger reads the person's
/// snapshot under their lock, inside its transaction, asks <see cref="Decide"/>, and writes what
/// the verdict says (the attempt, the consent uses, the evidence entry) in that same transaction.
/// </summary>
internal sealed class PendingReservation
{
    private readonly Func<ContactSnapshot, ReservationVerdict> decide;

    internal PendingReservation(Contact contact, ContactAttempt attempt, Func<ContactSnapshot, ReservationVerdict> decide, CancellationToken cancellationToken)
    {
        Contact = Preconditions.CheckNotNull(contact, nameof(contact));
        Preconditions.CheckNotEmpty(contact.Id, nameof(contact));
        Preconditions.CheckArgument(attempt.Outcome == AttemptOutcome.Reserved, nameof(attempt), $"A reservation's outcome must be Reserved; got {attempt.Outcome}.");
        Attempt = attempt;
        this.decide = Preconditions.CheckNotNull(decide, nameof(decide));
        CancellationToken = cancellationToken;
    }

    /// <summary>The person: their id, and their number for the registry entries.</summary>
    internal Contact Contact { get; }

    internal string ContactId => Contact.Id;

    /// <summary>The attempt recorded when the decision allows, with outcome <see cref="AttemptOutcome.Reserved"/>.</summary>
    internal ContactAttempt Attempt { get; }

    /// <summary>Honoured until the reservation is decided; a cancelled reservation writes nothing.</summary>
    internal CancellationToken CancellationToken { get; }

    /// <summary>Decides on the snapshot the ledger read under the person's lock.</summary>
    /// <exception cref="InvalidOperationException">The snapshot is another person's, or the decision is missing.</exception>
    internal ReservationVerdict Decide(ContactSnapshot snapshot)
    {
        if (!string.Equals(snapshot.Contact.Id, ContactId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The ledger read the snapshot of '{snapshot.Contact.Id}' for '{ContactId}'.");
        }

        return decide(snapshot) ?? throw new InvalidOperationException("The reservation's decision callback returned no verdict.");
    }
}
