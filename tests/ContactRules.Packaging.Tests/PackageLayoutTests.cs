using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>
/// What the feed holds: one package per packable project, and one ContactRules package that
/// carries the library, the analyzers and the code fixes where the compiler looks for them.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageLayoutTests
{
    private static readonly Regex Packable = new(@"<IsPackable>\s*true\s*</IsPackable>", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex PackageIdElement = new(@"<PackageId>\s*(?<id>[^<\s]+)\s*</PackageId>", RegexOptions.Compiled);

    /// <summary>Where the package carries the analyzer compiled ahead of time for x64 Linux.</summary>
    internal const string ReadyToRunImage = "tools/readytorun/linux-x64/ContactRules.Analyzers.dll";

    private readonly PackageFeed package;

    public PackageLayoutTests(PackageFeed package) => this.package = package;

    [Fact]
    public void Every_packable_project_is_packed_and_nothing_else()
    {
        var projects = Directory.GetFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Where(project => Packable.IsMatch(project.Text))
            .Select(project => PackageIdElement.Match(project.Text) is { Success: true } id ? id.Groups["id"].Value : Path.GetFileNameWithoutExtension(project.Path))
            .ToHashSet(StringComparer.Ordinal);

        // The eight shipped packages; the analyzers ship inside ContactRules, never on their own.
        Assert.Equal(8, projects.Count);
        Assert.DoesNotContain(projects, id => id.Contains("Analyzers", StringComparison.Ordinal));
        Assert.Equal(projects.OrderBy(id => id, StringComparer.Ordinal), package.PackageIds().OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Package_holds_both_libraries_the_analyzers_and_the_readme()
    {
        using var zip = ZipFile.OpenRead(package.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/netstandard2.0/ContactRules.dll", entries);
        Assert.Contains("lib/net8.0/ContactRules.dll", entries);
        Assert.Contains("lib/net8.0/ContactRules.xml", entries);
        Assert.Contains("README.md", entries);

        // Exactly the two analyzer assemblies, in the one language folder the compiler reads
        // (analyzers/dotnet/cs): no copy under lib/, which consumers would reference as a library.
        Assert.Equal(
            new[] { "analyzers/dotnet/cs/ContactRules.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/ContactRules.Analyzers.dll" },
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal));
        // Elsewhere only the analyzer's ReadyToRun image, which NuGet hands to no compiler by
        // itself: the package's targets choose it (see the test below).
        Assert.Equal(
            new[] { ReadyToRunImage },
            entries.Where(e => !e.StartsWith("analyzers/", StringComparison.Ordinal) && e.Contains("Analyzers", StringComparison.Ordinal)));
        Assert.Equal(new[] { "lib/net8.0/ContactRules.dll", "lib/netstandard2.0/ContactRules.dll" }, entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal) && e.StartsWith("lib/", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal));

        var nuspec = zip.Entries.Single(e => e.FullName == "ContactRules.nuspec");
        using var reader = new StreamReader(nuspec.Open());
        var manifest = reader.ReadToEnd();
        Assert.Contains("<readme>README.md</readme>", manifest);
        // SourceLink: the package records the commit it was built from.
        Assert.Contains("<repository type=\"git\"", manifest);
        // The analyzers' own references (Roslyn) are not the consumer's dependencies.
        Assert.DoesNotContain("Microsoft.CodeAnalysis", manifest);
    }

    [Fact]
    public void ReadyToRun_image_is_the_packed_IL_analyzer_compiled_for_linux_x64()
    {
        using var zip = ZipFile.OpenRead(package.Package);
        var il = Read(zip, "analyzers/dotnet/cs/ContactRules.Analyzers.dll");
        var image = Read(zip, ReadyToRunImage);

        // The same compilation (module version id, assembly version), so the same analysis.
        Assert.Equal(il.Mvid, image.Mvid);
        Assert.Equal(il.Version, image.Version);

        // The IL analyzer is IL only, for every host; the image carries native code (the
        // ReadyToRun header) for x64 Linux: the machine field is AMD64 (0x8664) combined with
        // Linux's value (0x7B79), as the ReadyToRun format writes it.
        Assert.Equal(CorFlags.ILOnly, il.Flags & (CorFlags.ILOnly | CorFlags.ILLibrary));
        Assert.Equal(0, il.NativeHeaderSize);
        Assert.Equal(CorFlags.ILLibrary, image.Flags & (CorFlags.ILOnly | CorFlags.ILLibrary));
        Assert.True(image.NativeHeaderSize > 0, "the image has no ReadyToRun header");
        Assert.Equal(0x8664 ^ 0x7B79, (int)image.Machine);
    }

    private static (Guid Mvid, Version Version, CorFlags Flags, int NativeHeaderSize, Machine Machine) Read(ZipArchive zip, string entry)
    {
        using var bytes = new MemoryStream();
        using (var stream = zip.Entries.Single(e => e.FullName == entry).Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var metadata = pe.GetMetadataReader();
        var corHeader = pe.PEHeaders.CorHeader ?? throw new InvalidOperationException(entry + " is not a .NET assembly");
        return (metadata.GetGuid(metadata.GetModuleDefinition().Mvid), metadata.GetAssemblyDefinition().Version, corHeader.Flags, corHeader.ManagedNativeHeaderDirectory.Size, pe.PEHeaders.CoffHeader.Machine);
    }

    [Fact]
    public void Package_keeps_CR0007_out_of_warnings_as_errors_for_its_consumers()
    {
        using var zip = ZipFile.OpenRead(package.Package);

        // buildTransitive/<id>.targets: NuGet imports it into every project that references the
        // package, after the project's own properties. Nothing else is imported (no build/ folder).
        var imported = zip.Entries.Where(e => e.FullName.StartsWith("build", StringComparison.Ordinal)).Select(e => e.FullName).ToArray();
        Assert.Equal(new[] { "buildTransitive/ContactRules.targets" }, imported);

        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName == "buildTransitive/ContactRules.targets").Open());
        var targets = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd());
        var values = targets.Descendants().Where(e => e.Name.LocalName == "WarningsNotAsErrors").Select(e => e.Value).ToArray();
        Assert.Equal(new[] { "$(WarningsNotAsErrors);CR0007" }, values);
    }

    [Fact]
    public void Analyzers_ship_only_in_the_ContactRules_package()
    {
        foreach (var other in Directory.GetFiles(package.Feed, "*.nupkg").Where(p => p != package.Package))
        {
            using var zip = ZipFile.OpenRead(other);
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) || e.FullName.Contains("ContactRules.Analyzers", StringComparison.Ordinal));
        }
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
