using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Threading;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Registries;

/// <summary>
/// A national do-not-call registry snapshot, memory-mapped read-only: membership checks take a few
/// tens of nanoseconds and share the operating system's page cache between processes.
/// </summary>
/// <remarks>
/// Opening checks the header, the size and a checksum of the whole file: a torn, truncated or
/// corrupted file is a <see cref="RegistryFormatException"/>, never an empty list. The instance is
/// safe to share between threads; dispose it to unmap the file.
/// </remarks>
public sealed unsafe class RegistryFile : IDisposable
{
    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* basePointer;
    private readonly uint* index;
    private readonly byte* entries;
    private readonly ulong minKey;
    private readonly int shift;
    private readonly int entryWidth;
    private readonly long bucketCount;
    private readonly ulong lowMask;
    private int disposed;

    private RegistryFile(string path, MemoryMappedFile map, MemoryMappedViewAccessor view, byte* basePointer, long length)
    {
        Path = path;
        this.map = map;
        this.view = view;
        this.basePointer = basePointer;
        SizeInBytes = length;

        var header = new ReadOnlySpan<byte>(basePointer, RegistryLayout.HeaderSize);
        Registry = (ContactRegistry)BinaryPrimitives.ReadInt32LittleEndian(header.Slice(RegistryLayout.RegistryOffset));
        SnapshotAt = Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64LittleEndian(header.Slice(RegistryLayout.SnapshotOffset)));
        Count = BinaryPrimitives.ReadInt64LittleEndian(header.Slice(RegistryLayout.CountOffset));
        minKey = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(RegistryLayout.MinKeyOffset));
        shift = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(RegistryLayout.ShiftOffset));
        entryWidth = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(RegistryLayout.EntryWidthOffset));
        bucketCount = BinaryPrimitives.ReadInt64LittleEndian(header.Slice(RegistryLayout.BucketCountOffset));
        lowMask = shift == 64 ? ulong.MaxValue : (1UL << shift) - 1;
        index = (uint*)(basePointer + RegistryLayout.HeaderSize);
        entries = basePointer + RegistryLayout.HeaderSize + ((bucketCount + 1) * sizeof(uint));
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The register this snapshot is of.</summary>
    public ContactRegistry Registry { get; }

    /// <summary>
    /// The date of the register version, as given when the file was built: freshness rules (US
    /// National DNC: at most 31 days old) judge it, and numbers in it are taken as protected from
    /// this instant at the latest.
    /// </summary>
    public Instant SnapshotAt { get; }

    /// <summary>The number of distinct numbers in the snapshot.</summary>
    public long Count { get; }

    /// <summary>The file's size in bytes.</summary>
    public long SizeInBytes { get; }

    /// <summary>Opens and verifies a registry file.</summary>
    /// <param name="path">The file built by <see cref="RegistryFileBuilder"/>.</param>
    /// <returns>The open registry.</returns>
    /// <exception cref="RegistryFormatException">The file is torn, corrupted or of another format.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static RegistryFile Open(string path)
    {
        Preconditions.CheckNotEmpty(path, nameof(path));
        var length = new FileInfo(path).Length;
        if (length < RegistryLayout.HeaderSize)
        {
            throw new RegistryFormatException($"Registry file '{path}' is {length} bytes long, shorter than the {RegistryLayout.HeaderSize}-byte header: it is torn or not a registry file.");
        }

        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            acquired = true;
            pointer += view.PointerOffset;
            Verify(path, pointer, length);
            return new RegistryFile(path, map, view, pointer, length);
        }
        catch
        {
            if (acquired)
            {
                view!.SafeMemoryMappedViewHandle.ReleasePointer();
            }

            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>True when the E.164 number is in the snapshot.</summary>
    /// <param name="e164">A number in E.164 form, such as <c>+12025550123</c>.</param>
    /// <returns>Whether the number is registered.</returns>
    /// <exception cref="ArgumentException">The number is not in E.164 form.</exception>
    public bool Contains(string e164)
    {
        Preconditions.CheckNotNull(e164, nameof(e164));
        if (!PhoneKey.TryParseE164(e164.AsSpan(), out var key))
        {
            throw new ArgumentException($"Expected an E.164 number ('+' then up to 15 digits); got '{e164}'.", nameof(e164));
        }

        return Contains(key);
    }

    /// <summary>Releases the mapping.</summary>
    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref disposed, 1) == 0)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            map.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Registry} snapshot of {SnapshotAt}: {Count:N0} numbers ({Path})";

    internal bool Contains(ulong key)
    {
        ThrowIfDisposed();
        if (!TryLocate(key, out var first, out var count, out var low))
        {
            return false;
        }

        return Walk(first, count, low, Guess(first, count, low));
    }

    /// <summary>
    /// Looks many numbers up at once: <paramref name="found"/>[i] is true when
    /// <paramref name="e164Numbers"/>[i] is in the snapshot. The answers are those of
    /// <see cref="Contains(string)"/>, faster per number on a large file: the two memory reads of
    /// each lookup are started (prefetched) several numbers ahead, so that they overlap those of
    /// the numbers around it instead of waiting one after the other (docs/benchmarks.md).
    /// </summary>
    /// <param name="e164Numbers">Numbers in E.164 form, such as <c>+12025550123</c>.</param>
    /// <param name="found">Receives one answer per number; at least as long as <paramref name="e164Numbers"/>.</param>
    /// <exception cref="ArgumentException">A number is not in E.164 form, or <paramref name="found"/> is too short.</exception>
    public void ContainsMany(ReadOnlySpan<string> e164Numbers, Span<bool> found)
    {
        Preconditions.CheckArgument(found.Length >= e164Numbers.Length, nameof(found), $"found holds {found.Length} answers for {e164Numbers.Length} numbers.");
        ThrowIfDisposed();

        // A software pipeline: number i has the read of its bucket's index entry started; number
        // i - IndexDistance has that entry read (its read long under way) and the read of its
        // likely entry started; number i - LookupDistance is looked up, both its reads done or
        // nearly. The state of the numbers in flight lives in rings of Ring entries.
        const int IndexDistance = 8;
        const int LookupDistance = 16;
        const int Ring = 32;
        Span<long> buckets = stackalloc long[Ring];
        Span<ulong> lows = stackalloc ulong[Ring];
        Span<long> firsts = stackalloc long[Ring];
        Span<long> counts = stackalloc long[Ring];
        var n = e164Numbers.Length;
        for (var i = 0; i < n + LookupDistance; i++)
        {
            if (i < n)
            {
                var e164 = e164Numbers[i];
                Preconditions.CheckArgument(e164 is not null, nameof(e164Numbers), "The numbers must not contain null.");
                if (!PhoneKey.TryParseE164(e164.AsSpan(), out var key))
                {
                    throw new ArgumentException($"Expected an E.164 number ('+' then up to 15 digits); got '{e164}'.", nameof(e164Numbers));
                }

                var bucket = Bucket(key, out lows[i % Ring]);
                buckets[i % Ring] = bucket;
                if (bucket >= 0)
                {
                    Prefetch(index + bucket);
                }
            }

            var j = i - IndexDistance;
            if (j >= 0 && j < n && buckets[j % Ring] is >= 0 and var b)
            {
                var first = firsts[j % Ring] = index[b];
                var count = counts[j % Ring] = (long)index[b + 1] - first;
                if (count > 0)
                {
                    Prefetch(entries + (Guess(first, count, lows[j % Ring]) * entryWidth));
                }
            }

            var k = i - LookupDistance;
            if (k >= 0)
            {
                var slot = k % Ring;
                found[k] = buckets[slot] >= 0 && counts[slot] > 0 && Walk(firsts[slot], counts[slot], lows[slot], Guess(firsts[slot], counts[slot], lows[slot]));
            }
        }
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(RegistryFile));
        }
    }

    /// <summary>The bucket of <paramref name="key"/> and its low bits, or -1 when no bucket can hold it.</summary>
    private long Bucket(ulong key, out ulong low)
    {
        low = 0;
        if (key < minKey)
        {
            return -1;
        }

        var offset = key - minKey;
        var bucket = shift == 64 ? 0UL : offset >> shift;
        if (bucket >= (ulong)bucketCount)
        {
            return -1;
        }

        low = offset & lowMask;
        return (long)bucket;
    }

    private bool TryLocate(ulong key, out long first, out long count, out ulong low)
    {
        first = count = 0;
        var bucket = Bucket(key, out low);
        if (bucket < 0)
        {
            return false;
        }

        first = index[bucket];
        count = (long)index[bucket + 1] - first;
        return count > 0;
    }

    // Numbers spread evenly within a bucket: start where the value would sit, then walk.
    private long Guess(long first, long count, ulong low) => first + (long)(count * ((double)low / ((double)lowMask + 1)));

    private bool Walk(long first, long count, ulong low, long guess)
    {
        var value = Entry(guess);
        if (value == low)
        {
            return true;
        }

        if (value < low)
        {
            for (var i = guess + 1; i < first + count; i++)
            {
                value = Entry(i);
                if (value >= low)
                {
                    return value == low;
                }
            }

            return false;
        }

        for (var i = guess - 1; i >= first; i--)
        {
            value = Entry(i);
            if (value <= low)
            {
                return value == low;
            }
        }

        return false;
    }

    private static void Prefetch(void* address)
    {
#if NET8_0_OR_GREATER
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(address);
        }
#else
        _ = address;
#endif
    }

    private ulong Entry(long i) => entryWidth switch
    {
        2 => ((ushort*)entries)[i],
        4 => ((uint*)entries)[i],
        _ => ((ulong*)entries)[i],
    };

    private static void Verify(string path, byte* pointer, long length)
    {
        var header = new ReadOnlySpan<byte>(pointer, RegistryLayout.HeaderSize);
        if (!header.Slice(0, RegistryLayout.Magic.Length).SequenceEqual(RegistryLayout.Magic))
        {
            throw new RegistryFormatException($"'{path}' is not a ContactRules registry file (its first bytes are not the CRREG01 magic).");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(RegistryLayout.VersionOffset));
        if (version != RegistryLayout.FormatVersion)
        {
            throw new RegistryFormatException($"Registry file '{path}' has format version {version}; this library reads version {RegistryLayout.FormatVersion}. Rebuild it with 'contactrules registry build'.");
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(header.Slice(RegistryLayout.CountOffset));
        var shift = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(RegistryLayout.ShiftOffset));
        var width = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(RegistryLayout.EntryWidthOffset));
        var buckets = BinaryPrimitives.ReadInt64LittleEndian(header.Slice(RegistryLayout.BucketCountOffset));
        var registry = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(RegistryLayout.RegistryOffset));
        if (count < 0 || count > uint.MaxValue || shift < 0 || shift > 64 || width != RegistryLayout.EntryWidth(shift) || buckets < 1
            || buckets > (1L << 31) || !Enum.IsDefined(typeof(ContactRegistry), registry))
        {
            throw new RegistryFormatException($"Registry file '{path}' has an inconsistent header (count {count}, shift {shift}, width {width}, buckets {buckets}, registry {registry}): it is corrupted.");
        }

        var expected = RegistryLayout.HeaderSize + ((buckets + 1) * sizeof(uint)) + (count * width);
        if (length != expected)
        {
            throw new RegistryFormatException($"Registry file '{path}' is {length:N0} bytes long where its header announces {expected:N0}: it is torn (an interrupted copy or build) or corrupted.");
        }

        var hash = new XxHash3();
        var position = RegistryLayout.HeaderSize;
        const int Chunk = 1 << 30;
        for (long offset = position; offset < length; offset += Chunk)
        {
            hash.Append(new ReadOnlySpan<byte>(pointer + offset, (int)Math.Min(Chunk, length - offset)));
        }

        var stored = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(RegistryLayout.ChecksumOffset));
        if (hash.GetCurrentHashAsUInt64() != stored)
        {
            throw new RegistryFormatException($"Registry file '{path}' fails its checksum: its content was altered or damaged after it was built.");
        }

        var index = (uint*)(pointer + RegistryLayout.HeaderSize);
        if (index[0] != 0 || index[buckets] != count)
        {
            throw new RegistryFormatException($"Registry file '{path}' has a bucket index that does not cover its {count:N0} numbers: it is corrupted.");
        }
    }
}
