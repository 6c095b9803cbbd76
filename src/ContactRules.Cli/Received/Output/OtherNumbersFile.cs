using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Cli.Received.Judging;

namespace ContactRules.Cli.Received.Output;

/// <summary>
/// Writes <c>other-numbers.csv</c>: the numbers that called or texted and were not judged because
/// nothing marks them as selling (<c>number,calls,messages,knownContact,namedAs</c>), so that the
/// person can copy the ones that were selling into the callers file. It stays on the person's
/// machine with the exports: unlike the report, it is not made to be shared.
/// </summary>
/// <remarks>
/// A sender's name is chosen by the sender, so a field that a spreadsheet would run as a formula
/// (starting with <c>=</c>, <c>@</c>, <c>+</c> or <c>-</c>, and not a number) is written after an
/// apostrophe.
/// </remarks>
internal static class OtherNumbersFile
{
    internal static void Write(string path, ReceivedResult result)
    {
        var text = new StringBuilder("number,calls,messages,knownContact,namedAs\n");
        foreach (var other in result.OtherNumbers)
        {
            text.Append(Field(other.Number.Display)).Append(',')
                .Append(other.Calls.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(other.Messages.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(other.KnownContact ? "yes" : "no").Append(',')
                .Append(Field(other.NamedAs ?? string.Empty)).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    internal static string Field(string value)
    {
        var isNumber = value.Length > 1 && value[0] == '+' && value.Skip(1).All(char.IsAsciiDigit);
        if (value.Length > 0 && value[0] is '=' or '@' or '+' or '-' && !isNumber)
        {
            value = "'" + value;
        }

        return value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"" : value;
    }
}
