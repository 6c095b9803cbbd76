using ContactRules.Analyzers.Configuration;
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
    /// <summary>
    /// The channel of a dial API: the one its <c>[DialApi(Channel = ...)]</c> declares, else the one
    /// its catalogue entry states (<see cref="DialChannel.Unknown"/> stays unknown: a Studio flow may
    /// call or text), else what its names say. The analyzer and the code fixes both ask here, so a
    /// generated guard checks the channel the analyzer checks the dial against.
    /// </summary>
    public static Channels Resolve(AttributeData? dialApi, DialChannel? stated, ISymbol member)
    {
        if (dialApi is not null)
        {
            foreach (var named in dialApi.NamedArguments)
            {
                if (named.Key == KnownNames.Channel && named.Value.Value is int value)
                {
                    return value == 1 ? Channels.Sms : Channels.Voice;
                }
            }
        }

        return stated is { } channel
            ? channel switch { DialChannel.Voice => Channels.Voice, DialChannel.Sms => Channels.Sms, _ => Channels.None }
            : Infer(member);
    }

    /// <summary>The channel of <paramref name="method"/> as its own declaration and the built-in catalogue say (see <see cref="Resolve"/>).</summary>
    public static Channels Of(IMethodSymbol method)
        => Resolve(KnownNames.FindAttribute(method.OriginalDefinition, KnownNames.DialApiAttribute), BuiltInDialApis.Find(method)?.Channel, method.OriginalDefinition);

    /// <summary>
    /// The channel a generated check for a call of <paramref name="method"/> asks for;
    /// <see cref="DialChannel.Unknown"/> when it cannot be told, and then a code fix writes no check:
    /// it never guesses, since a voice decision does not allow a text message.
    /// </summary>
    public static DialChannel ForCheck(IMethodSymbol method) => Of(method) switch
    {
        Channels.Voice => DialChannel.Voice,
        Channels.Sms => DialChannel.Sms,
        _ => DialChannel.Unknown,
    };

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
