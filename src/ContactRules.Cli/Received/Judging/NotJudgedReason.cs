namespace ContactRules.Cli.Received.Judging;

/// <summary>Why an incoming call or message was counted but not judged.</summary>
internal enum NotJudgedReason
{
    /// <summary>The caller hid their number: nobody can be named, so nothing can be judged (the call is still shown).</summary>
    HiddenNumber,

    /// <summary>The export gives no number at all.</summary>
    NoNumber,

    /// <summary>The caller is not marked as selling (not in the callers file, nor in France's canvassing ranges, or marked selling=no).</summary>
    NotSelling,
}
