using System.IO.Compression;
using System.Linq;
using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>One ContactRules package carries the library, the analyzers and the code fixes.</summary>
[Collection(PackageCollection.Name)]
public class PackageLayoutTests
{
    private readonly PackedPackage package;

    public PackageLayoutTests(PackedPackage package) => this.package = package;

    [Fact]
    public void Package_holds_both_libraries_the_analyzers_and_the_readme()
    {
        using var zip = ZipFile.OpenRead(package.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/netstandard2.0/ContactRules.dll", entries);
        Assert.Contains("lib/net8.0/ContactRules.dll", entries);
        Assert.Contains("lib/net8.0/ContactRules.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/ContactRules.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ContactRules.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);

        // Analyzers load only from analyzers/; a copy under lib/ would be referenced by consumers.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.Contains("Analyzers"));
        // Exactly the two analyzer assemblies, in the one language folder the compiler reads.
        Assert.Equal(2, entries.Count(e => e.StartsWith("analyzers/", System.StringComparison.Ordinal)));

        var nuspec = zip.Entries.Single(e => e.FullName == "ContactRules.nuspec");
        using var reader = new System.IO.StreamReader(nuspec.Open());
        var manifest = reader.ReadToEnd();
        Assert.Contains("<readme>README.md</readme>", manifest);
        // SourceLink: the package records the commit it was built from.
        Assert.Contains("<repository type=\"git\"", manifest);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", manifest);
    }

    [Fact]
    public void Symbol_package_holds_the_pdbs()
    {
        using var zip = ZipFile.OpenRead(package.Symbols);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/netstandard2.0/ContactRules.pdb", entries);
        Assert.Contains("lib/net8.0/ContactRules.pdb", entries);
    }
}
