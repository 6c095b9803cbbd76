using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContactRules.Cli.Received.Exports;

/// <summary>
/// The records of a small CSV file written by a person or a spreadsheet (an export, the callers
/// file), read whole: RFC 4180 quoting, a header row first, and a mistake confined to its own
/// row.
/// </summary>
/// <remarks>
/// The files this reads are a phone's worth of calls, so the text is read at once and the
/// reading is about recovery rather than speed: a quote inside an unquoted field or text after a
/// closing quote is an error of that row, and reading goes on at the next line; a quoted field
/// left open is an error of the row it opened on, and reading goes on at the line after that
/// one, so that one stray quote never swallows the rest of the file.
/// </remarks>
internal static class CsvRecords
{
    /// <summary>One record: the line it starts on, its fields, or what is wrong with it.</summary>
    internal sealed record Record(int Line, IReadOnlyList<string> Fields, string? Problem);

    /// <summary>Splits <paramref name="text"/> into records; blank lines are skipped.</summary>
    internal static IEnumerable<Record> Read(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            // A blank line (or the last line break) is not a record.
            if (text[position] is '\n' or '\r')
            {
                position = AfterLineBreak(text, position);
                line++;
                continue;
            }

            var startLine = line;
            var startPosition = position;
            var fields = new List<string>();
            string? problem = null;
            var field = new StringBuilder();
            while (true)
            {
                var column = fields.Count + 1;
                field.Clear();
                if (position < text.Length && text[position] == '"')
                {
                    position++;
                    var closed = false;
                    while (position < text.Length)
                    {
                        var c = text[position];
                        if (c == '"')
                        {
                            if (position + 1 < text.Length && text[position + 1] == '"')
                            {
                                field.Append('"');
                                position += 2;
                                continue;
                            }

                            position++;
                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                        position++;
                    }

                    if (!closed)
                    {
                        problem = $"column {Number(column)}: a quoted field opens here and is never closed; expected a closing quote (a quote inside a field is written twice, \"\")";

                        // Go on at the line after the one the record started on.
                        line = startLine;
                        position = startPosition;
                        position = SkipLine(text, position);
                        line++;
                        break;
                    }

                    if (position < text.Length && text[position] is not (',' or '\n' or '\r'))
                    {
                        problem = $"column {Number(column)}: text after the closing quote; expected a comma or the end of the line after a quoted field";
                        position = SkipLine(text, position);
                        line++;
                        break;
                    }
                }
                else
                {
                    while (position < text.Length && text[position] is not (',' or '\n' or '\r'))
                    {
                        if (text[position] == '"')
                        {
                            problem = $"column {Number(column)}: a quote inside an unquoted field; expected the whole field in quotes, with each quote inside written twice (\"ac\"\"me\")";
                            break;
                        }

                        field.Append(text[position]);
                        position++;
                    }

                    if (problem is not null)
                    {
                        position = SkipLine(text, position);
                        line++;
                        break;
                    }
                }

                fields.Add(field.ToString());
                if (position >= text.Length)
                {
                    break;
                }

                if (text[position] == ',')
                {
                    position++;
                    continue;
                }

                position = AfterLineBreak(text, position);
                line++;
                break;
            }

            yield return new Record(startLine, fields, problem);
        }
    }

    private static string Number(int column) => column.ToString(CultureInfo.InvariantCulture);

    /// <summary>The position after the line break that ends the line holding <paramref name="position"/>.</summary>
    private static int SkipLine(string text, int position)
    {
        while (position < text.Length && text[position] is not ('\n' or '\r'))
        {
            position++;
        }

        return position < text.Length ? AfterLineBreak(text, position) : position;
    }

    private static int AfterLineBreak(string text, int position)
        => text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? position + 2 : position + 1;
}
