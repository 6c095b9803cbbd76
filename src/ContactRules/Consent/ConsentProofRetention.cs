using System.Collections.Generic;
using System.Globalization;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// An advisory rule: it never refuses, and tells the caller until when to keep the proof of the
/// consent a contact relies on (Germany, UWG § 7a: 5 years from the grant and from each use).
/// </summary>
/// <remarks>
/// For every consent that covers the request and holds at the instant of the contact, the
/// decision carries an advisory whose <see cref="ContactAdvisory.Deadline"/> is the end of the
/// UTC date <see cref="RetentionYears"/> years after the later of the grant and this use: a
/// consent used on 10 March 2026 must be kept until 11 March 2031 00:00 UTC. Ending at the end of
/// the day, not at the instant, keeps the date whole and makes 29 February roll forward rather
/// than back. The advisory is given on every evaluation (a refused contact is not a use, so its
/// date is then later than needed, never earlier).
/// </remarks>
public sealed class ConsentProofRetention : ContactRule, IAdvisingRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="retentionYears">Years to keep the proof after the grant and after each use; at least 1.</param>
    public ConsentProofRetention(RuleMetadata metadata, int retentionYears)
        : base(metadata, RuleKind.Consent)
    {
        RetentionYears = Preconditions.CheckPositive(retentionYears, nameof(retentionYears));
    }

    /// <summary>Years to keep the proof after the grant and after each use.</summary>
    public int RetentionYears { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => $"advisory: keep the proof of consent {RetentionYears} years after its grant and after each use";

    /// <summary>
    /// The instant until which the proof of <paramref name="consent"/> must be kept when it is
    /// used at <paramref name="use"/>: the end of the UTC date <see cref="RetentionYears"/> years
    /// after the later of the grant and the use.
    /// </summary>
    /// <param name="consent">The consent relied on.</param>
    /// <param name="use">The instant of the contact that uses it.</param>
    /// <returns>The instant (exclusive) until which to keep the proof.</returns>
    public Instant RetainUntil(ConsentRecord consent, Instant use)
    {
        Preconditions.CheckNotNull(consent, nameof(consent));
        var from = consent.GrantedAt > use ? consent.GrantedAt : use;
        return from.InUtc().Date.PlusYears(RetentionYears).PlusDays(1).AtMidnight().InUtc().ToInstant();
    }

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant) => instant;

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
        => "This rule never refuses a contact: it says how long to keep the proof of consent.";

    /// <inheritdoc />
    public void AddAdvisories(in EvaluationContext context, Instant instant, ICollection<ContactAdvisory> advisories)
    {
        Preconditions.CheckNotNull(advisories, nameof(advisories));
        var request = context.Request;
        foreach (var consent in request.Consents)
        {
            if (!consent.Covers(request) || !consent.IsValidAt(instant))
            {
                continue;
            }

            var until = RetainUntil(consent, instant);
            var which = consent.Id is { } id ? $"consent '{id}'" : $"the consent granted at {consent.GrantedAt}";
            var lastDay = until.InUtc().Date.PlusDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            advisories.Add(new ContactAdvisory(
                Id,
                $"Keep the proof of {which} until the end of {lastDay} (UTC): {RetentionYears} years from its grant and from this use ({Citation}).",
                until));
        }
    }
}
