using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers.Benchmarks;

// A measuring wrapper, never shipped: the rules for shipped analyzers (netstandard2.0, release
// tracking, configuring generated code and concurrency itself) are the wrapped analyzer's.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1041, RS2008

/// <summary>
/// Wraps an analyzer and adds up the CPU time of the calling thread in each of its actions (its
/// compilation start and the actions it registers there), per action and per member analysed:
/// the analyzer's own work, which the other threads of a build, the machine's other load and the
/// collections (with server GC, on threads of their own) do not add to as they add to the wall
/// time that <c>-p:ReportAnalyzer=true</c> reports.
/// </summary>
/// <remarks>Linux only: the thread's CPU clock is read with <c>clock_gettime</c>.</remarks>
internal sealed class CpuTimedAnalyzer : DiagnosticAnalyzer
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private readonly DiagnosticAnalyzer inner;
    private long actionNanoseconds;
    private long startNanoseconds;
    private long actions;

    public CpuTimedAnalyzer(DiagnosticAnalyzer inner)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            throw new PlatformNotSupportedException("The CPU measurement reads the Linux thread CPU clock.");
        }

        this.inner = inner;
    }

    /// <summary>CPU milliseconds in all the analyzer's actions since the last <see cref="Reset"/>.</summary>
    public double CpuMilliseconds => Interlocked.Read(ref actionNanoseconds) / 1e6;

    /// <summary>CPU milliseconds of those in the compilation start actions.</summary>
    public double StartMilliseconds => Interlocked.Read(ref startNanoseconds) / 1e6;

    /// <summary>The number of actions run.</summary>
    public long Actions => Interlocked.Read(ref actions);

    /// <summary>CPU nanoseconds of the operation actions by the name of the member analysed, its trailing digits removed (<c>Service12.Call</c> and <c>Service13.Call</c> are one).</summary>
    public ConcurrentDictionary<string, long> ByMember { get; } = new(StringComparer.Ordinal);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public void Reset()
    {
        Interlocked.Exchange(ref actionNanoseconds, 0);
        Interlocked.Exchange(ref startNanoseconds, 0);
        Interlocked.Exchange(ref actions, 0);
        ByMember.Clear();
    }

    public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(context, this));

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    private static string MemberName(ISymbol member) => member.Name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    private Action<T> Timed<T>(Action<T> action, bool start = false) => argument =>
    {
        var before = ThreadCpuNanoseconds();
        try
        {
            action(argument);
        }
        finally
        {
            var spent = ThreadCpuNanoseconds() - before;
            Interlocked.Add(ref actionNanoseconds, spent);
            Interlocked.Increment(ref actions);
            if (start)
            {
                Interlocked.Add(ref startNanoseconds, spent);
            }

            if (argument is OperationAnalysisContext operation)
            {
                ByMember.AddOrUpdate(MemberName(operation.ContainingSymbol), spent, (_, total) => total + spent);
            }
        }
    };

    /// <summary>What the consent analyzer registers, timed; anything else is refused, so that nothing goes unmeasured.</summary>
    private sealed class Context(AnalysisContext inner, CpuTimedAnalyzer owner) : AnalysisContext
    {
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => inner.RegisterCompilationStartAction(owner.Timed<CompilationStartAnalysisContext>(start => action(new StartContext(start, owner)), start: true));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => inner.RegisterOperationAction(owner.Timed(action), operationKinds);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unmeasured();
    }

    private sealed class StartContext(CompilationStartAnalysisContext inner, CpuTimedAnalyzer owner)
        : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => inner.RegisterOperationAction(owner.Timed(action), operationKinds);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(owner.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unmeasured();
    }

    private static NotSupportedException Unmeasured([System.Runtime.CompilerServices.CallerMemberName] string action = "")
        => new($"CpuTimedAnalyzer does not time {action}: add it before measuring an analyzer that registers it.");
}
