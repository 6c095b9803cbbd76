using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>
/// <see cref="ConsentFlowAnalyzer"/> on the dial-heavy CRM (eight of ten methods contact someone),
/// side by side with the empty analyzer and, when <c>CR_BEFORE_ANALYZERS</c> names the
/// <c>ContactRules.Analyzers.dll</c> of an earlier build, with that build's ConsentFlowAnalyzer in
/// the same process. Each benchmark checks the diagnostics (three per file) so that a broken
/// analyzer cannot look fast. Min is the figure to compare on a loaded machine: interference only
/// ever adds time.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 9)]
public class DialHeavyBenchmarks
{
    private Compilation compilation = null!;
    private Type? before;

    [Params(100)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        compilation = GeneratedCompilation.Create("DialHeavy", GeneratedDialHeavyCrm.Files(Files));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The generated code does not compile: " + errors[0]);
        }

        if (Environment.GetEnvironmentVariable("CR_BEFORE_ANALYZERS") is { Length: > 0 } path)
        {
            var assembly = new System.Runtime.Loader.AssemblyLoadContext("before").LoadFromAssemblyPath(System.IO.Path.GetFullPath(path));
            before = assembly.GetType(typeof(ConsentFlowAnalyzer).FullName!, throwOnError: true);
        }
    }

    [Benchmark(Baseline = true)]
    public int Empty_analyzer() => Run(new EmptyAnalyzer(), expected: 0);

    [Benchmark]
    public int ConsentFlowAnalyzer_after() => Run(new ConsentFlowAnalyzer(), expected: Files * GeneratedDialHeavyCrm.DiagnosticsPerFile);

    [Benchmark]
    public int ConsentFlowAnalyzer_before()
        => before is null ? 0 : Run((DiagnosticAnalyzer)Activator.CreateInstance(before)!, expected: Files * GeneratedDialHeavyCrm.DiagnosticsPerFile);

    private int Run(DiagnosticAnalyzer analyzer, int expected)
    {
        // A fresh compilation each time: analyzer results and semantic models are cached per compilation.
        var diagnostics = compilation.Clone().WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var count = diagnostics.Count(d => d.Id.StartsWith("CR", StringComparison.Ordinal));
        if (count != expected)
        {
            throw new InvalidOperationException($"{analyzer.GetType().Name} reported {count} diagnostics, expected {expected}: {string.Join("; ", diagnostics.Take(3))}");
        }

        return count;
    }
}
