using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Model;

/// <summary>
/// The channel of a dial API that neither <c>[DialApi(Channel = ...)]</c> nor the built-in
/// catalogue states: read from its names, the member's first, then its type's, then its
/// namespace's (innermost first), so that an <c>ISmsSender.SendAsync</c> or a
/// <c>TextMessages.Send</c> is a text message and an <c>IDialer.Dial</c> or a
/// <c>CallCenter.PlaceCall</c> a call. A name that says neither (or both) says nothing.
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
        "SMS" or "MMS" or "TEXT" or "TEXTS" or "MESSAGE" or "MESSAGES" or "MESSAGING" or "WHATS" or "WHATSAPP" => Channels.Sms,
        "CALL" or "CALLS" or "CALLING" or "CALLOUT" or "CALLOUTS" or "VOICE" or "DIAL" or "DIALER" or "DIALLER" => Channels.Voice,
        _ => Channels.None,
    };
}
