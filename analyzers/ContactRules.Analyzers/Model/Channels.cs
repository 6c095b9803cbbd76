using System;

namespace ContactRules.Analyzers.Model;

/// <summary>
/// The channels a check covers or a dial uses, as the analyzers see them. <see cref="None"/> on
/// a dial means "not known": any check covers it; on a check it means "not said": the check
/// covers every channel.
/// </summary>
[Flags]
internal enum Channels
{
    None = 0,

    /// <summary><c>ContactChannel.Voice</c>: a call.</summary>
    Voice = 1,

    /// <summary><c>ContactChannel.Sms</c>: a text message.</summary>
    Sms = 2,

    Any = Voice | Sms,
}
