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
/// <c>telemetry [files] [rounds] [dial-heavy|standard] [analyzers.dll|none]</c>: the per-analyzer execution time that <c>-p:ReportAnalyzer=true</c>
/// reports, measured in-process on the generated CRM (with the whole analysis's wall time, process CPU time and
/// allocation; <c>none</c> runs the empty analyzer alone, the driver's own cost), for quick comparisons while working on the
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
                var analyzers = analyzerAssembly switch
                {
                    null => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer(), new ConsentFlowAnalyzer(), new ServerClockCallingHoursAnalyzer(), new DialApiFileAnalyzer()),
                    "none" => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()),
                    _ => Load(analyzerAssembly),
                };
                var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                watch.Stop();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var line = new List<string> { $"{name,-20} wall {watch.Elapsed.TotalSeconds,6:F2} s, cpu {cpu.TotalSeconds,6:F2} s, allocated {allocated / (1024 * 1024),5} MB" };
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

    /// <summary>
    /// <c>cpu [files] [rounds] [dial-heavy|standard] [analyzers.dll]</c>: the calling thread's CPU time in the consent
    /// analyzer's actions (see <see cref="CpuTimedAnalyzer"/>), per round, each round on a fresh clone of the generated
    /// compilation; round 1 also pays the analyzer's JIT and the first decoding of the referenced symbols, as a build
    /// does. Run with <c>DOTNET_gcServer=1</c> (collections on threads of their own, not charged to the action that
    /// triggers them) and <c>DOTNET_TC_CallCounting=0</c> (the code stays at tier 0 for the whole run, as an analyzer's
    /// does in a build); the last round is broken down by member analysed.
    /// </summary>
    public static void Cpu(int files, int rounds, bool dialHeavy, string? analyzerAssembly)
    {
        var compilation = dialHeavy
            ? GeneratedCompilation.Create("DialHeavy", GeneratedDialHeavyCrm.Files(files))
            : GeneratedCompilation.Create("All", GeneratedCrm.Files(files));
        var flow = analyzerAssembly is null
            ? new ConsentFlowAnalyzer()
            : Load(analyzerAssembly).First(a => a.GetType().Name == nameof(ConsentFlowAnalyzer));
        var timed = new CpuTimedAnalyzer(flow);
        for (var round = 1; round <= rounds; round++)
        {
            timed.Reset();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(timed), options)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var reported = diagnostics.Count(d => d.Id.StartsWith("CR", StringComparison.Ordinal));
            Console.WriteLine(FormattableString.Invariant($"round {round} cpu {timed.CpuMilliseconds:F1} ms (compilation start {timed.StartMilliseconds:F1} ms), {timed.Actions} actions, CR diagnostics {reported}"));
        }

        foreach (var (member, nanoseconds) in timed.ByMember.OrderByDescending(pair => pair.Value).Take(20))
        {
            Console.WriteLine(FormattableString.Invariant($"    {member,-32} {nanoseconds / 1e6,8:F1} ms"));
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
