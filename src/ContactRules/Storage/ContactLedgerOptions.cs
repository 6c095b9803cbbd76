using System;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// The settings every ledger shares: the phone-number key, the clock, how long an uncompleted
/// reservation counts, and how long an operation may wait. Store-specific settings are in
/// derived classes.
/// </summary>
public class ContactLedgerOptions
{
    private readonly Duration? reservationExpiry;
    private readonly Duration operationTimeout = Duration.FromSeconds(5);
    private readonly IClock clock = SystemClock.Instance;

    /// <summary>Creates options.</summary>
    /// <param name="phoneNumbers">The keyed hash used for phone numbers in tables and logs.</param>
    public ContactLedgerOptions(PhoneNumberHasher phoneNumbers)
    {
        PhoneNumbers = Preconditions.CheckNotNull(phoneNumbers, nameof(phoneNumbers));
    }

    /// <summary>The keyed hash used for phone numbers in tables and logs.</summary>
    public PhoneNumberHasher PhoneNumbers { get; }

    /// <summary>The clock that stamps log entries, consent records, and judges reservation expiry.</summary>
    public IClock Clock
    {
        get => clock;
        init => clock = Preconditions.CheckNotNull(value, nameof(Clock));
    }

    /// <summary>
    /// How long a reservation that was never completed (the dialer crashed, the permit was lost)
    /// keeps counting as an attempt, from the instant it was taken; null (the default) means it
    /// counts for good. A completed reservation always counts with its outcome.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive.</exception>
    public Duration? ReservationExpiry
    {
        get => reservationExpiry;
        init
        {
            if (value is { } expiry && expiry <= Duration.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(ReservationExpiry), expiry, "A reservation expiry must be positive, or null for reservations that count for good.");
            }

            reservationExpiry = value;
        }
    }

    /// <summary>
    /// The longest a decision waits for the store, whatever the store does (a lock held by another
    /// process or node, a slow, frozen or unreachable server): at this deadline the operation fails
    /// and the gate refuses with <c>CORE-STORE-01</c>, saying whether the reservation may still
    /// have been recorded. Five seconds by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive.</exception>
    public Duration OperationTimeout
    {
        get => operationTimeout;
        init
        {
            if (value <= Duration.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(OperationTimeout), value, "An operation timeout must be positive.");
            }

            operationTimeout = value;
        }
    }

    /// <summary>The instant before which an uncompleted reservation no longer counts, or null when reservations count for good.</summary>
    /// <returns>The cut-off, judged on <see cref="Clock"/> now.</returns>
    internal Instant? ReservationCutoff() => ReservationExpiry is { } expiry ? Clock.GetCurrentInstant() - expiry : null;
}
