using System;
using System.Text;

namespace ContactRules.Cli.Csv;

/// <summary>
/// Text written to files people open in a spreadsheet (violations.csv, input-errors.csv, the
/// scrub's decisions): a field that a spreadsheet would run as a formula (CSV injection) gets a
/// leading <c>'</c>, which spreadsheets read as "this cell is text".
/// </summary>
/// <remarks>
/// A field is a possible formula when it starts with <c>=</c>, <c>@</c>, <c>+</c>, <c>-</c>, a
/// tab or a carriage return (OWASP's list) and is not a number: a caller named
/// <c>=HYPERLINK("http://x","call me")</c> is written <c>'=HYPERLINK(...)</c>, while an E.164
/// number such as <c>+33612345678</c> or a count such as <c>-5</c> is written as it is, so that
/// it can still be dialled, looked up and summed. The fields come from the call log, whoever
/// wrote it; the tool's own text never starts with those characters.
/// </remarks>
internal static class SpreadsheetText
{
    /// <summary>The character put in front of a possible formula.</summary>
    internal const byte Neutraliser = (byte)'\'';

    /// <summary>True when <paramref name="utf8"/> starts like a formula and is not a number.</summary>
    internal static bool NeedsNeutralising(ReadOnlySpan<byte> utf8)
        => !utf8.IsEmpty
            && utf8[0] is (byte)'=' or (byte)'@' or (byte)'+' or (byte)'-' or (byte)'\t' or (byte)'\r'
            && !IsNumber(utf8);

    /// <summary>The UTF-8 bytes of <paramref name="text"/> as they are written: with the leading <c>'</c> when it needs one.</summary>
    internal static byte[] Safe(string? text)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? string.Empty);
        if (!NeedsNeutralising(bytes))
        {
            return bytes;
        }

        var safe = new byte[bytes.Length + 1];
        safe[0] = Neutraliser;
        bytes.CopyTo(safe, 1);
        return safe;
    }

    /// <summary>A sign, digits, and at most one decimal point followed by digits: <c>+33612345678</c>, <c>-5</c>, <c>-0.25</c>.</summary>
    private static bool IsNumber(ReadOnlySpan<byte> utf8)
    {
        if (utf8[0] is not ((byte)'+' or (byte)'-') || utf8.Length < 2)
        {
            return false;
        }

        var digits = 0;
        var point = false;
        for (var i = 1; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                digits++;
            }
            else if (b == (byte)'.' && !point && digits > 0 && i + 1 < utf8.Length)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
