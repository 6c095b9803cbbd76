using System;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// A legal limit on a campaign's abandoned calls (live people answered and left without an
/// agent): the highest share allowed, the period it is measured over, and whether an estimate of
/// answering-machine-detection false positives is added. The rate is
/// <c>(abandoned + estimate) / (abandoned + estimate + connected)</c>, where connected calls are
/// live answers that reached an agent; machine answers, unanswered calls, busy lines and numbers
/// not in service are left out.
/// </summary>
public sealed class AbandonmentLimit
{
    private AbandonmentLimit(string ruleId, string citation, string description, decimal maxRate, Duration period, bool trailing, decimal amdFalsePositiveRate)
    {
        RuleId = ruleId;
        Citation = citation;
        Description = description;
        MaxRate = maxRate;
        Period = period;
        IsTrailing = trailing;
        AmdFalsePositiveRate = amdFalsePositiveRate;
    }

    /// <summary>The rule id from the rules catalogue.</summary>
    public string RuleId { get; }

    /// <summary>The legal citation.</summary>
    public string Citation { get; }

    /// <summary>What the limit is, in one sentence.</summary>
    public string Description { get; }

    /// <summary>The highest abandoned share allowed, inclusive (0.03 for 3%).</summary>
    public decimal MaxRate { get; }

    /// <summary>The length of the measuring period.</summary>
    public Duration Period { get; }

    /// <summary>
    /// True when the rate is measured over the period that ends at the instant asked about (UK:
    /// any 24 hours); false when it is measured over successive periods from the campaign's first
    /// call (US: each 30-day period separately).
    /// </summary>
    public bool IsTrailing { get; }

    /// <summary>
    /// The share of machine-detected calls that were in fact live people (AMD false positives),
    /// added to the abandoned calls as an estimate; zero when the regime does not ask for it.
    /// </summary>
    public decimal AmdFalsePositiveRate { get; }

    /// <summary>
    /// US-ABN-01: at most 3% of the calls answered by a live person abandoned (not connected to
    /// a sales representative within 2 seconds of the greeting), measured per campaign over each
    /// successive 30-day period from its first call (30 × 24 hours, a reading of "30-day period").
    /// </summary>
    public static AbandonmentLimit UnitedStates { get; } = new AbandonmentLimit(
        "US-ABN-01",
        "47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4)(i)",
        "No more than 3% of the telemarketing calls answered by a live person may be abandoned, measured per calling campaign over a 30-day period, and separately over each successive 30-day period of a longer campaign.",
        0.03m,
        Duration.FromDays(30),
        trailing: false,
        0m);

    /// <summary>
    /// UK-ABN-01: at most 3% abandoned of abandoned plus live calls per campaign over any 24 hours,
    /// with a reasoned estimate of AMD false positives added to the abandoned calls. Since 1 March
    /// 2017 Ofcom treats any abandoned call as possible misuse: 3% is a ceiling, not a safe harbour.
    /// </summary>
    /// <param name="amdFalsePositiveRate">
    /// The caller's reasoned estimate of the share of machine-detected calls that reached a live
    /// person, between 0 and 1 (vendor figures alone are not accepted by Ofcom).
    /// </param>
    /// <returns>The limit.</returns>
    public static AbandonmentLimit UnitedKingdom(decimal amdFalsePositiveRate)
    {
        if (amdFalsePositiveRate < 0m || amdFalsePositiveRate > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(amdFalsePositiveRate), amdFalsePositiveRate, "The AMD false-positive estimate is a share between 0 and 1.");
        }

        return new AbandonmentLimit(
            "UK-ABN-01",
            "Ofcom, Persistent Misuse statement (2016, in force 1 March 2017) and its 2006/2008/2010 predecessors",
            "No more than 3% abandoned calls, abandoned / (abandoned + live), per campaign over any 24 hours, with a reasoned estimate of AMD false positives counted as abandoned; any abandoned call may still be misuse.",
            0.03m,
            Duration.FromHours(24),
            trailing: true,
            amdFalsePositiveRate);
    }

    /// <summary>A custom limit, for a regime the catalogue does not name.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="citation">The legal citation.</param>
    /// <param name="maxRate">The highest share allowed, inclusive, between 0 and 1 exclusive.</param>
    /// <param name="period">The measuring period; positive.</param>
    /// <param name="trailing">True for the period ending at each instant, false for successive periods from the first call.</param>
    /// <param name="amdFalsePositiveRate">The AMD false-positive estimate to add, between 0 and 1.</param>
    /// <returns>The limit.</returns>
    public static AbandonmentLimit Custom(string ruleId, string citation, decimal maxRate, Duration period, bool trailing, decimal amdFalsePositiveRate)
    {
        Preconditions.CheckNotEmpty(ruleId, nameof(ruleId));
        Preconditions.CheckNotEmpty(citation, nameof(citation));
        if (maxRate <= 0m || maxRate >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRate), maxRate, "The highest abandoned share is a number between 0 and 1, for example 0.03.");
        }

        if (period <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The measuring period must be longer than zero.");
        }

        if (amdFalsePositiveRate < 0m || amdFalsePositiveRate > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(amdFalsePositiveRate), amdFalsePositiveRate, "The AMD false-positive estimate is a share between 0 and 1.");
        }

        return new AbandonmentLimit(ruleId, citation, $"At most {maxRate:P1} abandoned per {DurationText.Of(period)}.", maxRate, period, trailing, amdFalsePositiveRate);
    }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId}: at most {MaxRate:P1} per {(IsTrailing ? "any " : "successive ")}{DurationText.Of(Period)}";
}
