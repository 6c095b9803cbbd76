using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact about a banned subject, whatever the consent: France's ban on telephone
/// canvassing for energy renovation, renewable energy and home adaptation (Code de la
/// consommation, art. L223-1). The subject is what the caller declares in
/// <see cref="ContactRequest.Subject"/>.
/// </summary>
/// <remarks>
/// <para>
/// A request is about a banned subject when its <see cref="ContactRequest.Subject"/> equals one
/// of <see cref="Subjects"/>, or starts with one of them followed by <c>/</c>, ignoring case:
/// with the subject <c>energy-renovation</c> banned, <c>energy-renovation</c> and
/// <c>energy-renovation/heat-pumps-2026</c> are refused, <c>energy-supply</c> is not. A request
/// without a subject is not refused: ContactRules cannot tell what an offer is about, so a caller
/// canvassing in a banned sector must say so.
/// </para>
/// <para>
/// Waiting never lifts the ban; only the rule's exemptions (a contract in progress) and its dates
/// in force do. Reported with kind <see cref="RuleKind.Consent"/>, as the rules catalogue
/// classes sector bans.
/// </para>
/// </remarks>
public sealed class SubjectBan : ContactRule
{
    /// <summary>Creates a subject ban.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="subjects">The banned subject codes, for example <c>energy-renovation</c>; at least one.</param>
    /// <exception cref="ArgumentException">No subject is given, or one is empty or contains <c>/</c>.</exception>
    public SubjectBan(RuleMetadata metadata, IEnumerable<string> subjects)
        : base(metadata, RuleKind.Consent)
    {
        Subjects = SubjectCodes.Check(subjects, nameof(subjects), "A subject ban");
    }

    /// <summary>The banned subject codes.</summary>
    public ImmutableArray<string> Subjects { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => $"no contact whose subject is {string.Join(", ", Subjects)} (or a sub-subject such as {Subjects[0]}/...)";

    /// <summary>The banned code that <paramref name="subject"/> falls under, or null when it falls under none.</summary>
    /// <param name="subject">A request's subject; null for none.</param>
    /// <returns>The banned code, or null.</returns>
    public string? BannedCodeOf(string? subject) => SubjectCodes.Match(Subjects, subject);

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
        => BannedCodeOf(context.Request.Subject) is null ? instant : null;

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
        => $"The contact's subject '{context.Request.Subject}' falls under '{BannedCodeOf(context.Request.Subject)}', a sector in which telephone canvassing is banned.";
}
