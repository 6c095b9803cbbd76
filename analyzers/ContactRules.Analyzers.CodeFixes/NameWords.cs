using System.Collections.Generic;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>The words of a PascalCase or camelCase name, each capitalised: "sendSMSNow" gives Send, Sms, Now.</summary>
internal static class NameWords
{
    public static HashSet<string> Of(string name)
    {
        var words = new HashSet<string>(System.StringComparer.Ordinal);
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length
                || name[i] == '_'
                || (char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                || (char.IsDigit(name[i]) != char.IsDigit(name[i - 1]));
            if (boundary)
            {
                var word = name.Substring(start, i - start).Trim('_');
                if (word.Length > 0)
                {
                    words.Add(char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant());
                }

                start = i;
            }
        }

        return words;
    }
}
