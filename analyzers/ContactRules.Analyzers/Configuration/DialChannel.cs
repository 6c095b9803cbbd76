namespace ContactRules.Analyzers.Configuration;

/// <summary>
/// The channel a dial API contacts people on, as far as the API itself says. Consent and calling
/// rules differ by channel (a voice decision does not allow a text message), so a generated check
/// must ask for the dial's own channel.
/// </summary>
internal enum DialChannel
{
    /// <summary>The API does not say: a Studio flow or a Messages API call may call or text.</summary>
    Unknown = 0,

    /// <summary>A telephone call.</summary>
    Voice = 1,

    /// <summary>A text message (SMS, MMS, WhatsApp and other messages to a phone number).</summary>
    Sms = 2,
}
