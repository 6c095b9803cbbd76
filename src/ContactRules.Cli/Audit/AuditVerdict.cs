using System.Collections.Generic;
using System.Globalization;
using ContactRules.Cli.Help;

namespace ContactRules.Cli.Audit;

/// <summary>
/// What an audit may conclude, said once for the console, the report and the exit code: "no
/// breach" only when every row was read (and every consent, and the ledger) and no call and no
/// campaign broke a rule; otherwise what broke a rule, and what was not judged.
/// </summary>
internal sealed class AuditVerdict
{
    private AuditVerdict(int exitCode, string headline, IReadOnlyList<string> notJudged)
    {
        ExitCode = exitCode;
        Headline = headline;
        NotJudged = notJudged;
    }

    /// <summary>The exit code: 0, 1, 2 or 3 (the highest that applies).</summary>
    internal int ExitCode { get; }

    /// <summary>True only when everything was read and nothing broke a rule.</summary>
    internal bool IsClean => ExitCode == ExitCodes.Ok;

    /// <summary>True when a call or a campaign broke a rule.</summary>
    internal bool HasBreach { get; private init; }

    /// <summary>The verdict in one sentence.</summary>
    internal string Headline { get; }

    /// <summary>What could not be judged, one sentence each; empty when everything was.</summary>
    internal IReadOnlyList<string> NotJudged { get; }

    internal static AuditVerdict Of(AuditResult result)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        static string Calls(long n) => n == 1 ? "1 call" : $"{N(n)} calls";

        var notJudged = new List<string>();
        var code = ExitCodes.Ok;
        if (result.RowsInError > 0)
        {
            notJudged.Add($"{N(result.RowsInError)} row{(result.RowsInError == 1 ? " of the log was" : "s of the log were")} not read and not audited (input-errors.csv names each, with its line and column): whatever they hold is not judged.");
            code = ExitCodes.InputError;
        }

        if (result.ConsentRowsInError > 0)
        {
            notJudged.Add($"{N(result.ConsentRowsInError)} row{(result.ConsentRowsInError == 1 ? " of the consents file was" : "s of the consents file were")} not read: the calls they would cover were judged without them.");
            code = ExitCodes.InputError;
        }

        if (result.LedgerFailures > 0)
        {
            notJudged.Add($"the ledger could not be read for {N(result.LedgerFailures)} {(result.LedgerFailures == 1 ? "person" : "people")}: their calls were judged without its consents and opt-outs.");
            code = ExitCodes.StoreUnreadable;
        }

        var breaches = new List<string>();
        if (result.ListedCalls > 0)
        {
            breaches.Add($"{Calls(result.ListedCalls)} to {N(result.PeopleWithViolations)} {(result.PeopleWithViolations == 1 ? "person" : "people")} broke at least one rule");
        }

        if (result.CampaignFindings.Count > 0)
        {
            breaches.Add($"{N(result.CampaignFindings.Count)} campaign-level finding{(result.CampaignFindings.Count == 1 ? string.Empty : "s")} ({string.Join(", ", result.CampaignRuleIdsFound)})");
        }

        var breach = breaches.Count > 0;
        string headline;
        if (notJudged.Count == 0)
        {
            headline = breach
                ? $"BREACH: {string.Join("; ", breaches)}."
                : $"No breach: every row was read ({Calls(result.Rows.Count)}), and no call and no campaign broke a rule.";
            code = breach ? ExitCodes.Findings : ExitCodes.Ok;
        }
        else
        {
            headline = $"NOT JUDGED IN FULL: {string.Join(" ", notJudged)} Among the {Calls(result.Rows.Count)} read, "
                + (breach ? $"{string.Join("; ", breaches)}." : "no call and no campaign broke a rule, which says nothing of what was not read.");
        }

        return new AuditVerdict(code, headline, notJudged) { HasBreach = breach };
    }
}
