using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Registries;

/// <summary>
/// Builds a <see cref="RegistryFile"/> from a register's plain text or CSV export: one number a
/// line (or in a given column), E.164 or national digits with a default country code.
/// </summary>
/// <remarks>
/// The export is parsed on every core, bucketed by the high bits of each number, sorted within
/// buckets and written once, with a checksum; the file appears under its final name only when
/// complete, so an interrupted build never leaves a torn registry behind. A line that is not a
/// phone number fails the build (with its line number and what was expected) unless the options
/// allow rejected lines: a skipped line may be a protected number.
/// </remarks>
public static class RegistryFileBuilder
{
    private const int MaxReportedRejections = 20;

    /// <summary>Builds a registry file from an export file.</summary>
    /// <param name="exportPath">The register's export: text or CSV.</param>
    /// <param name="outputPath">Where to write the registry file.</param>
    /// <param name="options">How to read the export and what to record.</param>
    /// <returns>What was read and written.</returns>
    /// <exception cref="RegistryFormatException">The export has lines that are not phone numbers (beyond the allowed count).</exception>
    public static RegistryBuildResult Build(string exportPath, string outputPath, RegistryBuildOptions options)
    {
        Preconditions.CheckNotEmpty(exportPath, nameof(exportPath));
        Preconditions.CheckNotEmpty(outputPath, nameof(outputPath));
        Preconditions.CheckNotNull(options, nameof(options));
        var watch = Stopwatch.StartNew();
        var length = new FileInfo(exportPath).Length;
        var boundaries = ChunkBoundaries(exportPath, length, Math.Max(1, Math.Min(Environment.ProcessorCount, (int)(length / (1 << 20)) + 1)));
        var chunks = new ChunkResult[boundaries.Length - 1];
        Parallel.For(0, chunks.Length, i => chunks[i] = ParseChunk(exportPath, boundaries[i], boundaries[i + 1], i == 0 && options.HasHeader, options));
        return Finish(exportPath, chunks, outputPath, options, watch);
    }

    /// <summary>Builds a registry file from numbers in memory (each item is read like a line of an export).</summary>
    /// <param name="numbers">The numbers.</param>
    /// <param name="outputPath">Where to write the registry file.</param>
    /// <param name="options">How to read the numbers and what to record.</param>
    /// <returns>What was read and written.</returns>
    /// <exception cref="RegistryFormatException">Some items are not phone numbers (beyond the allowed count).</exception>
    public static RegistryBuildResult Build(IEnumerable<string> numbers, string outputPath, RegistryBuildOptions options)
    {
        Preconditions.CheckNotNull(numbers, nameof(numbers));
        Preconditions.CheckNotEmpty(outputPath, nameof(outputPath));
        Preconditions.CheckNotNull(options, nameof(options));
        var watch = Stopwatch.StartNew();
        var (code, codeDigits) = options.CountryCode();
        var chunk = new ChunkResult();
        foreach (var number in numbers)
        {
            chunk.Lines++;
            var bytes = Encoding.UTF8.GetBytes(number ?? string.Empty);
            ParseLine(bytes, chunk, options.Column, code, codeDigits);
        }

        return Finish("(numbers in memory)", new[] { chunk }, outputPath, options, watch);
    }

    private static RegistryBuildResult Finish(string source, ChunkResult[] chunks, string outputPath, RegistryBuildOptions options, Stopwatch watch)
    {
        var lines = chunks.Sum(c => c.Lines);
        var rejected = chunks.Sum(c => c.Rejected);
        var rejections = new List<string>();
        long lineOffset = 0;
        foreach (var chunk in chunks)
        {
            rejections.AddRange(chunk.Rejections.Select(r => $"line {r.Line + lineOffset}: {r.Message}"));
            lineOffset += chunk.Lines;
        }

        if (rejected > options.MaxRejectedLines)
        {
            throw new RegistryFormatException(
                $"{source}: {rejected:N0} line(s) are not phone numbers (at most {options.MaxRejectedLines:N0} allowed), so the registry was not written. "
                + string.Join("; ", rejections.Take(MaxReportedRejections)) + (rejected > MaxReportedRejections ? "; ..." : string.Empty));
        }

        var count = chunks.Sum(c => (long)c.Count);
        if (count > uint.MaxValue)
        {
            throw new RegistryFormatException($"{source}: {count:N0} numbers exceed the format's limit of {uint.MaxValue:N0}.");
        }

        var (written, bytes) = Write(chunks, count, outputPath, options);
        return new RegistryBuildResult(lines, written, count - written, rejected, rejections.Take(MaxReportedRejections).ToImmutableArray(), bytes, Duration.FromTimeSpan(watch.Elapsed));
    }

    private static (long Written, long Bytes) Write(ChunkResult[] chunks, long count, string outputPath, RegistryBuildOptions options)
    {
        ulong minKey = count == 0 ? 0 : ulong.MaxValue;
        ulong maxKey = 0;
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                minKey = Math.Min(minKey, chunk.Keys[i]);
                maxKey = Math.Max(maxKey, chunk.Keys[i]);
            }
        }

        var shift = RegistryLayout.ChooseShift(maxKey - minKey, count);
        var width = RegistryLayout.EntryWidth(shift);
        var buckets = (long)((maxKey - minKey) >> shift) + 1;
        if (buckets > (1L << 31))
        {
            throw new RegistryFormatException($"The numbers span too wide a range for the format ({buckets:N0} buckets).");
        }

        // Bucket the keys (a most-significant-digit counting sort) straight from the parsed
        // chunks, releasing each chunk once it is placed, then sort each small bucket.
        var starts = new long[buckets + 1];
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                starts[((chunk.Keys[i] - minKey) >> shift) + 1]++;
            }
        }

        for (long b = 0; b < buckets; b++)
        {
            starts[b + 1] += starts[b];
        }

        var sorted = new ulong[count];
        var cursor = (long[])starts.Clone();
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                var key = chunk.Keys[i];
                sorted[cursor[(long)((key - minKey) >> shift)]++] = key;
            }

            chunk.Release();
        }

        Parallel.For(0, Environment.ProcessorCount, part =>
        {
            for (var b = part; b < buckets; b += Environment.ProcessorCount)
            {
                var length = (int)(starts[b + 1] - starts[b]);
                if (length > 1)
                {
                    Array.Sort(sorted, (int)starts[b], length);
                }
            }
        });

        // Remove duplicates in place, recording each bucket's new start.
        var index = new uint[buckets + 1];
        long write = 0;
        for (long b = 0; b < buckets; b++)
        {
            index[b] = (uint)write;
            for (var read = starts[b]; read < starts[b + 1]; read++)
            {
                if (read == starts[b] || sorted[read] != sorted[read - 1])
                {
                    sorted[write++] = sorted[read];
                }
            }
        }

        index[buckets] = (uint)write;
        var temporary = outputPath + ".building";
        long total;
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
        {
            var hash = new XxHash3();
            var header = new byte[RegistryLayout.HeaderSize];
            file.Write(header, 0, header.Length);
            var buffer = new byte[1 << 20];
            var used = 0;

            void Flush()
            {
                hash.Append(new ReadOnlySpan<byte>(buffer, 0, used));
                file.Write(buffer, 0, used);
                used = 0;
            }

            foreach (var offset in index)
            {
                if (used + 4 > buffer.Length)
                {
                    Flush();
                }

                BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(used), offset);
                used += 4;
            }

            var mask = shift == 64 ? ulong.MaxValue : (1UL << shift) - 1;
            for (long i = 0; i < write; i++)
            {
                if (used + 8 > buffer.Length)
                {
                    Flush();
                }

                var low = (sorted[i] - minKey) & mask;
                switch (width)
                {
                    case 2:
                        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(used), (ushort)low);
                        break;
                    case 4:
                        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(used), (uint)low);
                        break;
                    default:
                        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(used), low);
                        break;
                }

                used += width;
            }

            Flush();
            RegistryLayout.Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(RegistryLayout.VersionOffset), RegistryLayout.FormatVersion);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(RegistryLayout.RegistryOffset), (int)options.Registry);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(RegistryLayout.SnapshotOffset), options.SnapshotAt.ToUnixTimeSeconds());
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(RegistryLayout.CountOffset), write);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(RegistryLayout.MinKeyOffset), minKey);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(RegistryLayout.ShiftOffset), shift);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(RegistryLayout.EntryWidthOffset), width);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(RegistryLayout.BucketCountOffset), buckets);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(RegistryLayout.ChecksumOffset), hash.GetCurrentHashAsUInt64());
            file.Position = 0;
            file.Write(header, 0, header.Length);
            file.Flush(flushToDisk: true);
            total = file.Length;
        }

        if (File.Exists(outputPath))
        {
            File.Delete(outputPath);
        }

        File.Move(temporary, outputPath);
        return (write, total);
    }

    private static long[] ChunkBoundaries(string path, long length, int chunks)
    {
        var boundaries = new long[chunks + 1];
        boundaries[chunks] = length;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        for (var i = 1; i < chunks; i++)
        {
            var position = Math.Max(boundaries[i - 1], length * i / chunks);
            stream.Position = position;
            int b;
            while ((b = stream.ReadByte()) >= 0 && b != '\n')
            {
                position++;
            }

            boundaries[i] = Math.Min(length, position + 1);
        }

        return boundaries;
    }

    private static ChunkResult ParseChunk(string path, long start, long end, bool skipHeader, RegistryBuildOptions options)
    {
        var (code, codeDigits) = options.CountryCode();
        var result = new ChunkResult { Keys = new ulong[Math.Max(16, (end - start) / 11)] };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Position = start;
        var buffer = new byte[1 << 20];
        var carry = 0;
        var remaining = end - start;
        var skip = skipHeader;
        while (remaining > 0 || carry > 0)
        {
            var read = remaining > 0 ? stream.Read(buffer, carry, (int)Math.Min(buffer.Length - carry, remaining)) : 0;
            remaining -= read;
            var filled = carry + read;
            var lineStart = 0;
            for (var i = 0; i < filled; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                result.Lines++;
                if (skip)
                {
                    skip = false;
                }
                else
                {
                    ParseLine(new ReadOnlySpan<byte>(buffer, lineStart, i - lineStart), result, options.Column, code, codeDigits);
                }

                lineStart = i + 1;
            }

            carry = filled - lineStart;
            if (read == 0)
            {
                // The last line of the file has no newline.
                if (carry > 0)
                {
                    result.Lines++;
                    if (!skip)
                    {
                        ParseLine(new ReadOnlySpan<byte>(buffer, lineStart, carry), result, options.Column, code, codeDigits);
                    }
                }

                break;
            }

            if (carry == buffer.Length)
            {
                throw new RegistryFormatException($"'{path}': line {result.Lines + 1} of a chunk is longer than {buffer.Length:N0} bytes; a registry export has one number a line.");
            }

            Buffer.BlockCopy(buffer, lineStart, buffer, 0, carry);
        }

        return result;
    }

    private static void ParseLine(ReadOnlySpan<byte> line, ChunkResult result, int column, ulong code, int codeDigits)
    {
        if (line.Length > 0 && line[line.Length - 1] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        if (IsBlank(line))
        {
            return;
        }

        var field = line;
        for (var c = 0; c < column; c++)
        {
            var comma = field.IndexOf((byte)',');
            if (comma < 0)
            {
                result.Reject($"expected at least {column + 1} comma-separated columns");
                return;
            }

            field = field.Slice(comma + 1);
        }

        var end = field.IndexOf((byte)',');
        if (end >= 0)
        {
            field = field.Slice(0, end);
        }

        var error = PhoneKey.TryParseField(field, code, codeDigits, out var key);
        if (error is not null)
        {
            result.Reject($"{error} (found '{Encoding.UTF8.GetString(field.ToArray())}')");
            return;
        }

        result.Add(key);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class ChunkResult
    {
        public ulong[] Keys { get; set; } = new ulong[16];

        public int Count { get; private set; }

        public long Lines { get; set; }

        public long Rejected { get; private set; }

        public List<(long Line, string Message)> Rejections { get; } = new List<(long, string)>();

        public void Add(ulong key)
        {
            if (Count == Keys.Length)
            {
                var grown = new ulong[Math.Min((long)Keys.Length * 2, int.MaxValue - 64)];
                Array.Copy(Keys, grown, Count);
                Keys = grown;
            }

            Keys[Count++] = key;
        }

        public void Release()
        {
            Keys = Array.Empty<ulong>();
            Count = 0;
        }

        public void Reject(string message)
        {
            Rejected++;
            if (Rejections.Count < MaxReportedRejections)
            {
                Rejections.Add((Lines, message));
            }
        }
    }
}
