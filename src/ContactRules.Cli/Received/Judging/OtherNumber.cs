using ContactRules.Cli.Received.People;

namespace ContactRules.Cli.Received.Judging;

/// <summary>A number that called or texted but is not marked as selling: counted, not judged, listed apart so that the person can mark it.</summary>
internal sealed class OtherNumber
{
    internal OtherNumber(CallingNumber number)
    {
        Number = number;
    }

    internal CallingNumber Number { get; }

    internal int Calls { get; set; }

    internal int Messages { get; set; }

    /// <summary>The number is one of the person's contacts (Android exports say so).</summary>
    internal bool KnownContact { get; set; }

    /// <summary>The callers file names it, marked selling=no.</summary>
    internal string? NamedAs { get; set; }
}
