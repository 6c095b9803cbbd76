using System;
using System.IO;

namespace ContactRules.Packaging.Tests;

/// <summary>Where the repository and this test's data are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ConsumerSource => Path.Combine(AppContext.BaseDirectory, "Consumer", "Crm.cs");

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
