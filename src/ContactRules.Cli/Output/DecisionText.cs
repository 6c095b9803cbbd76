using System.Linq;
using ContactRules.Cli.Evaluate;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Cli.Output;

/// <summary>How the CSV files of audit and scrub spell a decision's parts, in one way for both.</summary>
internal static class DecisionText
{
    private static readonly OffsetDateTimePattern LocalPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<Z+HH:mm>");

    /// <summary>Every refusing rule's id, joined by <c>;</c>.</summary>
    internal static string Rules(ContactDecision decision) => string.Join(";", decision.Violations.Select(v => v.RuleId));

    /// <summary>Every refusing rule's id, reason and citation, joined by <c> | </c>.</summary>
    internal static string Reasons(ContactDecision decision)
        => string.Join(" | ", decision.Violations.Select(v => $"{v.RuleId}: {v.Reason} ({v.Citation})"));

    /// <summary>An instant in UTC, as the evaluate contract writes it.</summary>
    internal static string Utc(Instant instant) => DecisionWriter.Format(instant);

    /// <summary>
    /// The instant with the offset it has in <paramref name="zone"/> (<c>2026-03-09T10:00:00+01:00</c>):
    /// exact, and readable as the person's local time.
    /// </summary>
    internal static string Local(Instant instant, DateTimeZone zone) => LocalPattern.Format(instant.InZone(zone).ToOffsetDateTime());
}
