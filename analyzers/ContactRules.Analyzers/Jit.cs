using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers;

/// <summary>How the runtime compiles the analysis's hottest methods.</summary>
/// <remarks>
/// A build runs this code for about a second, in a compiler process that keeps compiling methods
/// of its own: tiered compilation never gets to optimise ours (none of them reached tier 1 in a
/// 1,000-file or a dial-heavy build), which then run as unoptimised first-tier code throughout.
/// The small methods called for every operation and every candidate (the lattice's meet,
/// comparison and lookups, the model's caches) are compiled optimised at once instead
/// (<c>AggressiveOptimization</c>, which netstandard2.0 does not name; a runtime that does not know
/// the flag ignores it). The large ones (the interpreter's <c>Eval</c> and <c>Invoke</c>, the walk)
/// are not: optimising them at once cost a build more than it gave back on a project that dials
/// in few places (docs/benchmarks-analyzers.md).
/// </remarks>
internal static class Jit
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
