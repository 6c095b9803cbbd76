using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles as pasted: each is a whole program of its own
/// (its <c>using</c> lines included, nothing assumed from an editor or implicit usings), compiled
/// against the packages' assemblies as a new console project referencing them would be.
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly Regex Block = new("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Fact]
    public void Every_csharp_block_of_the_README_compiles_as_pasted()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = Block.Matches(readme).Select(m => (Line: readme.Take(m.Index).Count(c => c == '\n') + 2, Code: m.Groups["code"].Value)).ToList();
        Assert.True(blocks.Count >= 2, "README.md shows the quick start and the durable ledger in C#");

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(new[] { "ContactRules", "ContactRules.Sqlite", "ContactRules.PostgreSql", "ContactRules.Hosting", "ContactRules.Registries", "ContactRules.Json" }
                .Select(name => Path.Combine(AppContext.BaseDirectory, name + ".dll")))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(IsManaged))
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToList();

        foreach (var (line, code) in blocks)
        {
            var compilation = CSharpCompilation.Create(
                "ReadmeSnippet",
                new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12)) },
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"README.md line {line + d.Location.GetLineSpan().StartLinePosition.Line}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .ToList();
            Assert.True(errors.Count == 0, "the C# block at README.md line " + line + " does not compile as pasted:\n" + string.Join("\n", errors));
        }
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
