using System.Collections.Generic;
using NodaTime;

namespace ContactRules.Testing;

/// <summary>The attempts already made to the person, as the rules count them.</summary>
public static class Attempts
{
    /// <summary>
    /// An attempt at <paramref name="at"/>: by default an unanswered voice marketing call on
    /// behalf of <see cref="Requests.Acme"/>, with no subject.
    /// </summary>
    public static ContactAttempt Attempt(
        Instant at,
        AttemptOutcome outcome = AttemptOutcome.NoAnswer,
        ContactPurpose purpose = ContactPurpose.Marketing,
        string? subject = null,
        string? caller = Requests.Acme,
        ContactChannel channel = ContactChannel.Voice)
        => new ContactAttempt(at, outcome, channel, purpose) { Subject = subject, Caller = caller };

    /// <summary>The person's history made of these attempts.</summary>
    public static ContactHistory History(params ContactAttempt[] attempts) => ContactHistory.Create(attempts);

    /// <summary>The person's history made of these attempts.</summary>
    public static ContactHistory History(IEnumerable<ContactAttempt> attempts) => ContactHistory.Create(attempts);
}
