using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>
/// The ContactRules analyzers against an empty analyzer on the generated 1,000-file CRM, on all
/// files and on the files without any dial call. Each benchmark checks its diagnostic count so
/// that a broken analyzer cannot look fast.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AnalyzerBenchmarks
{
    private Compilation all = null!;
    private Compilation withoutDials = null!;

    [Params(1000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = GeneratedCrm.Files(Files).ToArray();
        all = GeneratedCompilation.Create("All", files);
        withoutDials = GeneratedCompilation.Create("WithoutDials", files.Where(f => !f.Dials));
        var errors = all.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The generated code does not compile: " + errors[0]);
        }
    }

    [Benchmark(Baseline = true)]
    public int Empty_analyzer_all_files() => Run(all, new EmptyAnalyzer(), expected: 0);

    [Benchmark]
    public int ContactRules_analyzers_all_files() => Run(all, new ConsentFlowAnalyzer(), expected: Files / 10);

    [Benchmark]
    public int Empty_analyzer_files_without_dials() => Run(withoutDials, new EmptyAnalyzer(), expected: 0);

    [Benchmark]
    public int ContactRules_analyzers_files_without_dials() => Run(withoutDials, new ConsentFlowAnalyzer(), expected: 0);

    private static int Run(Compilation compilation, DiagnosticAnalyzer analyzer, int expected)
    {
        var analyzers = ImmutableArray.Create(analyzer);
        if (analyzer is ConsentFlowAnalyzer)
        {
            analyzers = analyzers.Add(new ServerClockCallingHoursAnalyzer()).Add(new DialApiFileAnalyzer());
        }

        var diagnostics = compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        // Every unguarded dial (1 in 100 methods = Files / 10) is a CR0001; nothing else is reported.
        var count = diagnostics.Count(d => d.Id.StartsWith("CR", StringComparison.Ordinal));
        if (count != expected)
        {
            throw new InvalidOperationException($"{analyzer.GetType().Name} reported {count} diagnostics, expected {expected}: {string.Join("; ", diagnostics.Take(3))}");
        }

        return count;
    }
}
