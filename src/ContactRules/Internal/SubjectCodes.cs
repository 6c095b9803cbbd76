using System;
using System.Collections.Immutable;

namespace ContactRules.Internal;

/// <summary>
/// Subject codes as callers declare them in <see cref="ContactRequest.Subject"/>: a subject falls
/// under a code when it equals it, or starts with it followed by <c>/</c>, ignoring case
/// (<c>energy-renovation/heat-pumps</c> falls under <c>energy-renovation</c>; <c>energy-supply</c> does not).
/// </summary>
internal static class SubjectCodes
{
    /// <summary>The code that <paramref name="subject"/> falls under, or null when it falls under none (or is null).</summary>
    internal static string? Match(ImmutableArray<string> codes, string? subject)
    {
        if (subject is null)
        {
            return null;
        }

        foreach (var code in codes)
        {
            if (subject.StartsWith(code, StringComparison.OrdinalIgnoreCase)
                && (subject.Length == code.Length || subject[code.Length] == '/'))
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>Checks codes given to a rule: at least one, none empty, none containing <c>/</c>.</summary>
    internal static ImmutableArray<string> Check(System.Collections.Generic.IEnumerable<string> codes, string parameterName, string what)
    {
        var checkedCodes = Preconditions.CheckNotNull(codes, parameterName).ToImmutableArray();
        Preconditions.CheckArgument(!checkedCodes.IsEmpty, parameterName, $"{what} needs at least one subject code.");
        foreach (var code in checkedCodes)
        {
            Preconditions.CheckArgument(
                !string.IsNullOrWhiteSpace(code) && code.IndexOf('/') < 0,
                parameterName,
                $"Subject codes must be non-empty and must not contain '/' (it separates a code from a sub-subject); got '{code}'.");
        }

        return checkedCodes;
    }
}
