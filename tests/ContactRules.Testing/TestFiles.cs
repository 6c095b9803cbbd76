using System;
using System.IO;

namespace ContactRules.Testing;

/// <summary>The files a test project copies next to its assembly (its .csproj says which).</summary>
public static class TestFiles
{
    /// <summary>A file of the project's <c>fixtures/</c> folder: <c>Fixture("calls.csv")</c>.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);
}
