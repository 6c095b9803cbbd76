using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ContactRules.Auditing;
using ContactRules.Cli.Evaluate;
using NodaTime;

namespace ContactRules.Cli.Audit;

/// <summary>
/// Judges each campaign's abandoned-call rate with the core's <see cref="AbandonedCallMonitor"/>:
/// every call of the log is recorded with its outcome, and every measuring period of the limit
/// is asked whether its rate exceeded the limit. Each breach is one finding, naming the
/// abandoned calls of the breaching period (the calls that lost the rule's safe harbour).
/// </summary>
/// <remarks>
/// <para>
/// Successive periods (US-ABN-01): each 30-day period from the campaign's first call is asked
/// once, when the log has been read. Trailing periods (UK-ABN-01): the rate of the 24 hours ending
/// at each instant a counted call was placed, <c>(t − 24 h, t]</c>, once every call placed at
/// that instant is recorded: the rate a dialer asking the monitor saw as it dialled. Windows
/// between calls are not asked about: a window that starts just after the connected calls and
/// ends after an abandoned one would make every campaign's last abandoned call a 100% rate. A
/// run of breaching windows (with no window within the limit between them) is one finding,
/// from the first window's start to the last window's end, with the highest rate seen.
/// </para>
/// <para>
/// Only voice calls count (an abandoned call is a voice call answered by a person and left
/// without an agent); for a limit that governs telemarketing only (US), only marketing calls.
/// Calls with no campaign are measured together, as one campaign named "(no campaign)": the law
/// measures per campaign, and a log that does not say which is the one of the calls cannot be
/// split on a guess.
/// </para>
/// </remarks>
internal sealed class AbandonedRateCheck : ICampaignCheck
{
    internal const string NoCampaign = "(no campaign)";

    private readonly AbandonedCallMonitor monitor;
    private readonly bool marketingOnly;
    private readonly Dictionary<string, CampaignState> campaigns = new(StringComparer.Ordinal);
    private readonly List<CampaignFinding> findings = new();

    /// <param name="limit">The limit.</param>
    /// <param name="marketingOnly">True when the limit governs telemarketing calls only.</param>
    internal AbandonedRateCheck(AbandonmentLimit limit, bool marketingOnly)
    {
        monitor = new AbandonedCallMonitor(limit);
        this.marketingOnly = marketingOnly;
    }

    public string RuleId => monitor.Limit.RuleId;

    private AbandonmentLimit Limit => monitor.Limit;

    public void Observe(LoggedCall call, long line)
    {
        var request = call.Request;
        if (request.Channel != ContactChannel.Voice || (marketingOnly && request.Purpose != ContactPurpose.Marketing) || call.Outcome == AttemptOutcome.Reserved)
        {
            return;
        }

        var campaign = string.IsNullOrEmpty(request.Campaign) ? NoCampaign : request.Campaign!;
        if (!campaigns.TryGetValue(campaign, out var state))
        {
            state = new CampaignState(campaign);
            campaigns.Add(campaign, state);
        }

        if (Limit.IsTrailing)
        {
            // Every instant before this call is complete: ask about those still waiting.
            AskTrailing(state, before: call.At);
            monitor.Record(campaign, call.At, call.Outcome);
            if (call.Outcome is AttemptOutcome.Conversation or AttemptOutcome.Refused or AttemptOutcome.Abandoned or AttemptOutcome.Machine)
            {
                state.Pending.Add(call.At);
            }

            if (call.Outcome == AttemptOutcome.Abandoned)
            {
                state.Abandoned.Add((call.At, line));
            }

            return;
        }

        monitor.Record(campaign, call.At, call.Outcome);
        var start = monitor.Status(campaign, call.At).PeriodStart!.Value;
        if (!state.Periods.TryGetValue(start, out var period))
        {
            period = new Period(call.At);
            state.Periods.Add(start, period);
        }

        if (call.Outcome == AttemptOutcome.Abandoned)
        {
            period.AbandonedLines.Add(line);
        }
    }

    public IReadOnlyList<CampaignFinding> Findings()
    {
        foreach (var state in campaigns.Values.OrderBy(s => s.Campaign, StringComparer.Ordinal))
        {
            if (Limit.IsTrailing)
            {
                AskTrailing(state, before: null);
                CloseBreach(state);
                continue;
            }

            foreach (var period in state.Periods.Values)
            {
                var status = monitor.Status(state.Campaign, period.Probe);
                if (status.IsExceeded)
                {
                    findings.Add(Finding(status, status.PeriodStart!.Value, status.PeriodEnd!.Value, period.AbandonedLines.ToImmutableArray(), $"the {Days(Limit.Period)} period from {Format(status.PeriodStart!.Value)} to {Format(status.PeriodEnd!.Value)} (exclusive)"));
                }
            }
        }

        var result = findings.ToList();
        findings.Clear();
        return result;
    }

    private void AskTrailing(CampaignState state, Instant? before)
    {
        while (state.Pending.Count > 0 && (before is not { } limit || state.Pending.Min < limit))
        {
            var at = state.Pending.Min;
            state.Pending.Remove(at);
            var status = monitor.Status(state.Campaign, at);
            var from = at - Limit.Period;
            state.Abandoned.RemoveAll(c => c.At <= from);
            if (!status.IsExceeded)
            {
                CloseBreach(state);
                continue;
            }

            var breach = state.Breach ??= new Breach(from);
            breach.To = at;
            if (breach.Worst is null || status.Rate > breach.Worst.Rate)
            {
                breach.Worst = status;
            }

            foreach (var (callAt, line) in state.Abandoned)
            {
                if (callAt > from && callAt <= at)
                {
                    breach.Lines.Add(line);
                }
            }
        }
    }

    private void CloseBreach(CampaignState state)
    {
        if (state.Breach is not { Worst: { } worst } breach)
        {
            return;
        }

        state.Breach = null;
        findings.Add(Finding(
            worst,
            breach.From,
            breach.To,
            breach.Lines.ToImmutableArray(),
            $"the 24 hours from {Format(worst.PeriodStart!.Value)} (exclusive) to {Format(worst.PeriodEnd!.Value)}, the worst of the windows above the limit between {Format(breach.From)} and {Format(breach.To)}"));
    }

    private CampaignFinding Finding(AbandonmentStatus status, Instant from, Instant to, ImmutableArray<long> lines, string period)
    {
        var live = status.Abandoned + status.Connected;
        var estimate = status.EstimatedFalsePositives > 0m
            ? string.Create(CultureInfo.InvariantCulture, $" plus {status.EstimatedFalsePositives:0.##} estimated answering-machine false positives (of {status.MachineDetected} machine-detected calls)")
            : string.Empty;
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"campaign '{status.Campaign}' abandoned {status.Abandoned} of {live} calls answered by a person{estimate} in {period}: a rate of {Percent(status.Rate!.Value, "0.00")}, above the {Percent(Limit.MaxRate, "0.##")} allowed. {Limit.Description}");
        return new CampaignFinding(Limit.RuleId, Limit.Citation, status.Campaign, from, to, reason) { Lines = lines, Description = Limit.Description };
    }

    private static string Percent(decimal share, string format) => (share * 100m).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static string Format(Instant instant) => DecisionWriter.Format(instant);

    private static string Days(Duration period) => $"{period.TotalDays.ToString(CultureInfo.InvariantCulture)}-day";

    private sealed class CampaignState
    {
        internal CampaignState(string campaign)
        {
            Campaign = campaign;
        }

        internal string Campaign { get; }

        /// <summary>Successive periods, by start: an instant within each, and its abandoned calls.</summary>
        internal SortedDictionary<Instant, Period> Periods { get; } = new();

        /// <summary>Trailing: the instants still to ask about.</summary>
        internal SortedSet<Instant> Pending { get; } = new();

        /// <summary>Trailing: the abandoned calls of the last two periods.</summary>
        internal List<(Instant At, long Line)> Abandoned { get; } = new();

        /// <summary>Trailing: the breach being extended, if any.</summary>
        internal Breach? Breach { get; set; }
    }

    private sealed class Period
    {
        internal Period(Instant probe)
        {
            Probe = probe;
        }

        internal Instant Probe { get; }

        internal List<long> AbandonedLines { get; } = new();
    }

    private sealed class Breach
    {
        internal Breach(Instant from)
        {
            From = from;
        }

        internal Instant From { get; }

        internal Instant To { get; set; }

        internal AbandonmentStatus? Worst { get; set; }

        internal SortedSet<long> Lines { get; } = new();
    }
}
