using System.IO;
using System.Text;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// Reads JSON Lines one line at a time, with a bound on the length of a line so that memory stays
/// bounded whatever the input: a line longer than the bound is skipped to its end and reported,
/// never held in memory whole.
/// </summary>
/// <remarks>
/// Lines end with <c>\n</c>; a <c>\r</c> before it is dropped (<c>\r\n</c> files read the same).
/// Line numbers count every line, blank ones included, from 1.
/// </remarks>
internal sealed class JsonLinesReader
{
    /// <summary>The longest line read (in characters): about 4 million, room for a history of tens of thousands of attempts.</summary>
    internal const int MaxLineLength = 1 << 22;

    private readonly TextReader input;
    private readonly StringBuilder line = new();
    private readonly char[] chunk = new char[8192];
    private int position;
    private int length;

    internal JsonLinesReader(TextReader input)
    {
        this.input = input;
    }

    /// <summary>The number of the line last read, from 1.</summary>
    internal long LineNumber { get; private set; }

    /// <summary>Reads the next line.</summary>
    /// <param name="text">The line, without its end; null when it was longer than <see cref="MaxLineLength"/>.</param>
    /// <returns>False at the end of the input.</returns>
    internal bool TryRead(out string? text)
    {
        line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (position == length)
            {
                length = input.Read(chunk, 0, chunk.Length);
                position = 0;
                if (length == 0)
                {
                    break;
                }
            }

            any = true;
            var start = position;
            while (position < length && chunk[position] != '\n')
            {
                position++;
            }

            if (!tooLong)
            {
                if (line.Length + (position - start) > MaxLineLength + 1)
                {
                    tooLong = true;
                    line.Clear();
                }
                else
                {
                    line.Append(chunk, start, position - start);
                }
            }

            if (position < length)
            {
                position++;
                LineNumber++;
                text = Finish(tooLong);
                return true;
            }
        }

        if (!any)
        {
            text = null;
            return false;
        }

        LineNumber++;
        text = Finish(tooLong);
        return true;
    }

    private string? Finish(bool tooLong)
    {
        if (tooLong)
        {
            return null;
        }

        if (line.Length > 0 && line[line.Length - 1] == '\r')
        {
            line.Length--;
        }

        // The bound allows one extra character for a '\r' that is dropped here.
        return line.Length > MaxLineLength ? null : line.ToString();
    }
}
