using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Model;

/// <summary>
/// The channel of a dial API: <c>[DialApi(Channel = ...)]</c> when declared, else read from its
/// names, the member's first, then its type's, then its namespace's (innermost first), so that
/// Twilio's <c>MessageResource.Create</c>, Vonage's <c>SendAnSms</c> and SNS's
/// <c>SimpleNotificationService.Publish</c> are text messages and <c>CallResource.Create</c>,
/// <c>CreateCall</c>, <c>StartOutboundVoiceContact</c> and TwiML's <c>Dial</c> are calls.
/// </summary>
internal static class DialChannels
{
    public static Channels Infer(ISymbol member)
    {
        var channel = FromName(member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? string.Empty : member.Name);
        for (var type = member.ContainingType; channel == Channels.None && type is not null; type = type.ContainingType)
        {
            channel = FromName(type.Name);
        }

        for (var ns = member.ContainingNamespace; channel == Channels.None && ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            channel = FromName(ns.Name);
        }

        return channel;
    }

    /// <summary>The channel a name speaks of; <see cref="Channels.None"/> when it speaks of neither or of both.</summary>
    public static Channels FromName(string name)
    {
        var channel = Channels.None;
        foreach (var word in NameWords.Of(name))
        {
            channel |= FromWord(word.ToUpperInvariant());
        }

        return channel == Channels.Any ? Channels.None : channel;
    }

    private static Channels FromWord(string word) => word switch
    {
        "SMS" or "MMS" or "TEXT" or "TEXTS" or "MESSAGE" or "MESSAGES" or "MESSAGING" or "WHATSAPP" or "NOTIFICATION" => Channels.Sms,
        "CALL" or "CALLS" or "CALLING" or "CALLOUT" or "CALLOUTS" or "VOICE" or "DIAL" or "DIALER" or "DIALLER" => Channels.Voice,
        _ => Channels.None,
    };
}
