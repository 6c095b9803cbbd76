using System;
using System.IO;
using System.Text;

namespace ContactRules.Cli.Output;

/// <summary>
/// A write-only stream of UTF-8 bytes onto a <see cref="TextWriter"/>, for when standard output
/// is a writer without a stream beneath it (the tests' in-memory writer). Characters split across
/// two writes are decoded whole.
/// </summary>
internal sealed class TextWriterStream : WriteOnlyStream
{
    private readonly TextWriter writer;
    private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();
    private char[] chars = new char[4096];

    internal TextWriterStream(TextWriter writer)
    {
        this.writer = writer;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = decoder.GetCharCount(buffer, flush: false);
        if (needed > chars.Length)
        {
            chars = new char[needed];
        }

        var written = decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, written);
    }

    public override void Flush() => writer.Flush();
}
