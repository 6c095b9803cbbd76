using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// Watches each campaign's abandoned calls against an <see cref="AbandonmentLimit"/> and tells a
/// predictive dialer, before each over-dialled call, whether one more abandoned call would break
/// the limit. Thread-safe: many dialer threads may record and ask at once.
/// </summary>
/// <remarks>
/// <para>
/// Record every completed call once, with its final outcome: <see cref="AttemptOutcome.Conversation"/>
/// and <see cref="AttemptOutcome.Refused"/> are live answers connected to an agent;
/// <see cref="AttemptOutcome.Abandoned"/> is a live answer left without an agent (US: none within
/// 2 seconds of the greeting); <see cref="AttemptOutcome.Machine"/> is a call AMD ended as an
/// answering machine (left out of the US rate, the source of the UK false-positive estimate).
/// No-answer, busy, voicemail and not-connected calls are left out of the rate; a
/// <see cref="AttemptOutcome.Reserved"/> call is not finished and is ignored.
/// </para>
/// <para>
/// Successive periods (US) start at the campaign's first recorded call: period k covers
/// <c>[first + k·P, first + (k+1)·P)</c>, and a call recorded late with an earlier instant than
/// the first counts in the first period. Trailing periods (UK) cover <c>(t − P, t]</c> for the
/// instant t asked about; the monitor keeps two periods of calls behind the latest one recorded
/// and answers for instants no earlier than one period before it.
/// </para>
/// <para>
/// The headroom keeps the rate within the limit at every moment of the period, with the calls
/// known so far, so that the period ends within it whatever follows; at the start of a period
/// it is zero until enough connected calls are banked (33 for one abandoned call at 3%).
/// </para>
/// </remarks>
public sealed class AbandonedCallMonitor
{
    private readonly ConcurrentDictionary<string, Ledger> campaigns = new ConcurrentDictionary<string, Ledger>(StringComparer.Ordinal);

    /// <summary>Creates a monitor.</summary>
    /// <param name="limit">The limit every campaign is measured against.</param>
    public AbandonedCallMonitor(AbandonmentLimit limit)
    {
        Limit = Preconditions.CheckNotNull(limit, nameof(limit));
    }

    /// <summary>The limit every campaign is measured against.</summary>
    public AbandonmentLimit Limit { get; }

    /// <summary>Records a completed call of <paramref name="campaign"/>.</summary>
    /// <param name="campaign">The campaign (see <see cref="ContactRequest.Campaign"/>).</param>
    /// <param name="placedAt">When the call was placed.</param>
    /// <param name="outcome">How it ended.</param>
    public void Record(string campaign, Instant placedAt, AttemptOutcome outcome)
    {
        Preconditions.CheckNotEmpty(campaign, nameof(campaign));
        if (outcome == AttemptOutcome.Reserved)
        {
            return;
        }

        var ledger = campaigns.GetOrAdd(campaign, _ => new Ledger());
        lock (ledger)
        {
            if (Limit.IsTrailing)
            {
                ledger.AddTrailing(placedAt, KindOf(outcome), Limit.Period);
            }
            else
            {
                ledger.AddSuccessive(placedAt, KindOf(outcome), Limit.Period);
            }
        }
    }

    /// <summary>Where <paramref name="campaign"/> stands against the limit at <paramref name="at"/>.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="at">The instant asked about, normally now.</param>
    /// <returns>The counts of the measuring period, its rate and the headroom left.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// For a trailing limit, <paramref name="at"/> is more than one period before the latest call recorded.
    /// </exception>
    public AbandonmentStatus Status(string campaign, Instant at)
    {
        Preconditions.CheckNotEmpty(campaign, nameof(campaign));
        if (!campaigns.TryGetValue(campaign, out var ledger))
        {
            return Build(campaign, null, null, default);
        }

        lock (ledger)
        {
            if (Limit.IsTrailing)
            {
                if (ledger.Latest is { } latest && at < latest - Limit.Period)
                {
                    throw new ArgumentOutOfRangeException(nameof(at), at, $"The monitor keeps {DurationText.Of(Limit.Period + Limit.Period)} of calls behind the latest one ({latest}); ask about an instant from {latest - Limit.Period} on.");
                }

                return Build(campaign, at - Limit.Period, at, ledger.CountTrailing(at - Limit.Period, at));
            }

            if (ledger.Anchor is not { } anchor)
            {
                return Build(campaign, null, null, default);
            }

            var index = at < anchor ? 0 : (at - anchor).BclCompatibleTicks / Limit.Period.BclCompatibleTicks;
            var start = anchor + (Limit.Period * index);
            return Build(campaign, start, start + Limit.Period, ledger.CountPeriod(index));
        }
    }

    /// <summary>
    /// The largest number of further abandoned calls <c>a</c> with
    /// <c>(n + a) ≤ r·(d + a)</c>, where n is the abandoned count (with its estimate) and d the live
    /// answers: each abandoned call is a live answer too.
    /// </summary>
    internal static int HeadroomOf(decimal maxRate, int connected, int abandoned, decimal estimate)
    {
        var n = abandoned + estimate;
        var d = n + connected;
        if (n > maxRate * d)
        {
            return 0;
        }

        var a = decimal.Floor(((maxRate * d) - n) / (1m - maxRate));
        while (a > 0m && n + a > maxRate * (d + a))
        {
            a--;
        }

        while (n + a + 1m <= maxRate * (d + a + 1m))
        {
            a++;
        }

        return a >= int.MaxValue ? int.MaxValue : (int)a;
    }

    private AbandonmentStatus Build(string campaign, Instant? start, Instant? end, Counts counts)
        => new AbandonmentStatus(
            campaign,
            Limit,
            start,
            end,
            counts.Connected,
            counts.Abandoned,
            counts.Machine,
            HeadroomOf(Limit.MaxRate, counts.Connected, counts.Abandoned, counts.Machine * Limit.AmdFalsePositiveRate));

    private static CallKind KindOf(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Conversation or AttemptOutcome.Refused => CallKind.Connected,
        AttemptOutcome.Abandoned => CallKind.Abandoned,
        AttemptOutcome.Machine => CallKind.Machine,
        _ => CallKind.LeftOut,
    };

    private enum CallKind : byte
    {
        LeftOut = 0,
        Connected = 1,
        Abandoned = 2,
        Machine = 3,
    }

    private struct Counts
    {
        public int Connected;
        public int Abandoned;
        public int Machine;

        public void Add(CallKind kind)
        {
            switch (kind)
            {
                case CallKind.Connected:
                    Connected++;
                    break;
                case CallKind.Abandoned:
                    Abandoned++;
                    break;
                case CallKind.Machine:
                    Machine++;
                    break;
            }
        }
    }

    // One campaign's calls; every member is used under a lock on the ledger.
    private sealed class Ledger
    {
        private readonly Dictionary<long, Counts> periods = new Dictionary<long, Counts>();
        private readonly List<(Instant At, CallKind Kind)> recent = new List<(Instant At, CallKind Kind)>();

        public Instant? Anchor { get; private set; }

        public Instant? Latest { get; private set; }

        public void AddSuccessive(Instant at, CallKind kind, Duration period)
        {
            var anchor = Anchor ??= at;
            var index = at < anchor ? 0 : (at - anchor).BclCompatibleTicks / period.BclCompatibleTicks;
            periods.TryGetValue(index, out var counts);
            counts.Add(kind);
            periods[index] = counts;
        }

        public void AddTrailing(Instant at, CallKind kind, Duration period)
        {
            if (kind == CallKind.LeftOut)
            {
                return;
            }

            recent.Insert(FirstAfter(at), (at, kind));
            var latest = Latest is { } l && l > at ? l : at;
            Latest = latest;

            // Keep two periods behind the latest call; drop older ones in batches.
            var keepFrom = FirstAfter(latest - period - period);
            if (keepFrom > 0 && (keepFrom >= 256 || keepFrom * 2 >= recent.Count))
            {
                recent.RemoveRange(0, keepFrom);
            }
        }

        public Counts CountPeriod(long index) => periods.TryGetValue(index, out var counts) ? counts : default;

        public Counts CountTrailing(Instant after, Instant upTo)
        {
            var counts = default(Counts);
            for (var i = FirstAfter(after); i < recent.Count && recent[i].At <= upTo; i++)
            {
                counts.Add(recent[i].Kind);
            }

            return counts;
        }

        // The index of the first call strictly after the instant.
        private int FirstAfter(Instant instant)
        {
            int lo = 0, hi = recent.Count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                if (recent[mid].At <= instant)
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
}
