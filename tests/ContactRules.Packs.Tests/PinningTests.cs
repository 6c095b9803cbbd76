using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ContactRules.Packs.Tests;

/// <summary>
/// Finds the tests that pin a rule, by their names: a test pins rule <c>US-REVOKE-01</c> when its
/// method name holds <c>US_REVOKE_01</c> as a whole part (at the start or after an underscore,
/// and at the end or before one). The pack test projects' sources are scanned (not their
/// assemblies loaded), so that a rule page can point at the file, and so that a project that
/// does not build yet still shows which of its tests name the rule.
/// </summary>
/// <remarks>
/// A test is a method marked <c>[Fact]</c> or <c>[Theory]</c> (its other attributes, such as
/// <c>[InlineData]</c>, may come between). Ids written in test data do not count: the id must be
/// in the name, so that a failing test's name says which rule broke.
/// </remarks>
internal static class PinningTests
{
    /// <summary>The test projects scanned, relative to the repository root.</summary>
    internal static readonly string[] Projects = { "tests/ContactRules.Packs.Tests", "tests/ContactRules.Packs.Us.Tests" };

    private static readonly Regex TestMethod = new(
        @"\[(?:Fact|Theory)\b[^\n]*\]\s*(?:\[[^\n]*\]\s*)*public\s+(?:async\s+Task|void)\s+(?<name>\w+)\s*\(",
        RegexOptions.CultureInvariant);

    private static readonly Regex ClassDeclaration = new(@"\bclass\s+(?<name>\w+)", RegexOptions.CultureInvariant);

    /// <summary>A test: its class, method and file (relative to the repository root, with '/').</summary>
    internal sealed record Test(string Class, string Method, string File);

    /// <summary>Every test of the scanned projects, in file and then source order.</summary>
    internal static IReadOnlyList<Test> All(string root)
    {
        var tests = new List<Test>();
        foreach (var project in Projects)
        {
            var folder = Path.Combine(root, project);
            var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
                .OrderBy(f => f, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var source = File.ReadAllText(file);
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                foreach (Match match in TestMethod.Matches(source))
                {
                    var declaring = ClassDeclaration.Matches(source.Substring(0, match.Index)).LastOrDefault();
                    tests.Add(new Test(declaring?.Groups["name"].Value ?? "?", match.Groups["name"].Value, relative));
                }
            }
        }

        return tests;
    }

    /// <summary>True when the test's name carries the rule id.</summary>
    internal static bool Pins(Test test, string ruleId)
    {
        var token = ruleId.Replace('-', '_');
        var name = test.Method;
        for (var at = name.IndexOf(token, StringComparison.Ordinal); at >= 0; at = name.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            if ((at == 0 || name[at - 1] == '_') && (end == name.Length || name[end] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Replace('\\', '/').Split('/')[0];
        return first is "bin" or "obj";
    }
}
