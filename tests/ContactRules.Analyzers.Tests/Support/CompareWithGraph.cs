using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers.Tests.Support;

/// <summary>
/// Every test of this assembly runs the consent analyzer with
/// <see cref="ConsentFlowAnalyzer.CompareWithGraph"/>: each block it walks without a control-flow
/// graph is analysed on its graph as well, and a difference in findings fails the test (AD0001).
/// </summary>
internal static class CompareWithGraph
{
#pragma warning disable CA2255 // A test assembly's own switch, set before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Enable() => ConsentFlowAnalyzer.CompareWithGraph = true;
}
