using System;
using System.Buffers;
using System.IO;
using System.Text;
using Library = CsvHelper;

namespace ContactRules.Cli.Csv;

/// <summary>
/// Writes the CSV files people open in a spreadsheet (RFC 4180, UTF-8 without byte order mark,
/// <c>\n</c> line ends) through CsvHelper's writer: a field is quoted only when it holds a comma,
/// a quote or a line break, and a text that a spreadsheet would run as a formula is written so
/// that it shows as text (<see cref="SpreadsheetText"/>).
/// </summary>
internal sealed class CsvWriter : IDisposable
{
    private readonly Library.CsvWriter writer;

    internal CsvWriter(Stream stream)
    {
        writer = Library.CsvWriter.Create(
            stream,
            Library.CsvWriterOptions.Default with
            {
                Separator = ',',
                NewLine = "\n",
                Mode = Library.CsvMode.Rfc4180,

                // The tool neutralises formulas itself: a number such as '+33612345678' or '-5' is
                // a value, not a formula, and must stay dialable and summable.
                Injection = Library.CsvInjection.None,
                ValidateFieldCount = false,
            },
            leaveOpen: true);
    }

    /// <summary>Writes a text field given as UTF-8 bytes, neutralised for spreadsheets.</summary>
    internal void Field(ReadOnlySpan<byte> utf8)
    {
        if (!SpreadsheetText.NeedsNeutralising(utf8))
        {
            writer.WriteField(utf8);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(utf8.Length + 1);
        rented[0] = SpreadsheetText.Neutraliser;
        utf8.CopyTo(rented.AsSpan(1));
        writer.WriteField(rented.AsSpan(0, utf8.Length + 1));
        ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>Writes a text field; null is an empty field.</summary>
    internal void Field(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            writer.WriteField(ReadOnlySpan<byte>.Empty);
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
    internal void Field(long number) => writer.WriteField(number, default);

    /// <summary>Writes a field already neutralised (an outcome formatted once and written on many rows).</summary>
    internal void Verbatim(ReadOnlySpan<byte> utf8) => writer.WriteField(utf8);

    /// <summary>Writes a header record: the column names, comma-separated in <paramref name="names"/>.</summary>
    internal void Header(string names)
    {
        foreach (var name in names.Split(','))
        {
            Field(name);
        }

        EndRecord();
    }

    /// <summary>Ends the record.</summary>
    internal void EndRecord() => writer.EndRecord();

    /// <summary>Writes what is buffered to the stream.</summary>
    internal void Flush() => writer.Flush();

    public void Dispose() => writer.Dispose();
}
