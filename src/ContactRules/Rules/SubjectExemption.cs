using System.Collections.Generic;
using System.Collections.Immutable;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact whose declared subject (<see cref="ContactRequest.Subject"/>) falls under
/// one of the exemption's codes: the code itself or a sub-subject such as <c>press/daily-news</c>,
/// ignoring case (France, L223-5: canvassing for newspapers, periodicals and magazines).
/// </summary>
/// <remarks>
/// A request without a subject is not exempt: the caller who relies on the exemption must say
/// what the contact is about.
/// </remarks>
public sealed class SubjectExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="subjects">The exempt subject codes; at least one, none empty or containing <c>/</c>.</param>
    /// <param name="description">What the exemption is, in plain words.</param>
    public SubjectExemption(IEnumerable<string> subjects, string description)
        : base(description)
    {
        Subjects = SubjectCodes.Check(subjects, nameof(subjects), "A subject exemption");
    }

    /// <summary>The exempt subject codes.</summary>
    public ImmutableArray<string> Subjects { get; }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
        => SubjectCodes.Match(Subjects, context.Request.Subject) is null ? null : instant;
}
