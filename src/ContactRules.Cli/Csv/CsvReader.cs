using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace ContactRules.Cli.Csv;

/// <summary>
/// Reads a CSV file (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted,
/// quotes doubled inside quotes) record by record, as UTF-8 bytes, without allocating per record.
/// </summary>
/// <remarks>
/// <para>
/// Memory is bounded whatever the input: one pooled buffer that holds the record being read, at
/// most <see cref="MaxRecordBytes"/> long. A longer record is skipped to its end and reported,
/// never held whole.
/// </para>
/// <para>
/// The reading is strict, because a record read on a guess could be decided on a guess: a quote
/// inside an unquoted field, anything but a comma after a closing quote, and a quote still open
/// at the end of the file are problems of the record, reported with the line and column, and the
/// next record is read. Lines end with <c>\n</c> or <c>\r\n</c>; blank lines are skipped; a UTF-8
/// byte order mark at the start is ignored. Fields are exposed as spans of UTF-8 bytes that stay
/// valid until the next record is read; quoted fields are unescaped in place.
/// </para>
/// </remarks>
internal sealed class CsvReader : IDisposable
{
    /// <summary>The longest record read, in bytes.</summary>
    internal const int MaxRecordBytes = 1 << 20;

    private const int InitialBufferBytes = 1 << 16;

    private readonly Stream stream;
    private byte[] buffer;
    private int dataStart;
    private int dataEnd;
    private bool endOfStream;
    private bool atStart = true;
    private long bytesBefore;
    private long nextLine = 1;

    // Where the record after the one last returned starts: its fields stay valid until then.
    private int pendingStart = -1;
    private int[] starts = new int[16];
    private int[] ends = new int[16];

    internal CsvReader(Stream stream)
    {
        this.stream = stream;
        buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    }

    /// <summary>The line (from 1) on which the record last read starts.</summary>
    internal long Line { get; private set; }

    /// <summary>The number of fields of the record last read.</summary>
    internal int FieldCount { get; private set; }

    /// <summary>How many bytes of the input have been consumed, for progress.</summary>
    internal long BytesConsumed => bytesBefore + dataStart;

    /// <summary>The field <paramref name="index"/> (from 0) of the record last read, as UTF-8 bytes.</summary>
    internal ReadOnlySpan<byte> this[int index] => new(buffer, starts[index], ends[index] - starts[index]);

    /// <summary>The field <paramref name="index"/> as a string.</summary>
    internal string GetString(int index) => Encoding.UTF8.GetString(this[index]);

    /// <summary>Reads the next record.</summary>
    /// <param name="problem">Null when the record was read; otherwise why it could not be, and its fields are not to be used.</param>
    /// <returns>False at the end of the input.</returns>
    internal bool TryRead(out CsvProblem? problem)
    {
        while (true)
        {
            if (!FindRecord(out var recordStart, out var recordEnd, out var next, out problem))
            {
                return false;
            }

            var end = recordEnd > recordStart && buffer[recordEnd - 1] == (byte)'\r' ? recordEnd - 1 : recordEnd;
            if (problem is null && end == recordStart)
            {
                // A blank line is no record.
                dataStart = next;
                continue;
            }

            if (problem is null)
            {
                problem = SplitFields(recordStart, end);
            }

            // The fields stay in the buffer until the next call, which starts from the next record.
            pendingStart = next;
            return true;
        }
    }

    public void Dispose()
    {
        var rented = buffer;
        buffer = Array.Empty<byte>();
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Finds the next record's bytes: up to the first line feed outside quotes. Reads more input
    /// as needed; a record longer than the bound is consumed and reported.
    /// </summary>
    private bool FindRecord(out int recordStart, out int recordEnd, out int next, out CsvProblem? problem)
    {
        if (pendingStart >= 0)
        {
            dataStart = pendingStart;
            pendingStart = -1;
        }

        problem = null;
        var inQuotes = false;
        var tooLong = false;
        var newlinesInside = 0L;
        var scan = dataStart;
        while (true)
        {
            if (scan == dataEnd)
            {
                if (endOfStream || !Fill(ref scan, ref tooLong))
                {
                    if (scan == dataStart && !tooLong)
                    {
                        recordStart = recordEnd = next = dataStart;
                        return false;
                    }

                    recordStart = dataStart;
                    recordEnd = next = dataEnd;
                    Line = nextLine;
                    nextLine += newlinesInside + 1;
                    problem = tooLong ? TooLong() : inQuotes ? new CsvProblem(0, "a quoted field is still open at the end of the file; expected a closing '\"' (a quote inside a field is written twice: \"\")") : null;
                    return true;
                }

                continue;
            }

            var span = new ReadOnlySpan<byte>(buffer, scan, dataEnd - scan);
            var i = inQuotes ? span.IndexOf((byte)'"') : span.IndexOfAny((byte)'"', (byte)'\n');
            if (i < 0)
            {
                if (inQuotes)
                {
                    newlinesInside += span.Count((byte)'\n');
                }

                scan = dataEnd;
                continue;
            }

            if (inQuotes)
            {
                newlinesInside += span.Slice(0, i).Count((byte)'\n');
            }

            scan += i + 1;
            if (span[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            recordStart = dataStart;
            recordEnd = scan - 1;
            next = scan;
            Line = nextLine;
            nextLine += newlinesInside + 1;
            problem = tooLong ? TooLong() : null;
            return true;
        }
    }

    private static CsvProblem TooLong()
        => new(0, $"the record is longer than {(MaxRecordBytes >> 20).ToString(CultureInfo.InvariantCulture)} MiB; expected one call per line (is a quote left open?)");

    /// <summary>
    /// Reads more input after the record being scanned, keeping it whole at the start of the
    /// buffer; a record that outgrows the bound is dropped as it is scanned.
    /// </summary>
    /// <returns>False at the end of the input.</returns>
    private bool Fill(ref int scan, ref bool tooLong)
    {
        var kept = dataEnd - dataStart;
        if (tooLong || kept >= MaxRecordBytes)
        {
            // Only the scanning state matters now: the record will be reported, not read.
            tooLong = true;
            bytesBefore += dataEnd;
            dataStart = dataEnd = scan = 0;
        }
        else if (dataStart > 0 || kept == buffer.Length)
        {
            if (kept == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxRecordBytes + 1));
                Buffer.BlockCopy(buffer, dataStart, larger, 0, kept);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            else
            {
                Buffer.BlockCopy(buffer, dataStart, buffer, 0, kept);
            }

            bytesBefore += dataStart;
            scan -= dataStart;
            dataStart = 0;
            dataEnd = kept;
        }

        var read = stream.Read(buffer, dataEnd, buffer.Length - dataEnd);
        if (read == 0)
        {
            endOfStream = true;
            return false;
        }

        dataEnd += read;
        if (atStart)
        {
            atStart = false;
            if (dataEnd - dataStart >= 3 && buffer[dataStart] == 0xEF && buffer[dataStart + 1] == 0xBB && buffer[dataStart + 2] == 0xBF)
            {
                dataStart += 3;
                scan = dataStart;
            }
        }

        return true;
    }

    /// <summary>Splits the record <c>[start, end)</c> into fields, unescaping quoted ones in place.</summary>
    private CsvProblem? SplitFields(int start, int end)
    {
        var count = 0;
        var p = start;
        while (true)
        {
            if (count == starts.Length)
            {
                Array.Resize(ref starts, count * 2);
                Array.Resize(ref ends, count * 2);
            }

            if (p < end && buffer[p] == (byte)'"')
            {
                var write = p;
                var read = p + 1;
                starts[count] = write;
                while (true)
                {
                    var q = new ReadOnlySpan<byte>(buffer, read, end - read).IndexOf((byte)'"');
                    if (q < 0)
                    {
                        FieldCount = 0;
                        return new CsvProblem(count + 1, "a quoted field is not closed on its record; expected a closing '\"'");
                    }

                    new ReadOnlySpan<byte>(buffer, read, q).CopyTo(new Span<byte>(buffer, write, q));
                    write += q;
                    read += q + 1;
                    if (read < end && buffer[read] == (byte)'"')
                    {
                        buffer[write++] = (byte)'"';
                        read++;
                        continue;
                    }

                    break;
                }

                ends[count++] = write;
                if (read == end)
                {
                    break;
                }

                if (buffer[read] != (byte)',')
                {
                    FieldCount = 0;
                    return new CsvProblem(count, $"found '{(char)buffer[read]}' after the closing quote of a quoted field; expected a comma or the end of the line (a quote inside a field is written twice: \"\")");
                }

                p = read + 1;
                continue;
            }

            var span = new ReadOnlySpan<byte>(buffer, p, end - p);
            var c = span.IndexOfAny((byte)',', (byte)'"');
            if (c >= 0 && span[c] == (byte)'"')
            {
                FieldCount = 0;
                return new CsvProblem(count + 1, "a quote inside a field that does not start with a quote; expected the whole field in quotes, with its quotes written twice (\"a \"\"b\"\" c\")");
            }

            starts[count] = p;
            if (c < 0)
            {
                ends[count++] = end;
                break;
            }

            ends[count++] = p + c;
            p += c + 1;
        }

        FieldCount = count;
        return null;
    }
}
