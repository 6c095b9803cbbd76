using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>
/// Packs src/ContactRules (Release) once for the tests of this project, into a temporary folder
/// feed, with its own artifacts folder so that nothing the rest of the build uses is rewritten.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Path.Combine(Path.GetTempPath(), "contactrules-packaging-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        var (exitCode, output) = DotNet.Run(
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(10),
            null,
            "pack", Path.Combine("src", "ContactRules", "ContactRules.csproj"),
            "-c", "Release",
            "-o", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            "--disable-build-servers",
            "-nologo");
        Assert.True(exitCode == 0, "dotnet pack failed:" + Environment.NewLine + output);
        Package = Directory.GetFiles(Feed, "ContactRules.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        Symbols = Directory.GetFiles(Feed, "ContactRules.*.snupkg").Single();
        Version = Path.GetFileNameWithoutExtension(Package).Substring("ContactRules.".Length);
    }

    /// <summary>The temporary folder that holds everything this fixture and its tests write.</summary>
    public string Root { get; }

    /// <summary>The local folder feed with the packed package.</summary>
    public string Feed { get; }

    /// <summary>The .nupkg.</summary>
    public string Package { get; }

    /// <summary>The .snupkg.</summary>
    public string Symbols { get; }

    /// <summary>The packed version.</summary>
    public string Version { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the run for it would not be.
        }
    }
}
