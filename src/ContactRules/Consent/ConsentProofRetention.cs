using System.Collections.Generic;
using System.Globalization;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// An advisory rule: it never refuses, and tells the caller until when to keep the proof of the
/// consent a contact relies on (Germany, UWG § 7a: 5 years from the grant and from each use;
/// France, R223-2: 3 years from the collection).
/// </summary>
/// <remarks>
/// For every consent that counts for the request at the instant of the contact (under the
/// rule's <see cref="ConsentReading"/>), the decision carries an advisory whose
/// <see cref="ContactAdvisory.Deadline"/> is the end of the UTC date <see cref="RetentionYears"/>
/// years after the grant, or after the later of the grant and this use when
/// <see cref="FromEachUse"/>: a consent used on 10 March 2026 under § 7a must be kept until
/// 11 March 2031 00:00 UTC. Ending at the end of the day, not at the instant, keeps the date
/// whole and makes 29 February roll forward rather than back. The advisory is given on every
/// evaluation (a refused contact is not a use, so its date is then later than needed, never
/// earlier).
/// </remarks>
public sealed class ConsentProofRetention : ContactRule, IAdvisingRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="retentionYears">Years to keep the proof after the grant (and after each use when <see cref="FromEachUse"/>); at least 1.</param>
    public ConsentProofRetention(RuleMetadata metadata, int retentionYears)
        : base(metadata, RuleKind.Consent)
    {
        RetentionYears = Preconditions.CheckPositive(retentionYears, nameof(retentionYears));
    }

    /// <summary>Years to keep the proof after the grant (and after each use when <see cref="FromEachUse"/>).</summary>
    public int RetentionYears { get; }

    /// <summary>
    /// The retention clock restarts at every use of the consent (UWG § 7a); true by default.
    /// False: it runs from the grant only (France, R223-2: 3 years from the collection).
    /// </summary>
    public bool FromEachUse { get; init; } = true;

    /// <summary>Which consents count for the request, and when; <see cref="ConsentReading.Plain"/> by default.</summary>
    public ConsentReading ConsentReading { get; init; } = ConsentReading.Plain;

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => FromEachUse
        ? $"advisory: keep the proof of consent {RetentionYears} years after its grant and after each use"
        : $"advisory: keep the proof of consent {RetentionYears} years after its grant";

    /// <summary>
    /// The instant until which the proof of <paramref name="consent"/> must be kept when it is
    /// used at <paramref name="use"/>: the end of the UTC date <see cref="RetentionYears"/> years
    /// after the grant, or after the later of the grant and the use when <see cref="FromEachUse"/>.
    /// </summary>
    /// <param name="consent">The consent relied on.</param>
    /// <param name="use">The instant of the contact that uses it.</param>
    /// <returns>The instant (exclusive) until which to keep the proof.</returns>
    public Instant RetainUntil(ConsentRecord consent, Instant use)
    {
        Preconditions.CheckNotNull(consent, nameof(consent));
        var from = FromEachUse && use > consent.GrantedAt ? use : consent.GrantedAt;
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
        foreach (var consent in context.Request.Consents)
        {
            if (!ConsentReading.CountsAt(consent, context, instant, ConsentFilter.Any))
            {
                continue;
            }

            var until = RetainUntil(consent, instant);
            advisories.Add(new ContactAdvisory(Id, until, () => Message(consent, until)));
        }
    }

    private string Message(ConsentRecord consent, Instant until)
    {
        var which = consent.Id is { } id ? $"consent '{id}'" : $"the consent granted at {consent.GrantedAt}";
        var lastDay = until.InUtc().Date.PlusDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = FromEachUse ? "from its grant and from this use" : "from its collection";
        return $"Keep the proof of {which} until the end of {lastDay} (UTC): {RetentionYears} years {from} ({Citation}).";
    }
}
