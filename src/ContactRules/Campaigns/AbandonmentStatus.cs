using System.Globalization;
using NodaTime;

namespace ContactRules;

/// <summary>
/// Where a campaign stands against its abandoned-call limit at an instant: the counts of the
/// measuring period, the rate, and how many more abandoned calls the period can take before the
/// limit would be exceeded. A predictive dialer must stop over-dialling when
/// <see cref="PausePredictive"/> is true: the next abandoned call would break the limit.
/// </summary>
public sealed class AbandonmentStatus
{
    internal AbandonmentStatus(string campaign, AbandonmentLimit limit, Instant? periodStart, Instant? periodEnd, int connected, int abandoned, int machineDetected, int headroom)
    {
        Campaign = campaign;
        Limit = limit;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Connected = connected;
        Abandoned = abandoned;
        MachineDetected = machineDetected;
        EstimatedFalsePositives = machineDetected * limit.AmdFalsePositiveRate;
        Headroom = headroom;
    }

    /// <summary>The campaign.</summary>
    public string Campaign { get; }

    /// <summary>The limit measured against.</summary>
    public AbandonmentLimit Limit { get; }

    /// <summary>The start of the measuring period (inclusive for successive periods, exclusive for trailing ones), or null before the first call.</summary>
    public Instant? PeriodStart { get; }

    /// <summary>The end of the measuring period: exclusive for successive periods, the instant asked about (inclusive) for trailing ones.</summary>
    public Instant? PeriodEnd { get; }

    /// <summary>Live answers connected to an agent in the period.</summary>
    public int Connected { get; }

    /// <summary>Live answers abandoned in the period.</summary>
    public int Abandoned { get; }

    /// <summary>Calls ended as answering machines by AMD in the period.</summary>
    public int MachineDetected { get; }

    /// <summary>The AMD false positives estimated among <see cref="MachineDetected"/>, counted as abandoned.</summary>
    public decimal EstimatedFalsePositives { get; }

    /// <summary>The abandoned share of the period, or null when no live answer was counted yet.</summary>
    public decimal? Rate
    {
        get
        {
            var numerator = Abandoned + EstimatedFalsePositives;
            var denominator = numerator + Connected;
            return denominator == 0m ? null : numerator / denominator;
        }
    }

    /// <summary>True when the period's rate is already above the limit.</summary>
    public bool IsExceeded => Rate is { } rate && rate > Limit.MaxRate;

    /// <summary>
    /// How many more abandoned calls the period can take, with no more connected calls, and stay
    /// within the limit (each abandoned call adds to the live answers too). Zero at the start of a
    /// period: one abandoned call out of one live answer is 100%.
    /// </summary>
    public int Headroom { get; }

    /// <summary>
    /// True when the next abandoned call would break the limit: the dialer must stop predictive
    /// (over-)dialling and dial only when an agent is free, until connected calls restore headroom.
    /// </summary>
    public bool PausePredictive => Headroom < 1;

    /// <inheritdoc />
    public override string ToString()
        => string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1}: {2} abandoned{3}, {4} connected, rate {5}; headroom {6}{7}",
            Limit.RuleId,
            Campaign,
            Abandoned,
            EstimatedFalsePositives > 0m ? $" + {EstimatedFalsePositives:0.##} estimated AMD false positives" : string.Empty,
            Connected,
            Rate is { } r ? r.ToString("P2", CultureInfo.InvariantCulture) : "n/a",
            Headroom,
            PausePredictive ? "; pause predictive dialling" : string.Empty);
}
