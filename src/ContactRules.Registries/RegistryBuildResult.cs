using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Registries;

/// <summary>What a registry build read and wrote.</summary>
public sealed class RegistryBuildResult
{
    internal RegistryBuildResult(long linesRead, long numbers, long duplicates, long rejected, ImmutableArray<string> firstRejections, long bytes, Duration elapsed)
    {
        LinesRead = linesRead;
        Numbers = numbers;
        Duplicates = duplicates;
        Rejected = rejected;
        FirstRejections = firstRejections;
        SizeInBytes = bytes;
        Elapsed = elapsed;
    }

    /// <summary>The lines read (header and blank lines included).</summary>
    public long LinesRead { get; }

    /// <summary>The distinct numbers written.</summary>
    public long Numbers { get; }

    /// <summary>Numbers listed more than once (written once).</summary>
    public long Duplicates { get; }

    /// <summary>Lines that were not phone numbers and were skipped (within <see cref="RegistryBuildOptions.MaxRejectedLines"/>).</summary>
    public long Rejected { get; }

    /// <summary>The first rejected lines, each with its line number and what was expected.</summary>
    public ImmutableArray<string> FirstRejections { get; }

    /// <summary>The size of the file written.</summary>
    public long SizeInBytes { get; }

    /// <summary>How long the build took.</summary>
    public Duration Elapsed { get; }
}
