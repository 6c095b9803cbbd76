namespace ContactRules.Storage;

/// <summary>What <see cref="LogVerification.Check"/> found wrong with a log.</summary>
public enum LogProblem
{
    /// <summary>Nothing: every entry is where it was written, as it was written.</summary>
    None = 0,

    /// <summary>An entry's content (or its hash, or its number) was changed after it was written.</summary>
    Altered = 1,

    /// <summary>An entry was removed: the chain skips it, or ends before the recorded head.</summary>
    Missing = 2,

    /// <summary>An entry is out of its written order.</summary>
    Reordered = 3,
}
