using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Auditing;

/// <summary>
/// One contact that was made, as a call log records it: what was asked, when, and how it ended.
/// </summary>
public sealed class LoggedCall
{
    /// <summary>Creates a logged call.</summary>
    /// <param name="request">Who was contacted, through which channel, for what, on whose behalf.</param>
    /// <param name="at">When the call was placed.</param>
    /// <param name="outcome">How it ended.</param>
    public LoggedCall(ContactRequest request, Instant at, AttemptOutcome outcome)
    {
        Request = Preconditions.CheckNotNull(request, nameof(request));
        At = at;
        Outcome = outcome;
    }

    /// <summary>Who was contacted, through which channel, for what, on whose behalf.</summary>
    public ContactRequest Request { get; }

    /// <summary>When the call was placed.</summary>
    public Instant At { get; }

    /// <summary>How the call ended.</summary>
    public AttemptOutcome Outcome { get; }

    /// <summary>The call as an attempt in the person's history.</summary>
    public ContactAttempt ToAttempt()
        => new ContactAttempt(At, Outcome, Request.Channel, Request.Purpose) { Subject = Request.Subject, Caller = Request.Caller };
}
