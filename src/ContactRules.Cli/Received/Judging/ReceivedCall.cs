using ContactRules.Cli.Received.Exports;
using ContactRules.Cli.Received.People;

namespace ContactRules.Cli.Received.Judging;

/// <summary>An incoming call or message, with who made it and, when judged, the engine's decision.</summary>
internal sealed class ReceivedCall
{
    internal ReceivedCall(ReceivedEvent received)
    {
        Event = received;
    }

    internal ReceivedEvent Event { get; }

    /// <summary>The calling number, or null when hidden or absent.</summary>
    internal CallingNumber? Number { get; set; }

    /// <summary>The caller, when the call is judged.</summary>
    internal Caller? Caller { get; set; }

    /// <summary>Why it was not judged, or null when it was.</summary>
    internal NotJudgedReason? NotJudged { get; set; }

    /// <summary>How the attempt ended, as the caller's history records it.</summary>
    internal AttemptOutcome Outcome { get; set; }

    /// <summary>An answered call no longer than the person's silent-call limit: nobody spoke.</summary>
    internal bool Silent { get; set; }

    /// <summary>The person refused the canvassing during this call.</summary>
    internal bool Refusal { get; set; }

    /// <summary>The engine's decision at the call's instant, given the caller's earlier calls; null when not judged.</summary>
    internal ContactDecision? Decision { get; set; }

    /// <summary>True when the call or message broke at least one rule.</summary>
    internal bool IsBreach => Decision is { IsAllowed: false };

    internal bool IsCall => Event.Kind == ReceivedKind.Call;
}
