using System;
using System.Collections.Generic;
using System.Linq;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// The attempts made to one person, sorted by instant (oldest first). A snapshot: it never
/// changes once created, so rules read it without copying or locking.
/// </summary>
public readonly struct ContactHistory
{
    private readonly ContactAttempt[]? attempts;
    private readonly int count;

    // One bit per outcome present, so that a rule triggered by rare outcomes (a refusal, an
    // abandoned call) can tell in one instruction that the history holds none.
    private readonly int outcomeMask;

    private ContactHistory(ContactAttempt[] attempts, int count)
    {
        this.attempts = attempts;
        this.count = count;
        var mask = 0;
        for (var i = 0; i < count; i++)
        {
            mask |= 1 << (int)attempts[i].Outcome;
        }

        outcomeMask = mask;
    }

    /// <summary>An empty history.</summary>
    public static ContactHistory Empty => default;

    /// <summary>The attempts, oldest first.</summary>
    public ReadOnlySpan<ContactAttempt> Attempts => attempts is null ? ReadOnlySpan<ContactAttempt>.Empty : new ReadOnlySpan<ContactAttempt>(attempts, 0, count);

    /// <summary>The number of attempts.</summary>
    public int Count => count;

    /// <summary>A bit <c>1 &lt;&lt; (int)outcome</c> for each outcome present in the history.</summary>
    internal int OutcomeMask => outcomeMask;

    /// <summary>
    /// Creates a history from attempts in any order; they are copied and sorted by instant
    /// (attempts at the same instant keep their given order).
    /// </summary>
    /// <param name="attempts">The attempts.</param>
    /// <returns>The sorted history.</returns>
    public static ContactHistory Create(IEnumerable<ContactAttempt> attempts)
    {
        Preconditions.CheckNotNull(attempts, nameof(attempts));
        var sorted = attempts.Select((attempt, index) => (attempt, index))
            .OrderBy(pair => pair.attempt.At)
            .ThenBy(pair => pair.index)
            .Select(pair => pair.attempt)
            .ToArray();
        return new ContactHistory(sorted, sorted.Length);
    }

    /// <summary>
    /// Wraps an array that the caller guarantees is sorted by instant and will never change.
    /// </summary>
    internal static ContactHistory FromSortedUnsafe(ContactAttempt[] sorted, int count) => new ContactHistory(sorted, count);

    /// <summary>The index of the first attempt at or after <paramref name="instant"/> (binary search).</summary>
    internal int FirstIndexAtOrAfter(Instant instant)
    {
        var span = Attempts;
        int lo = 0, hi = span.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (span[mid].At < instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the first attempt strictly after <paramref name="instant"/> (binary search).</summary>
    internal int FirstIndexAfter(Instant instant)
    {
        var span = Attempts;
        int lo = 0, hi = span.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (span[mid].At <= instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
