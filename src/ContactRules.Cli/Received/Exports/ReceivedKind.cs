namespace ContactRules.Cli.Received.Exports;

/// <summary>What reached the person: a call or a message.</summary>
internal enum ReceivedKind
{
    /// <summary>A telephone call.</summary>
    Call,

    /// <summary>A text message (SMS or MMS).</summary>
    Message,
}
