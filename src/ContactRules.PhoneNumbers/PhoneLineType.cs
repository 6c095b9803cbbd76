namespace ContactRules.PhoneNumbers;

/// <summary>
/// The kind of line a number belongs to, as far as the numbering plan tells. US and Canadian
/// numbers are <see cref="FixedLineOrMobile"/>: the plan does not tell, and numbers move between
/// lines, so a rule that depends on "wireless" must treat them as possibly mobile.
/// </summary>
public enum PhoneLineType
{
    /// <summary>The plan does not say.</summary>
    Unknown = 0,

    /// <summary>A fixed (landline) number.</summary>
    FixedLine = 1,

    /// <summary>A mobile number.</summary>
    Mobile = 2,

    /// <summary>Either fixed or mobile: the plan does not tell them apart (North America).</summary>
    FixedLineOrMobile = 3,

    /// <summary>A toll-free number.</summary>
    TollFree = 4,

    /// <summary>A voice-over-IP number.</summary>
    Voip = 5,

    /// <summary>Another kind: premium rate, shared cost, personal number, pager, voicemail access.</summary>
    Other = 6,
}
