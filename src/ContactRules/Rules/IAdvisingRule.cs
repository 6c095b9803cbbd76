using System.Collections.Generic;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// A rule that, besides allowing or refusing, tells the caller something it must do: meet a
/// deadline, keep a record until a date.
/// </summary>
public interface IAdvisingRule
{
    /// <summary>Adds the rule's advisories for a contact at <paramref name="instant"/>.</summary>
    /// <param name="context">The request and history.</param>
    /// <param name="instant">The instant of the contact.</param>
    /// <param name="advisories">Where to add them.</param>
    void AddAdvisories(in EvaluationContext context, Instant instant, ICollection<ContactAdvisory> advisories);
}
