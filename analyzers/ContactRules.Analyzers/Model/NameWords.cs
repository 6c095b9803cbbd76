using System.Collections.Generic;

namespace ContactRules.Analyzers.Model;

/// <summary>The words of a .NET name: <c>SendAnSmsAsync</c> is Send, An, Sms, Async; <c>SMSClient</c> is SMS, Client.</summary>
internal static class NameWords
{
    public static IEnumerable<string> Of(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || IsBoundary(name, i))
            {
                if (i > start && char.IsLetter(name[start]))
                {
                    yield return name.Substring(start, i - start);
                }

                start = i;
                while (start < name.Length && !char.IsLetterOrDigit(name[start]))
                {
                    start++;
                }

                i = start;
            }
        }
    }

    private static bool IsBoundary(string name, int i)
    {
        var current = name[i];
        var previous = name[i - 1];
        if (!char.IsLetterOrDigit(current))
        {
            return true;
        }

        if (char.IsUpper(current) && char.IsLower(previous))
        {
            return true;
        }

        // "SMSClient": the last capital of a run starts the next word.
        return char.IsUpper(current) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }
}
