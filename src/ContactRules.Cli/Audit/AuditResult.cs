using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Reports;

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
        ListedCalls = rows.Count(r => r.IsListed);
        PeopleWithViolations = people.Count(p => p.ViolatingCalls > 0);

        // Every rule a call broke, its own or a campaign's that names it (an abandoned call above
        // the campaign's rate): a campaign breach is never shown as "no call broke a rule".
        CallsByRule = rows.Where(r => r.IsListed)
            .SelectMany(r => (r.IsViolation ? r.Decision!.Violations.Select(v => v.RuleId) : Enumerable.Empty<string>()).Concat(r.CampaignFindings.Select(f => f.RuleId)).Distinct(System.StringComparer.Ordinal))
            .GroupBy(id => id, System.StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), System.StringComparer.Ordinal);
        CampaignRuleIdsFound = campaignFindings.Select(f => f.RuleId).Distinct(System.StringComparer.Ordinal).ToList();
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

    /// <summary>Rows of the consents file that could not be read (their consents were not used).</summary>
    internal long ConsentRowsInError { get; init; }

    /// <summary>People for whom the ledger could not be read (their calls were judged without its facts).</summary>
    internal long LedgerFailures { get; init; }

    /// <summary>Calls that broke at least one rule of their own.</summary>
    internal int ViolatingCalls { get; }

    /// <summary>Calls that broke a rule of their own or are named by a campaign-level breach: the rows of violations.csv.</summary>
    internal int ListedCalls { get; }

    /// <summary>The campaign-level rules breached.</summary>
    internal IReadOnlyList<string> CampaignRuleIdsFound { get; }

    internal int PeopleWithViolations { get; }

    /// <summary>The verdict: what the audit may conclude, and its exit code.</summary>
    internal AuditVerdict Verdict => verdict ??= AuditVerdict.Of(this);

    /// <summary>For each rule id, how many calls broke it (campaign-level rules: the calls they name).</summary>
    internal ImmutableSortedDictionary<string, int> CallsByRule { get; }

    /// <summary>
    /// What the rule <paramref name="id"/> says and its citation, from the rule's metadata
    /// (<see cref="RuleText"/>): a rule of the policy, the engine's own refusal, or a campaign-level
    /// rule (its finding's limit).
    /// </summary>
    internal (string Description, string Citation) Describe(string id)
    {
        if (RuleText.Of(Policy, id) is { } text)
        {
            return text;
        }

        if (CampaignFindings.FirstOrDefault(f => f.RuleId == id) is { } finding)
        {
            return (finding.Description, finding.Citation);
        }

        // An id neither the policy nor the engine knows: its reason may name the person, and the report travels.
        var sample = Rows.Where(r => r.IsViolation).SelectMany(r => r.Decision!.Violations).First(v => v.RuleId == id);
        return ("A refusal of the engine itself.", sample.Citation);
    }

    private AuditVerdict? verdict;
}
