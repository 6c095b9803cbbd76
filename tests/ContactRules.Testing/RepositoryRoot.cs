using System;
using System.IO;

namespace ContactRules.Testing;

/// <summary>
/// The repository the tests run from, for the tests that compare generated documents with the
/// committed ones, build the samples or read the docs.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new Lazy<string>(Find);

    /// <summary>The folder that holds ContactRules.sln, found above the test's output folder.</summary>
    /// <exception cref="InvalidOperationException">The tests do not run from inside the repository.</exception>
    public static string Path => Found.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ContactRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ContactRules.sln was not found above " + AppContext.BaseDirectory + "; run the tests from the repository.");
    }
}
