using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers.Benchmarks;

// This baseline is only instantiated in-process by the benchmark, never loaded by a compiler or
// shipped: the rules for shipped analyzers (netstandard2.0, release tracking, banned APIs) do not apply.
#pragma warning disable RS1036, RS1041, RS2008

/// <summary>The baseline: an analyzer that registers the same kind of per-block invocation action and does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("EMPTY0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockStartAction(block =>
        {
            block.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            block.RegisterOperationBlockEndAction(_ => { });
        });
    }
}
