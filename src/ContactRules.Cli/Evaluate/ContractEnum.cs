using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// The evaluate contract's spelling of an enum: the member name in lower case, words joined by
/// hyphens (<c>NotConnected</c> is <c>not-connected</c>, <c>UsDnc</c> is <c>us-dnc</c>). One
/// rule for every enum, so that a member the core adds is spelled the same way without a list to
/// keep in step.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class ContractEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByText = Enum.GetValues<TEnum>()
        .ToDictionary(value => Spell(value.ToString()), value => value, StringComparer.Ordinal);

    private static readonly Dictionary<TEnum, string> ByValue = ByText.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The accepted values, in declaration order, for error messages.</summary>
    internal static string Expected { get; } = string.Join(", ", ByText.Keys);

    internal static bool TryParse(string text, out TEnum value) => ByText.TryGetValue(text, out value);

    internal static string Format(TEnum value)
        => ByValue.TryGetValue(value, out var text) ? text : Spell(value.ToString());

    private static string Spell(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
