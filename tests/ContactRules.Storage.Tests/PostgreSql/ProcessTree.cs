using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ContactRules.Storage.Tests.PostgreSql;

/// <summary>The processes a test's server started, read from <c>/proc</c>: what the freeze and kill tests signal.</summary>
internal static class ProcessTree
{
    /// <summary>The direct children of <paramref name="parent"/> (a postmaster's backends and workers).</summary>
    internal static List<int> Children(int parent)
    {
        var children = new List<int>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                // pid (comm) state ppid ...: the parent follows the last ')'.
                var text = File.ReadAllText(stat);
                var fields = text.Substring(text.LastIndexOf(')') + 2).Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(int.Parse(Path.GetFileName(Path.GetDirectoryName(stat))!, CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                // A process that ended meanwhile, or not a process folder.
            }
        }

        return children;
    }

    /// <summary>Every process below <paramref name="parent"/>, children first.</summary>
    internal static List<int> Descendants(int parent)
    {
        var children = Children(parent);
        return children.Concat(children.SelectMany(Descendants)).ToList();
    }
}
