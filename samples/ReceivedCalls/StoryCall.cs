using NodaTime;

namespace ReceivedCalls;

/// <summary>
/// One call or message of the story, as the phone logs it: when (local time in Paris), from
/// which number as the phone shows it, the SMS Backup &amp; Restore type (calls: 1 incoming,
/// 2 outgoing, 3 missed, 5 rejected; messages: 1 received, 2 sent), the duration, the name the
/// person gave the number in their contacts, a message's text.
/// </summary>
internal sealed record StoryCall(LocalDateTime Local, string Number, int Type, int Duration, string? ContactName = null, bool Withheld = false, string? Body = null);
