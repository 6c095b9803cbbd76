using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ContactRules.Analyzers.Tests.Support;

/// <summary>
/// Runs an analyzer (and optionally a code fix) on test sources compiled with the stubs against
/// .NET 8 reference assemblies embedded in Basic.Reference.Assemblies: nothing is downloaded.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Checks that <paramref name="source"/> yields exactly the diagnostics marked in it and <paramref name="expected"/>.</summary>
    public static Task AnalyzeAsync(string source, params DiagnosticResult[] expected)
        => AnalyzeAsync(source, ImmutableArray<(string, string)>.Empty, expected);

    /// <summary>The same, with additional files such as <c>ContactRules.DialApis.txt</c>.</summary>
    public static Task AnalyzeAsync(string source, ImmutableArray<(string Path, string Text)> additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new Test<EmptyCodeFixProvider>();
        test.TestState.Sources.Add(source);
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks that <typeparamref name="TFix"/> turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static Task FixAsync<TFix>(string source, string fixedSource, int codeActionIndex = 0)
        where TFix : CodeFixProvider, new()
    {
        var test = new Test<TFix> { CodeActionIndex = codeActionIndex };
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(("/0/ContactRulesStubs.cs", Stubs.ContactRules));
        test.FixedState.Sources.Add(("/0/CrmStubs.cs", Stubs.Crm));
        test.FixedState.Sources.Add(fixedSource);
        return test.RunAsync();
    }

    /// <summary>
    /// A code-fix test with the stubs and reference assemblies of this class, for tests that set
    /// more than one file, a fix-all, an equivalence key or the diagnostics left in the fixed code.
    /// The fixed state starts with the stubs too.
    /// </summary>
    public static CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> CreateFixTest<TFix>()
        where TFix : CodeFixProvider, new()
    {
        var test = new Test<TFix>();
        test.FixedState.Sources.Add(("/0/ContactRulesStubs.cs", Stubs.ContactRules));
        test.FixedState.Sources.Add(("/0/CrmStubs.cs", Stubs.Crm));
        // The diagnostics marked in the fixed code are all expected, fixable or not: what a fix
        // leaves warned is part of what it is tested for.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        // The consent analyzer reports a code block's findings from the first candidate it meets
        // in the block, which the testing library calls non-local when that candidate is another
        // operation than the dial (a decision made before it).
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test;
    }

    /// <summary>An expected diagnostic at markup location <c>{|#n:...|}</c>.</summary>
    public static DiagnosticResult Diagnostic(string id, int location = 0)
        => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(location);

    private sealed class Test<TFix> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        public Test()
        {
            // An empty package list: the reference assemblies come from Basic.Reference.Assemblies.
            ReferenceAssemblies = new ReferenceAssemblies("net8.0");
            TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            FixedState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            TestState.Sources.Add(("/0/ContactRulesStubs.cs", Stubs.ContactRules));
            TestState.Sources.Add(("/0/CrmStubs.cs", Stubs.Crm));
        }
    }
}
