using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// What a rule sees when it decides: the request and the person's attempt history. A value type,
/// passed by reference, so that a check allocates nothing.
/// </summary>
public readonly struct EvaluationContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="history">The person's attempts, oldest first.</param>
    public EvaluationContext(ContactRequest request, ContactHistory history)
    {
        Request = request;
        History = history;
    }

    /// <summary>The contact to be made.</summary>
    public ContactRequest Request { get; }

    /// <summary>The person's attempts, oldest first.</summary>
    public ContactHistory History { get; }

    /// <summary>The called person's candidate zones.</summary>
    public ImmutableArray<DateTimeZone> Zones => Request.Contact.TimeZones;
}
