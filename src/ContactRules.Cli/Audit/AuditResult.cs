using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Rules;

namespace ContactRules.Cli.Audit;

/// <summary>What an audit found: every call with its decision, the people, the campaign findings.</summary>
internal sealed class AuditResult
{
    internal AuditResult(string file, ContactPolicy policy, IReadOnlyList<AuditRow> rows, IReadOnlyCollection<AuditPerson> people, IReadOnlyList<CampaignFinding> campaignFindings, long rowsInError)
    {
        File = file;
        Policy = policy;
        Rows = rows;
        People = people;
        CampaignFindings = campaignFindings;
        RowsInError = rowsInError;
        ViolatingCalls = rows.Count(r => r.IsViolation);
        PeopleWithViolations = people.Count(p => p.ViolatingCalls > 0);
        CallsByRule = rows.Where(r => r.IsViolation)
            .SelectMany(r => r.Decision!.Violations)
            .GroupBy(v => v.RuleId, System.StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), System.StringComparer.Ordinal);
    }

    /// <summary>The log's file name, as given.</summary>
    internal string File { get; }

    internal ContactPolicy Policy { get; }

    /// <summary>Every call read, in the order audited (time order, then line).</summary>
    internal IReadOnlyList<AuditRow> Rows { get; }

    internal IReadOnlyCollection<AuditPerson> People { get; }

    internal IReadOnlyList<CampaignFinding> CampaignFindings { get; }

    /// <summary>The campaign-level rules checked (none for a policy whose packs define none).</summary>
    internal IReadOnlyList<string> CampaignRuleIds { get; init; } = System.Array.Empty<string>();

    /// <summary>Rows that could not be read, and so were not audited.</summary>
    internal long RowsInError { get; }

    /// <summary>Calls that broke at least one rule.</summary>
    internal int ViolatingCalls { get; }

    internal int PeopleWithViolations { get; }

    /// <summary>For each rule id, how many calls broke it.</summary>
    internal ImmutableSortedDictionary<string, int> CallsByRule { get; }

    /// <summary>The rule with id <paramref name="id"/> in the policy, or null for the engine's own (<c>CORE-</c>) refusals.</summary>
    internal ContactRule? RuleOf(string id) => Policy.Rules.FirstOrDefault(r => r.Id == id);
}
