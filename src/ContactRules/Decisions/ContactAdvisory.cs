using ContactRules.Internal;
using NodaTime;

namespace ContactRules;

/// <summary>
/// A warning that does not refuse the contact: a legal deadline to meet, a record to keep, a
/// pattern that looks like harassment.
/// </summary>
public sealed class ContactAdvisory
{
    private System.Func<string>? write;
    private string? message;

    /// <summary>Creates an advisory.</summary>
    /// <param name="code">The rule id or advisory code it comes from.</param>
    /// <param name="message">What the caller should know or do, in plain words.</param>
    /// <param name="deadline">The instant by which to act, if any.</param>
    public ContactAdvisory(string code, string message, Instant? deadline = null)
    {
        Code = Preconditions.CheckNotEmpty(code, nameof(code));
        this.message = Preconditions.CheckNotEmpty(message, nameof(message));
        Deadline = deadline;
    }

    /// <summary>
    /// Creates an advisory whose message is written when first read: an advisory given on every
    /// allowed check (a proof to keep) then costs the dialer's hot path no formatting.
    /// </summary>
    internal ContactAdvisory(string code, Instant? deadline, System.Func<string> write)
    {
        Code = code;
        Deadline = deadline;
        this.write = write;
    }

    /// <summary>The rule id or advisory code it comes from.</summary>
    public string Code { get; }

    /// <summary>What the caller should know or do.</summary>
    public string Message
    {
        get
        {
            // Written at most once in practice; two threads racing write the same text.
            if (message is null)
            {
                message = Preconditions.CheckNotEmpty(write!(), nameof(Message));
                write = null;
            }

            return message;
        }
    }

    /// <summary>The instant by which to act, if any.</summary>
    public Instant? Deadline { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
