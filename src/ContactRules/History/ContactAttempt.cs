using System;
using NodaTime;

namespace ContactRules;

/// <summary>
/// One contact attempt made to a person: when, through which channel, for what, on whose behalf,
/// and how it ended.
/// </summary>
public readonly struct ContactAttempt : IEquatable<ContactAttempt>
{
    /// <summary>Creates an attempt record.</summary>
    /// <param name="at">When the call was placed or the message sent.</param>
    /// <param name="outcome">How it ended (<see cref="AttemptOutcome.Reserved"/> while it is under way).</param>
    /// <param name="channel">The channel used.</param>
    /// <param name="purpose">The purpose of the contact.</param>
    public ContactAttempt(Instant at, AttemptOutcome outcome, ContactChannel channel = ContactChannel.Voice, ContactPurpose purpose = ContactPurpose.Marketing)
    {
        At = at;
        Outcome = outcome;
        Channel = channel;
        Purpose = purpose;
        Subject = null;
        Caller = null;
    }

    /// <summary>When the call was placed or the message sent.</summary>
    public Instant At { get; }

    /// <summary>How the attempt ended.</summary>
    public AttemptOutcome Outcome { get; }

    /// <summary>The channel used.</summary>
    public ContactChannel Channel { get; }

    /// <summary>The purpose of the contact.</summary>
    public ContactPurpose Purpose { get; }

    /// <summary>The matter (debt, offer) of the attempt; null when unknown (it then counts for every subject).</summary>
    public string? Subject { get; init; }

    /// <summary>The professional on whose behalf the attempt was made; null when unknown (it then counts for every caller).</summary>
    public string? Caller { get; init; }

    /// <summary>Returns a copy of this attempt with another outcome.</summary>
    /// <param name="outcome">The new outcome.</param>
    /// <returns>The attempt with <paramref name="outcome"/>.</returns>
    public ContactAttempt WithOutcome(AttemptOutcome outcome)
        => new ContactAttempt(At, outcome, Channel, Purpose) { Subject = Subject, Caller = Caller };

    /// <inheritdoc />
    public bool Equals(ContactAttempt other)
        => At == other.At && Outcome == other.Outcome && Channel == other.Channel && Purpose == other.Purpose
            && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
            && string.Equals(Caller, other.Caller, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContactAttempt other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = At.GetHashCode();
            hash = (hash * 397) ^ (int)Outcome;
            hash = (hash * 397) ^ (int)Channel;
            hash = (hash * 397) ^ (int)Purpose;
            hash = (hash * 397) ^ (Subject is null ? 0 : StringComparer.Ordinal.GetHashCode(Subject));
            hash = (hash * 397) ^ (Caller is null ? 0 : StringComparer.Ordinal.GetHashCode(Caller));
            return hash;
        }
    }

    /// <summary>Compares two attempts for equality.</summary>
    /// <param name="left">The first attempt.</param>
    /// <param name="right">The second attempt.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ContactAttempt left, ContactAttempt right) => left.Equals(right);

    /// <summary>Compares two attempts for inequality.</summary>
    /// <param name="left">The first attempt.</param>
    /// <param name="right">The second attempt.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(ContactAttempt left, ContactAttempt right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"{At} {Channel} {Purpose} {Outcome}";
}
