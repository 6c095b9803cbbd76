using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactRules.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ContactRules.Analyzers.Tests.Catalogue;

/// <summary>
/// Compiles files written against an SDK (the real assembly, or a stub with the vendor's
/// signatures) with the ContactRules stubs, runs the consent analyzer, and compares what it
/// reports with the "// expect CRxxxx" comments, by file and line.
/// </summary>
internal static class ExpectedDiagnostics
{
    private static readonly Regex Expectation = new(@"// expect (?<id>CR\d{4})", RegexOptions.Compiled);

    public static async Task AssertAsync(IEnumerable<MetadataReference> references, params (string Path, string Source)[] files)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, path: f.Path))
            .Prepend(CSharpSyntaxTree.ParseText(Stubs.ContactRules, path: "ContactRulesStubs.cs"));
        var compilation = CSharpCompilation.Create(
            "Catalogue",
            trees,
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConsentFlowAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var reported = diagnostics
            .Select(d => d.Location.GetLineSpan())
            .Zip(diagnostics, (span, d) => (File: span.Path, Line: span.StartLinePosition.Line + 1, d.Id))
            .OrderBy(d => d.File, System.StringComparer.Ordinal).ThenBy(d => d.Line)
            .ToArray();
        var expected = files
            .SelectMany(f => f.Source.Split('\n')
                .Select((text, index) => (Match: Expectation.Match(text), Line: index + 1))
                .Where(x => x.Match.Success)
                .Select(x => (File: f.Path, x.Line, Id: x.Match.Groups["id"].Value)))
            .OrderBy(d => d.File, System.StringComparer.Ordinal).ThenBy(d => d.Line)
            .ToArray();
        Assert.Equal(expected, reported);
    }
}
