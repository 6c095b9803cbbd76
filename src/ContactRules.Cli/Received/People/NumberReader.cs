using System;
using System.Linq;
using ContactRules.PhoneNumbers;

namespace ContactRules.Cli.Received.People;

/// <summary>
/// Reads calling numbers in whatever form the phone showed them (national <c>01 62 …</c>,
/// international <c>+33 1 62 …</c>, with dots or spaces, a short code, a sender's name) with the
/// person's country as the default region, and recognises the markers of a hidden caller.
/// </summary>
internal sealed class NumberReader
{
    // Android writes -1 (unknown), -2 (private), -3 (payphone), -4 (unavailable); phones and
    // exporters write these words, in English and French.
    private static readonly string[] HiddenMarkers =
    {
        "-1", "-2", "-3", "-4", "unknown", "private", "private number", "restricted", "anonymous", "withheld", "unavailable",
        "masqué", "numéro masqué", "numero masque", "masque", "inconnu", "privé", "prive", "numéro privé",
    };

    private readonly PhoneNumberResolver resolver;

    internal NumberReader(string? region)
    {
        resolver = new PhoneNumberResolver(region);
    }

    /// <summary>True when <paramref name="raw"/> is a hidden caller's marker rather than a number.</summary>
    internal static bool IsHiddenMarker(string raw)
        => HiddenMarkers.Contains(raw.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Reads <paramref name="raw"/>, which is neither empty nor a hidden marker.</summary>
    internal CallingNumber Read(string raw)
    {
        var trimmed = raw.Trim();
        if (resolver.TryParse(trimmed, out var parsed, out _))
        {
            return new CallingNumber(parsed.E164, parsed.E164, true);
        }

        if (trimmed.Any(char.IsLetter))
        {
            // A sender's name ("HORIZON"): the same sender whatever the case.
            return new CallingNumber(trimmed.ToUpperInvariant(), trimmed, false);
        }

        // A short code or a number the plan does not know: its digits, with a leading '+' kept.
        var digits = new string(trimmed.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return new CallingNumber(digits, digits, false);
    }
}
