namespace ContactRules.Analyzers;

/// <summary>The shape of the per-compilation symbol caches, read and filled by every thread of a build.</summary>
/// <remarks>
/// With the default shape (one lock per processor, 31 buckets) the threads adding the first
/// answers for a compilation waited for each other's locks, and for the table's growth, which
/// takes every lock: that wait was charged to the analyzer (docs/benchmarks-analyzers.md).
/// </remarks>
internal static class Caches
{
    public const int ConcurrencyLevel = 32;

    public const int Capacity = 1024;
}
