using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// A warning that does not refuse the contact: a legal deadline to meet, a record to keep, a
/// pattern that looks like harassment.
/// </summary>
public sealed class ContactAdvisory
{
    /// <summary>Creates an advisory.</summary>
    /// <param name="code">The rule id or advisory code it comes from.</param>
    /// <param name="message">What the caller should know or do, in plain words.</param>
    /// <param name="deadline">The instant by which to act, if any.</param>
    public ContactAdvisory(string code, string message, Instant? deadline = null)
    {
        Code = Preconditions.CheckNotEmpty(code, nameof(code));
        Message = Preconditions.CheckNotEmpty(message, nameof(message));
        Deadline = deadline;
    }

    /// <summary>The rule id or advisory code it comes from.</summary>
    public string Code { get; }

    /// <summary>What the caller should know or do.</summary>
    public string Message { get; }

    /// <summary>The instant by which to act, if any.</summary>
    public Instant? Deadline { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
