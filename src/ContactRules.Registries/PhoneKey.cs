using System;

namespace ContactRules.Registries;

/// <summary>
/// A phone number as the registry stores it: the digits of its E.164 form as one integer
/// (+12025550123 is 12025550123). E.164 numbers never start with 0, so the integer is unique.
/// </summary>
internal static class PhoneKey
{
    internal const int MaxDigits = 15;
    internal const int MinDigits = 2;

    /// <summary>Parses "+digits"; false when it is not E.164.</summary>
    internal static bool TryParseE164(ReadOnlySpan<char> text, out ulong key)
    {
        key = 0;
        if (text.Length < MinDigits + 1 || text.Length > MaxDigits + 1 || text[0] != '+' || text[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            key = (key * 10) + (uint)digit;
        }

        return true;
    }

    /// <summary>
    /// Parses one field of an export: "+digits", or national digits (separators ' ', '-', '.',
    /// '(', ')' ignored) that get <paramref name="countryCode"/> in front. Returns an error
    /// message, or null when parsed.
    /// </summary>
    internal static string? TryParseField(ReadOnlySpan<byte> field, ulong countryCode, int countryCodeDigits, out ulong key)
    {
        key = 0;
        var digits = 0;
        var international = false;
        var start = 0;
        while (start < field.Length && (field[start] == (byte)' ' || field[start] == (byte)'"'))
        {
            start++;
        }

        if (start < field.Length && field[start] == (byte)'+')
        {
            international = true;
            start++;
        }
        else if (countryCodeDigits == 0)
        {
            return "expected an E.164 number ('+' then the country code and number), or a default country code for national numbers";
        }
        else
        {
            key = countryCode;
            digits = countryCodeDigits;
        }

        var firstDigit = true;
        for (var i = start; i < field.Length; i++)
        {
            var b = field[i];
            var digit = b - (byte)'0';
            if ((uint)digit <= 9)
            {
                if (international && firstDigit && digit == 0)
                {
                    return "a country code cannot start with 0";
                }

                firstDigit = false;
                key = (key * 10) + (uint)digit;
                if (++digits > MaxDigits)
                {
                    return $"expected at most {MaxDigits} digits in all (E.164)";
                }
            }
            else if (b is not ((byte)' ' or (byte)'-' or (byte)'.' or (byte)'(' or (byte)')' or (byte)'"' or (byte)'\t'))
            {
                return $"unexpected character '{(char)b}' in a phone number";
            }
        }

        if (digits - (international ? 0 : countryCodeDigits) == 0)
        {
            return "expected a phone number, found no digits";
        }

        return digits < MinDigits ? $"expected at least {MinDigits} digits (E.164)" : null;
    }
}
