using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Storage;

/// <summary>
/// One decision that relied on a consent: Germany's UWG § 7a keeps the proof for 5 years after
/// each use, so every use is recorded with the attempt it allowed.
/// </summary>
public sealed class ConsentUse
{
    /// <summary>Creates a use record.</summary>
    /// <param name="consentId">The consent relied on.</param>
    /// <param name="usedAt">The instant of the contact it allowed.</param>
    /// <param name="attemptId">The attempt it allowed, when one was reserved.</param>
    internal ConsentUse(string consentId, Instant usedAt, long? attemptId)
    {
        ConsentId = Preconditions.CheckNotEmpty(consentId, nameof(consentId));
        UsedAt = usedAt;
        AttemptId = attemptId;
    }

    /// <summary>The consent relied on.</summary>
    public string ConsentId { get; }

    /// <summary>The instant of the contact it allowed.</summary>
    public Instant UsedAt { get; }

    /// <summary>The attempt it allowed, when one was reserved.</summary>
    public long? AttemptId { get; }

    /// <inheritdoc />
    public override string ToString() => $"consent {ConsentId} used at {UsedAt}" + (AttemptId is { } id ? $" for attempt {id}" : string.Empty);
}
