using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Cli.Csv;
using CsCheck;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// The CSV reader: tolerant where the format is ambiguous (a quote inside an unquoted field is an
/// ordinary character), exact where it is not (a quoted field must close, and be followed by a
/// comma or the end of the line), and never losing a line: every line of a file is part of exactly
/// one record, read or reported, or a blank line between records.
/// </summary>
public class CsvReaderTests
{
    /// <summary>One record as the reader gave it: its lines, and its fields or its problem.</summary>
    internal sealed record Record(long Line, long LastLine, string[]? Fields, CsvProblem? Problem);

    internal static List<Record> ReadAll(string text, int chunk = int.MaxValue)
    {
        using var reader = new CsvReader(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk));
        var records = new List<Record>();
        while (reader.TryRead(out var problem))
        {
            records.Add(new Record(reader.Line, reader.LastLine, problem is null ? Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray() : null, problem));
        }

        return records;
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_an_ordinary_character()
    {
        var records = ReadAll("a,b\n1,ac\"me\n2,\"x\"\"y\"\n3,a\"\"b\"\n");

        Assert.Equal(new[] { "1", "ac\"me" }, records[1].Fields);
        Assert.Equal(new[] { "2", "x\"y" }, records[2].Fields);
        Assert.Equal(new[] { "3", "a\"\"b\"" }, records[3].Fields);
    }

    [Fact]
    public void An_unclosed_quoted_field_is_a_problem_of_its_line_and_the_next_line_is_read()
    {
        var records = ReadAll("a,b\n1,\"open\n2,two\n3,three\n");

        Assert.Equal(4, records.Count);
        Assert.Equal((2L, 2L, 2), (records[1].Line, records[1].LastLine, records[1].Problem!.Column));
        Assert.StartsWith("a quoted field opened here is never closed (no closing '\"' before the end of the file)", records[1].Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "2", "two" }, records[2].Fields);
        Assert.Equal(new[] { "3", "three" }, records[3].Fields);
    }

    [Fact]
    public void A_quoted_field_closed_lines_below_by_a_stray_quote_gives_back_the_lines_between()
    {
        // Line 2 opens a quote that line 4 "closes" in the middle of a field: line 2 alone is
        // reported, and lines 3 and 4 are read as the records they are.
        var records = ReadAll("a,b\n1,\"open\n2,two\n3,th\"ree\n");

        Assert.Equal(new long[] { 1, 2, 3, 4 }, records.Select(r => r.Line));
        Assert.Equal(2, records[1].Problem!.Column);
        Assert.StartsWith("found 'r' after the closing quote of a quoted field opened here and closed 2 lines below", records[1].Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "2", "two" }, records[2].Fields);
        Assert.Equal(new[] { "3", "th\"ree" }, records[3].Fields);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_the_record_counts_them()
    {
        var records = ReadAll("a,b\r\n1,\"x\r\ny, \"\"z\"\"\"\r\n\r\n2,w");

        Assert.Equal((2L, 3L), (records[1].Line, records[1].LastLine));
        Assert.Equal(new[] { "1", "x\r\ny, \"z\"" }, records[1].Fields);
        Assert.Equal((5L, 5L), (records[2].Line, records[2].LastLine));
        Assert.Equal(new[] { "2", "w" }, records[2].Fields);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_a_problem_of_that_line()
    {
        var records = ReadAll("a,b\n1,\"telco\"x\n2,two\n");

        Assert.Equal(2, records[1].Problem!.Column);
        Assert.Equal("found 'x' after the closing quote of a quoted field; expected a comma or the end of the line (a quote inside a field is written twice: \"\")", records[1].Problem!.Message);
        Assert.Equal(new[] { "2", "two" }, records[2].Fields);
    }

    [Fact]
    public void A_byte_order_mark_and_blank_lines_are_not_records()
    {
        var records = ReadAll("\uFEFFa,b\n\n\r\n1,2\n\n");

        Assert.Equal(new[] { "a", "b" }, records[0].Fields);
        Assert.Equal(4L, records[1].Line);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void A_line_longer_than_the_bound_is_reported_and_the_next_line_is_read()
    {
        var records = ReadAll("a,b\n1," + new string('x', 3 * CsvReader.MaxRecordBytes) + "\n2,two\n", chunk: 1 << 15);

        Assert.Equal(0, records[1].Problem!.Column);
        Assert.StartsWith("the record is longer than 1 MiB", records[1].Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "2", "two" }, records[2].Fields);
        Assert.Equal(3L, records[2].Line);
    }

    [Fact]
    public void A_quote_left_open_over_more_than_the_bound_gives_back_the_lines_below()
    {
        var lines = string.Concat(Enumerable.Range(0, 150_000).Select(i => $"{i},row number {i}\n"));
        var records = ReadAll("a,b\n1,\"open\n" + lines, chunk: 4096);

        Assert.StartsWith("the record is longer than 1 MiB", records[1].Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(150_000 + 2, records.Count);
        Assert.Equal(new[] { "149999", "row number 149999" }, records[^1].Fields);
    }

    private static readonly Gen<string> Piece = Gen.OneOfConst("a", "b", "é", ",", ",", "\"", "\"\"", "\r", " ", "+33612345678");

    private static readonly Gen<string> Line = Piece.Array[0, 8].Select(p => string.Concat(p));

    /// <summary>Files of a few lines of commas, quotes, carriage returns and text, each with a line end of its own.</summary>
    private static readonly Gen<(string[] Lines, string Text, int Chunk)> Files =
        from lines in Line.Array[1, 30]
        from crlf in Gen.Bool
        from lastEnded in Gen.Bool
        from chunk in Gen.OneOfConst(1, 3, 7, 4096)
        select (lines, string.Join(crlf ? "\r\n" : "\n", lines) + (lastEnded ? "\n" : string.Empty), chunk);

    [Fact]
    public void Every_line_is_read_or_reported_never_both_never_neither()
        => Files.Sample(
            file =>
            {
                var records = ReadAll(file.Text, file.Chunk);
                var physical = Lines(file.Text);
                var count = physical.Length;
                var covered = new int[count + 1];
                var previous = 0L;
                foreach (var record in records)
                {
                    // In order, without overlap; a problem is its first line's alone.
                    if (record.Line <= previous || record.LastLine < record.Line || (record.Problem is not null && record.LastLine != record.Line))
                    {
                        return false;
                    }

                    for (var line = record.Line; line <= record.LastLine; line++)
                    {
                        covered[line]++;
                    }

                    previous = record.LastLine;
                }

                // Every line once, except the blank lines between records, which are none.
                for (var line = 1; line <= count; line++)
                {
                    var blank = physical[line - 1].Length == 0;
                    if (covered[line] > 1 || (!blank && covered[line] == 0))
                    {
                        return false;
                    }
                }

                return true;
            },
            iter: 5000);

    [Fact]
    public void A_line_where_no_field_starts_with_a_quote_is_read_as_its_comma_separated_parts()
        => Files.Sample(
            file =>
            {
                var physical = Lines(file.Text);
                foreach (var record in ReadAll(file.Text, file.Chunk).Where(r => r.Problem is null && r.Line == r.LastLine))
                {
                    var line = physical[record.Line - 1];
                    var parts = line.Split(',');
                    if (parts.All(p => !p.StartsWith('"')) && !parts.SequenceEqual(record.Fields!))
                    {
                        return false;
                    }
                }

                return true;
            },
            iter: 5000);

    /// <summary>The lines of <paramref name="text"/>: <c>\r\n</c>, <c>\n</c> and <c>\r</c> each end one; a last line without an end counts.</summary>
    private static string[] Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        return text.EndsWith('\n') || text.EndsWith('\r') ? lines[..^1] : lines;
    }

    /// <summary>A stream that hands out at most a few bytes a read, so that records straddle the reader's refills.</summary>
    private sealed class TrickleStream : MemoryStream
    {
        private readonly int chunk;

        internal TrickleStream(byte[] bytes, int chunk)
            : base(bytes)
        {
            this.chunk = chunk;
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, chunk)));
    }
}
