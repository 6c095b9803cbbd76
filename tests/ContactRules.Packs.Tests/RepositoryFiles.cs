using System;
using System.IO;

namespace ContactRules.Packs.Tests;

/// <summary>Where the repository is, for the tests that compare generated documents with the committed ones.</summary>
internal static class RepositoryFiles
{
    /// <summary>The variable that makes the document tests write what they generate instead of failing.</summary>
    internal const string RegenerateVariable = "CONTACTRULES_UPDATE_DOCS";

    internal static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    internal static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ContactRules.sln was not found above " + AppContext.BaseDirectory + "; run the tests from the repository.");
    }
}
