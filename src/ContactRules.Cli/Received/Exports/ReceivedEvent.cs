using NodaTime;

namespace ContactRules.Cli.Received.Exports;

/// <summary>
/// One call or message read from an export, as the phone recorded it: when, from which number as
/// the phone showed it, incoming or not, how it ended. The names the phone gave its own contacts
/// are never kept: the readers only note whether the number was one of them.
/// </summary>
internal sealed class ReceivedEvent
{
    internal ReceivedEvent(string file, string location, long order, Instant at, ReceivedKind kind, bool incoming, string? rawNumber)
    {
        File = file;
        Location = location;
        Order = order;
        At = at;
        Kind = kind;
        Incoming = incoming;
        RawNumber = rawNumber;
    }

    /// <summary>The export's file name, as given on the command line.</summary>
    internal string File { get; }

    /// <summary>Where in the file: <c>line 12</c>, <c>&lt;call&gt; on line 12</c>, <c>ZCALLRECORD row Z_PK 5</c>.</summary>
    internal string Location { get; }

    /// <summary>The position in the file, so that events at the same instant keep the file's order.</summary>
    internal long Order { get; }

    /// <summary>When the call started or the message arrived.</summary>
    internal Instant At { get; }

    internal ReceivedKind Kind { get; }

    /// <summary>True for incoming calls and received messages: the only ones judged.</summary>
    internal bool Incoming { get; }

    /// <summary>The number as the export gives it (national, international, with spaces, a sender name, or a hidden-caller marker); null when absent.</summary>
    internal string? RawNumber { get; }

    /// <summary>The phone said the caller withheld their number (Android <c>presentation</c> other than 1).</summary>
    internal bool Withheld { get; init; }

    /// <summary>The call's duration in seconds, when the export gives it.</summary>
    internal int? DurationSeconds { get; init; }

    /// <summary>How the call ended on the phone.</summary>
    internal CallAnswer Answer { get; init; } = CallAnswer.NotACall;

    /// <summary>The number was one of the person's contacts (the contact's name itself is never kept).</summary>
    internal bool KnownContact { get; init; }

    /// <summary>A message's text, when the export gives it.</summary>
    internal string? Text { get; init; }
}
