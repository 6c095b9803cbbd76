using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ContactRules.Internal;

/// <summary>
/// The one spelling of an enum value wherever ContactRules writes or reads one (the evidence log,
/// reasons, ContactRules.Json, the contactrules tool's JSON and CSV): the member name in lower
/// case, words joined by hyphens (<c>NotConnected</c> is <c>not-connected</c>, <c>UsDnc</c> is
/// <c>us-dnc</c>, <c>DebtCollection</c> is <c>debt-collection</c>), as in the evaluate contract.
/// One rule for every enum, so that a member the core adds is spelled the same way everywhere
/// without a list to keep in step; the spelling never depends on the numeric value.
/// </summary>
/// <remarks>
/// Written once here and compiled into ContactRules.Json too (a linked source file), so that the
/// packages agree without making this type public.
/// </remarks>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class EnumText<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByText = ((TEnum[])Enum.GetValues(typeof(TEnum)))
        .ToDictionary(value => EnumText.Spell(value.ToString()), value => value, StringComparer.Ordinal);

    private static readonly Dictionary<TEnum, string> ByValue = ByText.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The accepted values, in declaration order, for error messages.</summary>
    internal static string Expected { get; } = string.Join(", ", ByText.Keys);

    internal static bool TryParse(string text, out TEnum value) => ByText.TryGetValue(text, out value);

    /// <summary>The spelling of a declared member; a value the enum does not declare is spelled from its number's name.</summary>
    internal static string Format(TEnum value)
        => ByValue.TryGetValue(value, out var text) ? text : EnumText.Spell(value.ToString());

    /// <summary>True when <paramref name="value"/> is a declared member (only those can be read back).</summary>
    internal static bool IsDefined(TEnum value) => ByValue.ContainsKey(value);
}

/// <summary>Spells enum values the one way of <see cref="EnumText{TEnum}"/>.</summary>
internal static class EnumText
{
    /// <summary>The spelling of <paramref name="value"/>: <c>ContactPurpose.DebtCollection</c> is <c>debt-collection</c>.</summary>
    internal static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => EnumText<TEnum>.Format(value);

    /// <summary>A member name in lower case, words joined by hyphens.</summary>
    internal static string Spell(string name)
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
