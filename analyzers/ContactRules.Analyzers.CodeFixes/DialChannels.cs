using ContactRules.Analyzers.Configuration;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// The channel a dial contacts people on, for a generated check: the built-in catalogue's, else
/// what the method's name says (<c>SendSms</c>, <c>Text</c>, <c>Message</c> are messages;
/// <c>Call</c>, <c>Dial</c> are calls). Unknown when neither says: a fix never guesses, since a
/// voice decision does not allow a text message.
/// </summary>
internal static class DialChannels
{
    public static DialChannel Of(IMethodSymbol method)
    {
        if (BuiltInDialApis.Find(method) is { } entry)
        {
            return entry.Channel;
        }

        var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
        var words = NameWords.Of(name);
        var sms = words.Contains("Sms") || words.Contains("Text") || words.Contains("Message") || words.Contains("Whats") || words.Contains("Mms");
        var voice = words.Contains("Call") || words.Contains("Dial") || words.Contains("Voice") || words.Contains("Ring") || words.Contains("Phone");
        return sms == voice ? DialChannel.Unknown : sms ? DialChannel.Sms : DialChannel.Voice;
    }
}
