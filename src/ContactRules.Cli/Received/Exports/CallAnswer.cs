namespace ContactRules.Cli.Received.Exports;

/// <summary>How an incoming call ended on the person's phone, as the export records it.</summary>
internal enum CallAnswer
{
    /// <summary>The person answered (Android type 1, iPhone ZANSWERED 1, CSV duration above 0).</summary>
    Answered,

    /// <summary>The phone rang and nobody answered (Android type 3, iPhone ZANSWERED 0, CSV duration 0).</summary>
    Missed,

    /// <summary>The call went to voicemail (Android type 4).</summary>
    Voicemail,

    /// <summary>The person declined the call (Android type 5).</summary>
    Rejected,

    /// <summary>The phone blocked the call (Android type 6).</summary>
    Blocked,

    /// <summary>The call was answered on another device (Android type 7).</summary>
    AnsweredElsewhere,

    /// <summary>Not a call (a message).</summary>
    NotACall,
}
