using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules;
using ContactRules.Auditing;
using NodaTime;

namespace ChurnCampaign;

/// <summary>
/// Runs the campaign twice over the same proposed calls and outcomes: as the dialers do without
/// ContactRules (every proposed call is placed), and through a <see cref="ContactGate"/> (a call
/// is placed only with a permit, and a refused customer is left alone until the decision's next
/// permitted instant). Both runs are then audited with the same policy.
/// </summary>
internal static class Simulation
{
    public static CampaignRun WithoutContactRules(CampaignModel model, ContactPolicy policy, Action<double> progress)
    {
        var placed = model.Proposals.Select(p => (p.Customer, p.At, p.Subcontractor, p.Outcome));
        return Audit("without ContactRules", model, policy, placed, ImmutableSortedDictionary<string, int>.Empty, progress);
    }

    public static CampaignRun ThroughGate(CampaignModel model, ContactPolicy policy, Func<IClock, ContactGate> gateOn, Action<double> progress)
    {
        var clock = new ReplayClock(model.Proposals.Length == 0 ? Instant.FromUtc(2026, 6, 1, 0, 0) : model.Proposals[0].At);
        var gate = gateOn(clock);
        var waitUntil = new Instant?[model.Customers.Length];
        var never = new bool[model.Customers.Length];
        var refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var placed = new List<(int, Instant, string, AttemptOutcome)>();

        for (var i = 0; i < model.Proposals.Length; i++)
        {
            var proposal = model.Proposals[i];
            if (never[proposal.Customer] || (waitUntil[proposal.Customer] is { } until && proposal.At < until))
            {
                continue;
            }

            clock.Now = proposal.At;
            var request = model.Customers[proposal.Customer].Request;
            if (gate.TryReserve(request, out var permit, out var decision))
            {
                permit.Complete(proposal.Outcome);
                placed.Add((proposal.Customer, proposal.At, proposal.Subcontractor, proposal.Outcome));
            }
            else
            {
                foreach (var violation in decision.Violations)
                {
                    refusals[violation.RuleId] = refusals.TryGetValue(violation.RuleId, out var n) ? n + 1 : 1;
                }

                waitUntil[proposal.Customer] = decision.NextPermittedAt;
                never[proposal.Customer] = decision.NextPermittedAt is null;
            }

            if ((i & 0x3FFF) == 0)
            {
                progress(0.5 * i / model.Proposals.Length);
            }
        }

        return Audit("with ContactRules", model, policy, placed, refusals.ToImmutableSortedDictionary(StringComparer.Ordinal), p => progress(0.5 + (0.5 * p)));
    }

    private static CampaignRun Audit(
        string name,
        CampaignModel model,
        ContactPolicy policy,
        IEnumerable<(int Customer, Instant At, string Subcontractor, AttemptOutcome Outcome)> calls,
        ImmutableSortedDictionary<string, int> refusals,
        Action<double> progress)
    {
        var auditor = new CallLogAuditor(policy);
        var list = calls as IReadOnlyCollection<(int, Instant, string, AttemptOutcome)> ?? calls.ToList();
        var audited = new List<PlacedCall>(list.Count);
        foreach (var (customer, at, subcontractor, outcome) in list)
        {
            var result = auditor.Audit(new LoggedCall(model.Customers[customer].Request, at, outcome));
            var broken = result.IsViolation ? result.Decision.Violations.Select(v => v.RuleId).ToImmutableArray() : ImmutableArray<string>.Empty;
            audited.Add(new PlacedCall(customer, at, subcontractor, outcome, broken));
            if ((audited.Count & 0x3FFF) == 0)
            {
                progress((double)audited.Count / list.Count);
            }
        }

        progress(1);
        return new CampaignRun(name, audited, refusals);
    }
}
