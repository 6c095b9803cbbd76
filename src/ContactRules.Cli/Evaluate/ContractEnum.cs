using System;
using ContactRules.Json.Internal;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// The evaluate contract's spelling of an enum: the member name in lower case, words joined by
/// hyphens (<c>NotConnected</c> is <c>not-connected</c>, <c>UsDnc</c> is <c>us-dnc</c>). It is
/// ContactRules.Json's spelling, so that a decision logged by a service and a decision line of
/// the tool name a kind the same way; the commands' CSV columns use it too.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class ContractEnum<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>The accepted values, in declaration order, for error messages.</summary>
    internal static string Expected => EnumText<TEnum>.Expected;

    internal static bool TryParse(string text, out TEnum value) => EnumText<TEnum>.TryParse(text, out value);

    internal static string Format(TEnum value) => EnumText<TEnum>.Format(value);
}
