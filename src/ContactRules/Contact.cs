using System.Collections.Generic;
using System.Collections.Immutable;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// The person to be contacted, with what contact rules need to know about them: where they may
/// be (candidate time zones), which subdivision they live in, and their relationship with the
/// caller.
/// </summary>
/// <remarks>
/// A contact may carry several candidate zones (a stated address, the phone number's area code,
/// a device). ContactRules allows a contact only at instants allowed in <em>every</em> candidate
/// zone; with no zone at all, the decision is a <c>CORE-ZONE-01</c> denial, never a guess.
/// </remarks>
public sealed class Contact
{
    private readonly ImmutableArray<DateTimeZone> timeZones = ImmutableArray<DateTimeZone>.Empty;
    private readonly string? phoneNumber;

    /// <summary>
    /// Creates a contact.
    /// </summary>
    /// <param name="id">
    /// A stable identifier of the person (not of a number): attempts are recorded and counted per
    /// person, across all their numbers.
    /// </param>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is empty.</exception>
    public Contact(string id)
    {
        Id = Preconditions.CheckNotEmpty(id, nameof(id));
    }

    /// <summary>The stable identifier of the person.</summary>
    public string Id { get; }

    /// <summary>
    /// The number to be called, in E.164 form (<c>+</c>, country code, up to 15 digits), or null
    /// when unknown.
    /// </summary>
    /// <exception cref="System.ArgumentException">The value is not in E.164 form.</exception>
    public string? PhoneNumber
    {
        get => phoneNumber;
        init
        {
            if (value is not null)
            {
                Preconditions.CheckArgument(
                    E164.IsValid(value),
                    nameof(PhoneNumber),
                    $"PhoneNumber must be in E.164 form ('+' then 2 to 15 digits, no leading zero); got '{value}'.");
            }

            phoneNumber = value;
        }
    }

    /// <summary>
    /// The candidate time zones of the person, in the called person's own clock. Empty when
    /// unknown: every zone-dependent rule then refuses with <c>CORE-ZONE-01</c>.
    /// </summary>
    public ImmutableArray<DateTimeZone> TimeZones
    {
        get => timeZones;
        init
        {
            var zones = value.IsDefault ? ImmutableArray<DateTimeZone>.Empty : value;
            foreach (var zone in zones)
            {
                Preconditions.CheckArgument(zone is not null, nameof(TimeZones), "TimeZones must not contain null zones.");
            }

            timeZones = zones;
        }
    }

    /// <summary>
    /// The ISO 3166-2 subdivision where the person lives, when known (for example <c>US-FL</c>,
    /// <c>FR-67</c>). Selects local rules such as Alsace-Moselle's extra holidays.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>The contract in progress with the caller, if any.</summary>
    public ContractStatus? Contract { get; init; }

    /// <summary>The local date of the person's last purchase from the caller, if any.</summary>
    public LocalDate? LastPurchase { get; init; }

    /// <summary>
    /// The local date of the person's last inquiry to the caller, if any (an established business
    /// relationship; in France, the request for information a call may answer, R223-4).
    /// </summary>
    public LocalDate? LastInquiry { get; init; }

    /// <summary>
    /// The local date of the number's last permanent disconnection, as the FCC's Reassigned
    /// Numbers Database reports it (47 CFR 64.1200(m)), when the caller checked it and the
    /// database knows one; null otherwise. The number has changed hands since that date: a
    /// consent given before it was given by the number's previous holder and no longer counts
    /// (US-RND-01; see <see cref="ConsentRecord.Covers(ContactRequest)"/>).
    /// </summary>
    /// <remarks>
    /// The database gives a date, not an instant. A consent granted on that date may predate the
    /// disconnection, so it is taken as given by the previous holder: a consent counts only when
    /// it was granted after the whole date has passed in every candidate zone (with no zone, in
    /// every zone on Earth, UTC-12 being the last).
    /// </remarks>
    public LocalDate? LastPermanentDisconnection { get; init; }

    /// <summary>
    /// When the number was last checked against the FCC's Reassigned Numbers Database, if it
    /// was; null when it was not (Maine requires the check before a telephone sales call,
    /// US-ME-RND-01). A check that found no disconnection leaves
    /// <see cref="LastPermanentDisconnection"/> null.
    /// </summary>
    public Instant? ReassignedNumbersCheckedAt { get; init; }

    /// <summary>Creates a copy of this contact with the given candidate zones.</summary>
    /// <param name="zones">The candidate zones; must not contain null.</param>
    /// <returns>A new contact, equal to this one but for its zones.</returns>
    public Contact WithTimeZones(IEnumerable<DateTimeZone> zones)
        => new Contact(Id)
        {
            PhoneNumber = PhoneNumber,
            TimeZones = Preconditions.CheckNotNull(zones, nameof(zones)).ToImmutableArray(),
            Region = Region,
            Contract = Contract,
            LastPurchase = LastPurchase,
            LastInquiry = LastInquiry,
            LastPermanentDisconnection = LastPermanentDisconnection,
            ReassignedNumbersCheckedAt = ReassignedNumbersCheckedAt,
        };

    // The last candidate zone on Earth to finish a date: UTC-12 (Baker Island).
    private static readonly DateTimeZone LatestZone = DateTimeZone.ForOffset(Offset.FromHours(-12));

    /// <summary>
    /// True when a consent granted at <paramref name="grantedAt"/> may have been given by the
    /// number's previous holder: the number was permanently disconnected on a local date that
    /// had not yet ended, in some candidate zone, at the grant.
    /// </summary>
    internal bool IsBeforeReassignment(Instant grantedAt)
    {
        if (LastPermanentDisconnection is not { } date)
        {
            return false;
        }

        var after = date.PlusDays(1);
        if (timeZones.IsEmpty)
        {
            return grantedAt < Internal.ZoneMath.StartOfDay(LatestZone, after);
        }

        foreach (var zone in timeZones)
        {
            if (grantedAt < Internal.ZoneMath.StartOfDay(zone, after))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"Contact {Id}";
}
