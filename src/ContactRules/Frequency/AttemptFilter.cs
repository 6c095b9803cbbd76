using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactRules.Rules;

/// <summary>
/// Which attempts a rule counts, by outcome, channel and purpose. Immutable; every method returns
/// a narrower copy.
/// </summary>
public readonly struct AttemptFilter : IEquatable<AttemptFilter>
{
    private const int AllOutcomes = (1 << 9) - 1;

    // Stored inverted so that default(AttemptFilter) matches every attempt.
    private readonly int excludedOutcomes;
    private readonly int excludedChannels;
    private readonly int excludedPurposes;

    private AttemptFilter(int excludedOutcomes, int excludedChannels, int excludedPurposes)
    {
        this.excludedOutcomes = excludedOutcomes;
        this.excludedChannels = excludedChannels;
        this.excludedPurposes = excludedPurposes;
    }

    /// <summary>Every attempt, whatever its outcome, channel or purpose.</summary>
    public static AttemptFilter Any => default;

    /// <summary>Attempts with one of the given outcomes only.</summary>
    /// <param name="outcomes">The outcomes counted.</param>
    /// <returns>The filter.</returns>
    public static AttemptFilter WithOutcomes(params AttemptOutcome[] outcomes)
        => new AttemptFilter(AllOutcomes & ~Mask(outcomes.Select(o => (int)o)), 0, 0);

    /// <summary>Returns a copy that does not count the given outcomes.</summary>
    /// <param name="outcomes">The outcomes not counted.</param>
    /// <returns>The narrower filter.</returns>
    public AttemptFilter Excluding(params AttemptOutcome[] outcomes)
        => new AttemptFilter(excludedOutcomes | Mask(outcomes.Select(o => (int)o)), excludedChannels, excludedPurposes);

    /// <summary>Returns a copy that counts attempts on the given channels only.</summary>
    /// <param name="channels">The channels counted.</param>
    /// <returns>The narrower filter.</returns>
    public AttemptFilter OnChannels(params ContactChannel[] channels)
        => new AttemptFilter(excludedOutcomes, excludedChannels | ~Mask(channels.Select(c => (int)c)), excludedPurposes);

    /// <summary>Returns a copy that counts attempts for the given purposes only.</summary>
    /// <param name="purposes">The purposes counted.</param>
    /// <returns>The narrower filter.</returns>
    public AttemptFilter ForPurposes(params ContactPurpose[] purposes)
        => new AttemptFilter(excludedOutcomes, excludedChannels, excludedPurposes | ~Mask(purposes.Select(p => (int)p)));

    /// <summary>True when the filter counts <paramref name="attempt"/>.</summary>
    /// <param name="attempt">An attempt.</param>
    /// <returns>Whether it is counted.</returns>
    public bool Matches(in ContactAttempt attempt)
        => (excludedOutcomes & (1 << (int)attempt.Outcome)) == 0
            && (excludedChannels & (1 << (int)attempt.Channel)) == 0
            && (excludedPurposes & (1 << (int)attempt.Purpose)) == 0;

    /// <summary>True when some attempt with one of the outcomes in <paramref name="outcomeMask"/> could match.</summary>
    internal bool CouldMatchAnyOf(int outcomeMask) => (outcomeMask & ~excludedOutcomes) != 0;

    /// <inheritdoc />
    public bool Equals(AttemptFilter other)
        => excludedOutcomes == other.excludedOutcomes && excludedChannels == other.excludedChannels && excludedPurposes == other.excludedPurposes;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttemptFilter other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((excludedOutcomes * 397) ^ (excludedChannels * 31) ^ excludedPurposes);

    /// <summary>Compares two filters for equality.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AttemptFilter left, AttemptFilter right) => left.Equals(right);

    /// <summary>Compares two filters for inequality.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(AttemptFilter left, AttemptFilter right) => !left.Equals(right);

    /// <summary>A summary such as <c>voice; every outcome but not-connected</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var filter = this;
        var parts = new List<string>();
        var channels = Enum.GetValues(typeof(ContactChannel)).Cast<ContactChannel>().Where(c => (filter.excludedChannels & (1 << (int)c)) == 0).ToArray();
        if (channels.Length < 2)
        {
            parts.Add(string.Join("/", channels).ToLowerInvariant());
        }

        var purposes = Enum.GetValues(typeof(ContactPurpose)).Cast<ContactPurpose>().Where(p => (filter.excludedPurposes & (1 << (int)p)) == 0).ToArray();
        if (purposes.Length < 3)
        {
            parts.Add(string.Join("/", purposes).ToLowerInvariant());
        }

        var excluded = Enum.GetValues(typeof(AttemptOutcome)).Cast<AttemptOutcome>().Where(o => (filter.excludedOutcomes & (1 << (int)o)) != 0).ToArray();
        var included = Enum.GetValues(typeof(AttemptOutcome)).Cast<AttemptOutcome>().Where(o => (filter.excludedOutcomes & (1 << (int)o)) == 0).ToArray();
        parts.Add(excluded.Length == 0 ? "every outcome"
            : included.Length <= 3 ? "outcomes " + string.Join("/", included).ToLowerInvariant()
            : "every outcome but " + string.Join("/", excluded).ToLowerInvariant());
        return string.Join("; ", parts);
    }

    private static int Mask(IEnumerable<int> bits) => bits.Aggregate(0, (mask, bit) => mask | (1 << bit));
}
