using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ContactRules.Json.Internal;

/// <summary>
/// The JSON spelling of an enum: the member name in lower case, words joined by hyphens
/// (<c>NotConnected</c> is <c>not-connected</c>, <c>UsDnc</c> is <c>us-dnc</c>), as in the
/// evaluate contract. One rule for every enum, so that a member the core adds is spelled the same
/// way without a list to keep in step; the spelling never depends on the numeric value.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class EnumText<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByText = ((TEnum[])Enum.GetValues(typeof(TEnum)))
        .ToDictionary(value => Spell(value.ToString()), value => value, StringComparer.Ordinal);

    private static readonly Dictionary<TEnum, string> ByValue = ByText.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The accepted values, in declaration order, for error messages.</summary>
    internal static string Expected { get; } = string.Join(", ", ByText.Keys);

    internal static bool TryParse(string text, out TEnum value) => ByText.TryGetValue(text, out value);

    /// <summary>The spelling of a declared member; a value the enum does not declare is spelled from its number's name.</summary>
    internal static string Format(TEnum value)
        => ByValue.TryGetValue(value, out var text) ? text : Spell(value.ToString());

    /// <summary>True when <paramref name="value"/> is a declared member (only those can be read back).</summary>
    internal static bool IsDefined(TEnum value) => ByValue.ContainsKey(value);

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
