using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>
/// <c>telemetry [files] [rounds] [dial-heavy|standard] [analyzers.dll]</c>: the per-analyzer execution time that <c>-p:ReportAnalyzer=true</c>
/// reports, measured in-process on the generated CRM, for quick comparisons while working on the
/// analyzers. Sequential analysis, so that each analyzer's time is less disturbed by the others.
/// BenchmarkDotNet (<see cref="AnalyzerBenchmarks"/>) is the measurement to publish.
/// </summary>
internal static class Telemetry
{
    public static void Run(int files, int rounds, bool dialHeavy, string? analyzerAssembly = null)
    {
        var sets = dialHeavy
            ? new[] { ("dial-heavy", GeneratedCompilation.Create("DialHeavy", GeneratedDialHeavyCrm.Files(files))) }
            : new[] { ("all files", GeneratedCompilation.Create("All", GeneratedCrm.Files(files))), ("files without dials", GeneratedCompilation.Create("WithoutDials", GeneratedCrm.Files(files).Where(f => !f.Dials))) };
        foreach (var (name, compilation) in sets)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new InvalidOperationException($"The generated code ({name}) does not compile: {errors[0]}");
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, compilation) in sets)
            {
                // A fresh compilation each time: analyzer results and semantic models are cached per compilation.
                var fresh = compilation.Clone();
                var analyzers = analyzerAssembly is null
                    ? ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer(), new ConsentFlowAnalyzer(), new ServerClockCallingHoursAnalyzer(), new DialApiFileAnalyzer())
                    : Load(analyzerAssembly);
                var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                watch.Stop();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var line = new List<string> { $"{name,-20} wall {watch.Elapsed.TotalSeconds,6:F2} s, allocated {allocated / (1024 * 1024),5} MB" };
                foreach (var analyzer in analyzers)
                {
                    var info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                    line.Add($"{analyzer.GetType().Name} {info.ExecutionTime.TotalMilliseconds,7:F0} ms");
                }

                line.Add($"CR diagnostics {diagnostics.Count(d => d.Id.StartsWith("CR", StringComparison.Ordinal))} ({string.Join(", ", diagnostics.Where(d => d.Id.StartsWith("CR", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()))})");
                Console.WriteLine(string.Join(" | ", line));
            }
        }
    }

    /// <summary>The analyzers of another build (the one before a change), side by side with this one's in the same process state.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> Load(string path)
    {
        var assembly = new System.Runtime.Loader.AssemblyLoadContext(path).LoadFromAssemblyPath(System.IO.Path.GetFullPath(path));
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Prepend(new EmptyAnalyzer())
            .ToImmutableArray();
    }
}
