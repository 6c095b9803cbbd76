using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// A rule or exemption that reads the person's consent records, and says how it holds each one
/// at an instant: the one place where "which consents did this decision rely on" is answered
/// (<see cref="ContactPolicy.ConsentsReliedOn"/>), by the same reading the rule decides with.
/// </summary>
internal interface IReadsConsents
{
    /// <summary>How this rule or exemption holds <paramref name="consent"/> for the request at <paramref name="instant"/>.</summary>
    /// <param name="consent">One of the request's consents.</param>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <returns>Whether the consent counts, is not this rule's concern, or was ended by the law.</returns>
    ConsentStanding StandingOf(ConsentRecord consent, in EvaluationContext context, Instant instant);
}
