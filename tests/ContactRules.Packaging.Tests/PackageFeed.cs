using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactRules.Packaging.Tests;

/// <summary>
/// The local folder feed the tests read the packages from. CI packs every packable project from
/// its clean clone before the tests and names the folder in <see cref="FeedVariable"/>; run on its
/// own, the fixture makes the same clean copy of the working tree in a temporary folder and packs
/// it there, with the same default options a user types (no artifacts path, no properties).
/// </summary>
public sealed class PackageFeed : IDisposable
{
    /// <summary>The environment variable that names a feed already packed (set by .ci/run).</summary>
    public const string FeedVariable = "CONTACTRULES_PACKAGE_FEED";

    private readonly TempFolder folder = new();

    public PackageFeed()
    {
        try
        {
            Feed = FindOrPack(Root);
            Package = Single("ContactRules", ".nupkg");
            Symbols = Single("ContactRules", ".snupkg");
            Version = VersionOf(Package, "ContactRules");
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            Dispose();
            throw;
        }
    }

    /// <summary>The temporary folder that holds everything this fixture and its tests write.</summary>
    public string Root => folder.Path;

    /// <summary>The local folder feed.</summary>
    public string Feed { get; }

    /// <summary>The ContactRules .nupkg.</summary>
    public string Package { get; }

    /// <summary>The ContactRules .snupkg.</summary>
    public string Symbols { get; }

    /// <summary>The packed version of ContactRules.</summary>
    public string Version { get; }

    /// <summary>The ids of every package in the feed (file names without version and extension).</summary>
    public IReadOnlySet<string> PackageIds()
        => Directory.GetFiles(Feed, "*.nupkg")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Select(name => name.Substring(0, name.Length - Version.Length - 1))
            .ToHashSet(StringComparer.Ordinal);

    public void Dispose() => folder.Dispose();

    /// <summary>The feed CI names, or a clean copy of the working tree packed into <paramref name="root"/>/feed.</summary>
    private static string FindOrPack(string root)
    {
        if (Environment.GetEnvironmentVariable(FeedVariable) is { Length: > 0 } given)
        {
            Assert.True(Directory.Exists(given), $"{FeedVariable} names '{given}', which is not a folder");
            return Path.GetFullPath(given);
        }

        var clone = CleanCopy.Make(RepositoryRoot.Path, Path.Combine(root, "clone"));
        var feed = Path.Combine(root, "feed");
        var (exitCode, output) = DotNet.Run(clone, TimeSpan.FromMinutes(10), null, "pack", "ContactRules.sln", "-c", "Release", "-o", feed, "--disable-build-servers", "-nologo");
        Assert.True(exitCode == 0, "dotnet pack of the clean copy failed:" + Environment.NewLine + output);
        return feed;
    }

    private string Single(string id, string extension)
    {
        // "ContactRules.0.1.0.nupkg", not "ContactRules.Hosting.0.1.0.nupkg": the version starts with a digit.
        var matches = Directory.GetFiles(Feed, id + ".*" + extension)
            .Where(path => Path.GetFileName(path).Length > id.Length + 1 && char.IsDigit(Path.GetFileName(path)[id.Length + 1]))
            .ToArray();
        Assert.True(matches.Length == 1, $"expected one {id} {extension} in {Feed}, found: {string.Join(", ", matches.Select(Path.GetFileName))}");
        return matches[0];
    }

    private static string VersionOf(string package, string id)
        => Path.GetFileNameWithoutExtension(package).Substring(id.Length + 1);
}
