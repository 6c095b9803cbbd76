namespace ContactRules.Registries;

/// <summary>
/// The registry file format, version 1 (little-endian):
/// <list type="bullet">
/// <item>a 64-byte header: magic <c>CRREG01\0</c>, format version, registry, snapshot instant
/// (Unix seconds), number count, smallest key, bucket shift, entry width in bytes, bucket count,
/// and an XxHash3 checksum of everything after the header;</item>
/// <item>the bucket index: bucket count + 1 unsigned 32-bit entry offsets;</item>
/// <item>the entries: for each number, the low <c>shift</c> bits of <c>key − smallest key</c>,
/// sorted within its bucket, 2, 4 or 8 bytes each.</item>
/// </list>
/// A number's bucket is <c>(key − smallest key) &gt;&gt; shift</c>; a lookup is one index read and a
/// interpolated probe within about 512 evenly spread entries. 250 million US numbers take about 500 MB.
/// </summary>
internal static class RegistryLayout
{
    internal const int HeaderSize = 64;
    internal const uint FormatVersion = 1;
    internal static readonly byte[] Magic = { (byte)'C', (byte)'R', (byte)'R', (byte)'E', (byte)'G', (byte)'0', (byte)'1', 0 };

    internal const int VersionOffset = 8;
    internal const int RegistryOffset = 12;
    internal const int SnapshotOffset = 16;
    internal const int CountOffset = 24;
    internal const int MinKeyOffset = 32;
    internal const int ShiftOffset = 40;
    internal const int EntryWidthOffset = 44;
    internal const int BucketCountOffset = 48;
    internal const int ChecksumOffset = 56;

    /// <summary>
    /// The bucket shift that gives about 512 numbers a bucket (at least 1 bucket): the index stays
    /// small enough to live in the processor's cache (2 MB for 250 million numbers), and numbers
    /// spread evenly within a bucket, so an interpolation lands within a cache line of the entry.
    /// </summary>
    internal static int ChooseShift(ulong range, long count)
    {
        var targetBuckets = System.Math.Max(1UL, (ulong)count / 512);
        var shift = 0;
        while (shift < 63 && ((range >> shift) + 1) > targetBuckets)
        {
            shift++;
        }

        return shift;
    }

    internal static int EntryWidth(int shift) => shift <= 16 ? 2 : shift <= 32 ? 4 : 8;
}
