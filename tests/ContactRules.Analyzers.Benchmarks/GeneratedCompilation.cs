using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>The generated CRM as an in-memory compilation against .NET 8 reference assemblies and ContactRules.</summary>
internal static class GeneratedCompilation
{
    public static Compilation Create(string name, IEnumerable<(string Name, string Text, bool Dials)> files)
    {
        var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ContactGate).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(NodaTime.Instant).Assembly.Location))
            .ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        return CSharpCompilation.Create(name, files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Name)), references, options);
    }
}
