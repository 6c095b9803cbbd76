using System.IO;
using System.Linq;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Output;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Cli.Audit;

/// <summary>
/// Writes <c>violations.csv</c>: one row per call that broke at least one rule (its own, or a
/// campaign-level rule that names it, such as an abandoned call above the campaign's rate), in the order of
/// the log's lines, with the whole number (the compliance officer must find the call; the file
/// is as sensitive as the log it comes from).
/// </summary>
/// <remarks>
/// Columns: <c>line</c> (of the log), <c>instant</c> (UTC), <c>localTime</c> (the same instant
/// with the offset of the person's first candidate zone), <c>number</c>, <c>contactId</c>,
/// <c>caller</c>, <c>subcontractor</c>, <c>campaign</c>, <c>subject</c>, <c>outcome</c>,
/// <c>rules</c> (every rule broken, ids joined by <c>;</c>), <c>reasons</c> (each rule's reason
/// and citation, joined by <c> | </c>), <c>nextPermittedAt</c> (the earliest instant the call
/// would have been allowed, empty when waiting would not have helped or when only a
/// campaign-level rule names the call: the rate is the campaign's, not the person's).
/// </remarks>
internal static class ViolationsFile
{
    internal const string Header = "line,instant,localTime,number,contactId,caller,subcontractor,campaign,subject,outcome,rules,reasons,nextPermittedAt";

    internal static void Write(string path, AuditResult result)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var csv = new CsvWriter(stream);
        csv.Header(Header);
        foreach (var row in result.Rows.Where(r => r.IsListed).OrderBy(r => r.Line))
        {
            var decision = row.Decision!;
            var rules = row.IsViolation ? DecisionText.Rules(decision) : string.Empty;
            var reasons = row.IsViolation ? DecisionText.Reasons(decision) : string.Empty;
            foreach (var finding in row.CampaignFindings)
            {
                rules = rules.Length == 0 ? finding.RuleId : $"{rules};{finding.RuleId}";
                var reason = $"{finding.RuleId}: {finding.Reason} ({finding.Citation})";
                reasons = reasons.Length == 0 ? reason : $"{reasons} | {reason}";
            }

            csv.Field(row.Line);
            csv.Field(DecisionWriter.Format(row.At));
            csv.Field(Local(row.At, row.Person));
            csv.Field(row.Number);
            csv.Field(row.Person.Key == row.Number ? null : row.Person.Key);
            csv.Field(row.Caller);
            csv.Field(row.Subcontractor);
            csv.Field(row.Campaign);
            csv.Field(row.Subject);
            csv.Field(EnumText<AttemptOutcome>.Format(row.Outcome));
            csv.Field(rules);
            csv.Field(reasons);
            csv.Field(row.IsViolation && decision.NextPermittedAt is { } next ? DecisionWriter.Format(next) : null);
            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>The instant with the offset of the person's zone; UTC when no zone is known.</summary>
    internal static string Local(Instant at, AuditPerson person) => DecisionText.Local(at, person.Zone);
}
