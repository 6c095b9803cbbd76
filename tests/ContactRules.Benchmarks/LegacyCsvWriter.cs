using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.Text;

namespace ContactRules.Benchmarks.Baseline;

/// <summary>
/// The hand-written CSV writer of the tool before issue 15 (main at b8eb2e3), kept here only as the
/// baseline of <see cref="CsvWriteBenchmarks"/>. Writes a CSV file (RFC 4180, UTF-8 without byte order mark, <c>\n</c> line ends) through one
/// pooled buffer: a field is quoted only when it holds a comma, a quote or a line break.
/// </summary>
internal sealed class LegacyCsvWriter : IDisposable
{
    private static readonly SearchValues<byte> NeedsQuotes = SearchValues.Create(","u8 + "\""u8 + "\r\n"u8);

    private readonly Stream stream;
    private byte[] buffer;
    private int position;
    private bool firstField = true;

    internal LegacyCsvWriter(Stream stream)
    {
        this.stream = stream;
        buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    }

    /// <summary>Writes a field given as UTF-8 bytes.</summary>
    internal void Field(ReadOnlySpan<byte> utf8)
    {
        Separate();
        if (utf8.IndexOfAny(NeedsQuotes) < 0)
        {
            Raw(utf8);
            return;
        }

        Raw("\""u8);
        while (true)
        {
            var quote = utf8.IndexOf((byte)'"');
            if (quote < 0)
            {
                Raw(utf8);
                break;
            }

            Raw(utf8.Slice(0, quote + 1));
            Raw("\""u8);
            utf8 = utf8.Slice(quote + 1);
        }

        Raw("\""u8);
    }

    /// <summary>Writes a text field; null is an empty field.</summary>
    internal void Field(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            Field(ReadOnlySpan<byte>.Empty);
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> bytes = rented ?? stackalloc byte[512];
        var written = Encoding.UTF8.GetBytes(text, bytes);
        Field(bytes.Slice(0, written));
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes a whole number.</summary>
    internal void Field(long number)
    {
        Separate();
        Ensure(20);
        Utf8Formatter.TryFormat(number, buffer.AsSpan(position), out var written);
        position += written;
    }

    /// <summary>
    /// Writes bytes that are already one or more formatted CSV fields (their separators included),
    /// as the next fields of the record.
    /// </summary>
    internal void Fields(ReadOnlySpan<byte> formatted)
    {
        Separate();
        Raw(formatted);
    }

    /// <summary>Ends the record.</summary>
    internal void EndRecord()
    {
        Ensure(1);
        buffer[position++] = (byte)'\n';
        firstField = true;
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    internal void Flush()
    {
        stream.Write(buffer, 0, position);
        position = 0;
        stream.Flush();
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = Array.Empty<byte>();
        }
    }

    private void Separate()
    {
        if (firstField)
        {
            firstField = false;
            return;
        }

        Ensure(1);
        buffer[position++] = (byte)',';
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > buffer.Length - position)
        {
            stream.Write(buffer, 0, position);
            position = 0;
            if (bytes.Length > buffer.Length)
            {
                stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (buffer.Length - position < bytes)
        {
            stream.Write(buffer, 0, position);
            position = 0;
        }
    }
}
