using System.IO;
using System.Linq;
using ContactRules.Jurisdictions;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>docs/rules-law/ is generated from the packs and the pack tests' names, and must not go stale.</summary>
public class RulePagesTests
{
    [Fact]
    public void Docs_rules_law_match_the_packs_and_their_tests()
    {
        var root = RepositoryRoot.Path;
        var folder = Path.Combine(root, RulePages.Folder);
        var expected = RulePages.Render(PinningTests.All(root));
        if (GeneratedDocuments.Regenerating)
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.EnumerateFiles(folder, "*.md").Where(f => !expected.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (name, text) in expected)
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }
        }

        var present = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileName).ToHashSet() : new();
        var missing = expected.Keys.Where(name => !present.Contains(name)).ToList();
        var extra = present.Where(name => !expected.ContainsKey(name!)).ToList();
        var differing = expected.Where(page => present.Contains(page.Key)
            && File.ReadAllText(Path.Combine(folder, page.Key)).Replace("\r\n", "\n") != page.Value).Select(page => page.Key).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && differing.Count == 0,
            $"{RulePages.Folder} is stale (missing: {string.Join(", ", missing)}; not a rule any more: {string.Join(", ", extra)}; differing: {string.Join(", ", differing)}). Regenerate it with\n"
            + $"    {GeneratedDocuments.RegenerateVariable}=1 dotnet test tests/ContactRules.Packs.Tests --filter RulePagesTests\n"
            + "and commit the result.");
    }

    [Fact]
    public void Every_rule_of_every_pack_has_a_page()
    {
        var pages = RulePages.Render(PinningTests.All(RepositoryRoot.Path));
        foreach (var rule in RulePacks.Ids.SelectMany(id => RulePacks.Get(id).Rules))
        {
            Assert.True(pages.ContainsKey(rule.Id + ".md"), rule.Id + " has no page");
            Assert.Contains($"[{rule.Id}]({rule.Id}.md)", pages["README.md"]);
        }
    }

    // The scan must see the tests it is meant to see: this very class's tests are found, and a
    // rule id is matched only as a whole part of a name.
    [Fact]
    public void The_scan_finds_test_methods_and_matches_whole_ids_only()
    {
        var tests = PinningTests.All(RepositoryRoot.Path);
        Assert.Contains(tests, t => t.Class == nameof(RulePagesTests) && t.Method == nameof(Docs_rules_law_match_the_packs_and_their_tests));
        Assert.True(PinningTests.Pins(new PinningTests.Test("C", "US_TRACED_01_caps_three", "f"), "US-TRACED-01"));
        Assert.True(PinningTests.Pins(new PinningTests.Test("C", "Limits_US_TRACED_01", "f"), "US-TRACED-01"));
        Assert.False(PinningTests.Pins(new PinningTests.Test("C", "US_TRACED_DAY_01_caps_one", "f"), "US-TRACED-01"));
        Assert.False(PinningTests.Pins(new PinningTests.Test("C", "US_LA_HOL_01_lists", "f"), "US-LA-01"));
        Assert.False(PinningTests.Pins(new PinningTests.Test("C", "XUS_LA_01", "f"), "US-LA-01"));
    }
}
