using System;
using System.IO;
using System.Linq;

namespace ContactRules.Packaging.Tests;

/// <summary>Where the repository and this test's data are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The consumer project's source files, copied next to the tests.</summary>
    public static string[] ConsumerSources => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer"), "*.cs").OrderBy(p => p, StringComparer.Ordinal).ToArray();

    /// <summary>The source files of the consumer that treats warnings as errors, copied next to the tests.</summary>
    public static string[] StrictConsumerSources => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "StrictConsumer"), "*.cs").OrderBy(p => p, StringComparer.Ordinal).ToArray();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "src", "ContactRules", "ContactRules.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with src/ContactRules/ContactRules.csproj) was not found above " + AppContext.BaseDirectory);
    }
}
