using System;
using System.IO;
using System.Linq;

namespace ContactRules.Packaging.Tests;

/// <summary>The consumer projects this test builds against the packages.</summary>
internal static class ConsumerFiles
{
    /// <summary>The consumer project's source files, copied next to the tests.</summary>
    public static string[] Sources => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer"), "*.cs").OrderBy(p => p, StringComparer.Ordinal).ToArray();

    /// <summary>The source files of the consumer that treats warnings as errors, copied next to the tests.</summary>
    public static string[] StrictSources => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "StrictConsumer"), "*.cs").OrderBy(p => p, StringComparer.Ordinal).ToArray();
}
