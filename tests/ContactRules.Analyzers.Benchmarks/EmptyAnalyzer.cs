using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers.Benchmarks;

// This baseline is instantiated in-process by the benchmark and compiled on its own into
// EmptyAnalyzer.dll by `generate` for the build measurement; it is never shipped, so the rules
// for shipped analyzers (netstandard2.0, release tracking, banned APIs) do not apply.
#pragma warning disable RS1036, RS1041, RS2008

/// <summary>
/// The baseline: the cheapest analyzer that looks at code, one no-op action on every invocation.
/// Like ours, it makes the compiler build the operation trees of every method body, so the
/// difference between the two is the work our analyzers do, not the price of being an analyzer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("EMPTY0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }
}
