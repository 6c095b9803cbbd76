using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers;

/// <summary>How the runtime compiles the analysis's hottest methods.</summary>
/// <remarks>
/// A build runs this code for less than a second, in a compiler process that keeps compiling
/// methods of its own: tiered compilation never gets to optimise ours, which then runs as
/// unoptimised first-tier code for the whole build. The methods the interpreter calls for every
/// operation are compiled optimised at once instead (<c>AggressiveOptimization</c>, which
/// netstandard2.0 does not name; a runtime that does not know the flag ignores it).
/// </remarks>
internal static class Jit
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
