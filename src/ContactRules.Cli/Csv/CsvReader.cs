using System;
using System.Globalization;
using System.IO;
using System.Text;
using Library = CsvHelper;

namespace ContactRules.Cli.Csv;

/// <summary>
/// Reads a CSV file (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted,
/// quotes doubled inside quotes) record by record, as UTF-8 bytes, through CsvHelper's reader,
/// and says precisely what is wrong with a record that cannot be read.
/// </summary>
/// <remarks>
/// <para>
/// Tolerant where the format is ambiguous, exact where it is not, and never losing a line: every
/// line of the file is part of exactly one record, read or reported, or a blank line between
/// records.
/// </para>
/// <list type="bullet">
/// <item>A quote inside a field that does not start with one (<c>ac"me</c>) is an ordinary
/// character: the field is read as it is written. Only a quote at the start of a field opens a
/// quoted field, so one stray quote can never swallow the lines after it.</item>
/// <item>A quoted field may hold commas, line breaks and doubled quotes (<c>""</c>). When its
/// closing quote is followed by anything but a comma or the end of the line, the record is a
/// problem. When it is never closed (the end of the file, or <see cref="MaxRecordBytes"/>, comes
/// first), or a record that spans lines has such a problem, the problem is its first line's alone,
/// and reading goes on with the next line, read as a record of its own: a quote opened by mistake
/// costs one line, never the rest of the file.</item>
/// <item>Lines end with <c>\n</c>, <c>\r\n</c> or <c>\r</c>; blank lines are skipped; a UTF-8
/// byte order mark at the start is ignored.</item>
/// </list>
/// <para>
/// CsvHelper reads in bounded memory (a record of at most <see cref="MaxRecordBytes"/>; a longer
/// one is reported and reading goes on with the next line). Fields are spans of UTF-8 bytes,
/// unescaped, valid until the next record is read. Going back to the line after a record's first
/// line needs a seekable stream (a file): the commands read files.
/// </para>
/// </remarks>
internal sealed class CsvReader : IDisposable
{
    /// <summary>The longest record read, in bytes.</summary>
    internal const int MaxRecordBytes = 1 << 20;

    private readonly Stream stream;
    private Library.CsvReader reader;

    // Where the current CsvHelper reader started: its byte offsets and line numbers count from there.
    private long baseOffset;
    private long baseLine;

    // The start of the last record read, for finding a line again after a record too long to keep.
    private long lastOffset;
    private long lastLine = 1;

    // The record CsvHelper found a quoting problem in, about to be returned.
    private long malformedRecord = -1;

    internal CsvReader(Stream stream)
    {
        this.stream = stream;
        reader = Open();
    }

    /// <summary>The line (from 1) on which the record last read starts.</summary>
    internal long Line { get; private set; }

    /// <summary>The line on which the record last read ends: after <see cref="Line"/> when a quoted field spans lines.</summary>
    internal long LastLine { get; private set; }

    /// <summary>The number of fields of the record last read; 0 for a record in error.</summary>
    internal int FieldCount { get; private set; }

    /// <summary>How many bytes of the input have been consumed, for progress.</summary>
    internal long BytesConsumed => baseOffset + reader.ByteOffset;

    /// <summary>The field <paramref name="index"/> (from 0) of the record last read, as UTF-8 bytes.</summary>
    internal ReadOnlySpan<byte> this[int index] => reader.GetSpan(index);

    /// <summary>The field <paramref name="index"/> as a string.</summary>
    internal string GetString(int index) => Encoding.UTF8.GetString(this[index]);

    /// <summary>Reads the next record.</summary>
    /// <param name="problem">Null when the record was read; otherwise why it could not be, and its fields are not to be used.</param>
    /// <returns>False at the end of the input.</returns>
    internal bool TryRead(out CsvProblem? problem)
    {
        problem = null;
        FieldCount = 0;
        bool read;
        try
        {
            read = reader.Read();
        }
        catch (Library.CsvFormatException e) when (e.LineNumber > 0)
        {
            // A record longer than the bound: its first line is reported, and reading goes on
            // with the line after it, found again from the last record read.
            Line = LastLine = baseLine + e.LineNumber;
            problem = new CsvProblem(0, $"the record is longer than {(MaxRecordBytes >> 20).ToString(CultureInfo.InvariantCulture)} MiB; expected one record per line, of reasonable size (is a quote left open?). This line is reported alone and reading goes on with the next line");
            Restart(LineStart(lastOffset, lastLine, Line + 1), Line);
            return true;
        }

        if (!read)
        {
            return false;
        }

        var recordStart = baseOffset + reader.ByteOffset;
        var raw = reader.RawRecord;
        Line = baseLine + reader.LineNumber;
        LastLine = Line + LineBreaks(raw);
        lastOffset = recordStart;
        lastLine = Line;
        var flagged = malformedRecord == reader.RowNumber;
        malformedRecord = -1;

        // CsvHelper names one quoting problem a record (the first): a stray quote, which is read as
        // an ordinary character, may hide a quoted field left open after it. The fields of a
        // flagged record are checked here, every one.
        if (flagged && Problem() is { } found)
        {
            problem = found;
            if (LastLine > Line)
            {
                // The broken quoting may have joined lines that are records of their own.
                LastLine = Line;
                Restart(recordStart + FirstLineLength(raw), Line);
            }

            return true;
        }

        FieldCount = reader.FieldCount;
        return true;
    }

    public void Dispose() => reader.Dispose();

    private Library.CsvReader Open()
        => Library.CsvReader.Create(
            stream,
            Library.CsvReaderOptions.Default with
            {
                Separator = ',',
                HasHeader = false,
                Mode = Library.CsvMode.Rfc4180,
                TrackLineNumbers = true,
                SkipEmptyLines = true,
                TrimWhitespace = false,
                MaxRecordSize = MaxRecordBytes,
                MalformedData = Library.CsvMalformedDataHandling.Recover,
                FieldCountMismatch = Library.CsvFieldCountHandling.Allow,
                DetectSeparatorHint = false,
                OnMalformedRecord = Malformed,
            },
            leaveOpen: true);

    private void Malformed(Library.CsvMalformedRecord record)
    {
        if (record.Reason != Library.CsvMalformedReason.FieldCountMismatch)
        {
            malformedRecord = record.RecordNumber;
        }
    }

    /// <summary>
    /// The problem of the current record, in the column of its first badly quoted field: a quoted
    /// field never closed, or text after its closing quote; null when its only problems are stray
    /// quotes inside unquoted fields, which are ordinary characters.
    /// </summary>
    private CsvProblem? Problem()
    {
        var column = 0;
        var found = string.Empty;
        for (var i = 0; i < reader.FieldCount && column == 0; i++)
        {
            var field = reader.GetRawSpan(i);
            if (field.Length == 0 || field[0] != (byte)'"')
            {
                continue;
            }

            var p = 1;
            while (p < field.Length)
            {
                if (field[p] == (byte)'"')
                {
                    if (p + 1 < field.Length && field[p + 1] == (byte)'"')
                    {
                        p += 2;
                        continue;
                    }

                    break;
                }

                p++;
            }

            if (p >= field.Length)
            {
                column = i + 1;
            }
            else if (p + 1 < field.Length)
            {
                column = i + 1;
                var after = field[p + 1];
                found = after is < 0x20 or >= 0x7F ? $"byte 0x{after:X2}" : $"'{(char)after}'";
            }
        }

        if (column == 0)
        {
            return null;
        }

        var spans = LastLine > Line;
        if (found.Length == 0)
        {
            return new CsvProblem(column, "a quoted field opened here is never closed (no closing '\"' before the end of the file); expected a closing '\"' (a quote inside a quoted field is written twice: \"\"). This line is reported alone and reading goes on with the next line");
        }

        return new CsvProblem(
            column,
            spans
                ? $"found {found} after the closing quote of a quoted field opened here and closed {(LastLine - Line).ToString(CultureInfo.InvariantCulture)} line{(LastLine - Line == 1 ? string.Empty : "s")} below; expected a comma or the end of the line (a quote inside a field is written twice: \"\"). This line is reported alone and reading goes on with the next line"
                : $"found {found} after the closing quote of a quoted field; expected a comma or the end of the line (a quote inside a field is written twice: \"\")");
    }

    /// <summary>Starts reading again at <paramref name="offset"/>, the start of the line after <paramref name="linesBefore"/>.</summary>
    private void Restart(long offset, long linesBefore)
    {
        if (!stream.CanSeek)
        {
            throw new IOException($"line {linesBefore.ToString(CultureInfo.InvariantCulture)} leaves a quoted field open, and reading cannot go back to the next line on an input that is not a file");
        }

        reader.Dispose();
        stream.Seek(offset, SeekOrigin.Begin);
        baseOffset = offset;
        baseLine = linesBefore;
        lastOffset = offset;
        lastLine = linesBefore + 1;
        malformedRecord = -1;
        reader = Open();
    }

    /// <summary>The offset of the start of line <paramref name="target"/>, counting line breaks from the start of line <paramref name="line"/> at <paramref name="offset"/>.</summary>
    private long LineStart(long offset, long line, long target)
    {
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var afterCarriageReturn = false;
        while (line < target)
        {
            var read = stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                return offset;
            }

            for (var i = 0; i < read && line < target; i++)
            {
                var b = buffer[i];
                if (afterCarriageReturn && b != (byte)'\n')
                {
                    // A line ended by a carriage return alone: the new line started at this byte.
                    line++;
                    if (line == target)
                    {
                        return offset + i;
                    }
                }

                afterCarriageReturn = b == (byte)'\r';
                if (b == (byte)'\n')
                {
                    line++;
                }

                if (line == target)
                {
                    return offset + i + 1;
                }
            }

            offset += read;
        }

        return offset;
    }

    /// <summary>The line breaks in <paramref name="raw"/>: <c>\r\n</c>, <c>\n</c> and <c>\r</c> each count once.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> raw)
    {
        var count = 0;
        for (var i = raw.IndexOfAny((byte)'\r', (byte)'\n'); i >= 0;)
        {
            count++;
            var next = raw[i] == (byte)'\r' && i + 1 < raw.Length && raw[i + 1] == (byte)'\n' ? i + 2 : i + 1;
            var rest = raw.Slice(next).IndexOfAny((byte)'\r', (byte)'\n');
            i = rest < 0 ? -1 : next + rest;
        }

        return count;
    }

    /// <summary>The bytes of the first line of <paramref name="raw"/>, its line break included.</summary>
    private static int FirstLineLength(ReadOnlySpan<byte> raw)
    {
        var i = raw.IndexOfAny((byte)'\r', (byte)'\n');
        return raw[i] == (byte)'\r' && i + 1 < raw.Length && raw[i + 1] == (byte)'\n' ? i + 2 : i + 1;
    }
}
