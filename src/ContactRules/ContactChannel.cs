namespace ContactRules;

/// <summary>
/// The medium through which a person is contacted.
/// </summary>
public enum ContactChannel
{
    /// <summary>A telephone call, placed by an agent, a dialer or an automated system.</summary>
    Voice = 0,

    /// <summary>A text message (SMS, MMS or an equivalent messaging channel to a phone number).</summary>
    Sms = 1,
}
