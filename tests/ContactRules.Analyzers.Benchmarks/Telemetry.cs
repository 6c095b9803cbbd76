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
/// <c>telemetry [files] [rounds]</c>: the per-analyzer execution time that <c>-p:ReportAnalyzer=true</c>
/// reports, measured in-process on the generated CRM, for quick comparisons while working on the
/// analyzers. Sequential analysis, so that each analyzer's time is less disturbed by the others.
/// BenchmarkDotNet (<see cref="AnalyzerBenchmarks"/>) is the measurement to publish.
/// </summary>
internal static class Telemetry
{
    public static void Run(int files, int rounds)
    {
        var all = GeneratedCompilation.Create("All", GeneratedCrm.Files(files));
        var withoutDials = GeneratedCompilation.Create("WithoutDials", GeneratedCrm.Files(files).Where(f => !f.Dials));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, compilation) in new[] { ("all files", all), ("files without dials", withoutDials) })
            {
                // A fresh compilation each time: analyzer results and semantic models are cached per compilation.
                var fresh = compilation.Clone();
                var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer(), new ConsentFlowAnalyzer(), new ServerClockCallingHoursAnalyzer(), new DialApiFileAnalyzer());
                var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var watch = Stopwatch.StartNew();
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                watch.Stop();
                var line = new List<string> { $"{name,-20} wall {watch.Elapsed.TotalSeconds,6:F2} s" };
                foreach (var analyzer in analyzers)
                {
                    var info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                    line.Add($"{analyzer.GetType().Name} {info.ExecutionTime.TotalMilliseconds,7:F0} ms");
                }

                line.Add($"CR diagnostics {diagnostics.Count(d => d.Id.StartsWith("CR", StringComparison.Ordinal))}");
                Console.WriteLine(string.Join(" | ", line));
            }
        }
    }
}
