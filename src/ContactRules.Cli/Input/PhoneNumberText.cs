using System;

namespace ContactRules.Cli.Input;

/// <summary>
/// Phone numbers as the tool reads and shows them: E.164 on input; masked wherever a message
/// may travel further than the file the number came from.
/// </summary>
/// <remarks>
/// Console and log lines, and the HTML report (made to be shared, attached, archived), never
/// carry a whole number: they show <see cref="Mask"/>, which keeps the country code area and the
/// last two digits so that a person reading it can tell numbers apart, together with the line of
/// the input file, which the reader already holds and which finds the call exactly. The CSV files
/// written next to the input (violations, scrub decisions) carry the whole number: they are the
/// compliance officer's or the operator's working data, as sensitive as the input itself, and a
/// masked number could not be dialled or looked up.
/// </remarks>
internal static class PhoneNumberText
{
    /// <summary>What a number looks like, for error messages.</summary>
    internal const string Expected = "an E.164 number: '+', the country code and the number, digits only, 2 to 15 digits in all, such as '+33612345678'";

    /// <summary>True when <paramref name="text"/> is in E.164 form: '+', a non-zero digit, then 1 to 14 digits.</summary>
    internal static bool IsE164(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || text.Length > 16 || text[0] != '+' || text[1] < '1' || text[1] > '9')
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the UTF-8 <paramref name="text"/> is in E.164 form.</summary>
    internal static bool IsE164(ReadOnlySpan<byte> text)
    {
        if (text.Length < 3 || text.Length > 16 || text[0] != (byte)'+' || text[1] < (byte)'1' || text[1] > (byte)'9')
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (text[i] < (byte)'0' || text[i] > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The number with its middle digits hidden: <c>+33612345678</c> is <c>+336*****78</c>. Numbers
    /// of fewer than 8 digits keep only the first digit and the last.
    /// </summary>
    internal static string Mask(string number)
    {
        if (number.Length < 3)
        {
            return new string('*', number.Length);
        }

        var keepStart = number.Length >= 9 ? 4 : 2;
        var keepEnd = number.Length >= 9 ? 2 : 1;
        return string.Concat(number.AsSpan(0, keepStart), new string('*', number.Length - keepStart - keepEnd), number.AsSpan(number.Length - keepEnd));
    }
}
