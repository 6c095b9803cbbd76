using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ContactRules.Jurisdictions;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>docs/packs.md is generated from the packs and must not go stale.</summary>
public class PacksDocumentTests
{
    [Fact]
    public void Docs_packs_md_matches_the_packs()
    {
        var path = Path.Combine(RepositoryRoot.Path, PacksDocument.RelativePath);
        var expected = PacksDocument.Render();
        if (GeneratedDocuments.Regenerating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "(missing)";
        Assert.True(
            actual == expected,
            $"{PacksDocument.RelativePath} is stale: it differs from what the registered packs produce. Regenerate it with\n"
            + $"    {GeneratedDocuments.RegenerateVariable}=1 dotnet test tests/ContactRules.Packs.Tests --filter PacksDocumentTests\n"
            + "and commit the result.");
    }

    [Fact]
    public void The_document_has_a_section_and_a_row_for_every_registered_pack_and_rule()
    {
        var document = PacksDocument.Render();
        foreach (var id in RulePacks.Ids)
        {
            Assert.Contains($"\n## `{id}`\n", document);
            foreach (var rule in RulePacks.Get(id).Rules)
            {
                Assert.Contains($"\n| {rule.Id} | ", document);
            }
        }
    }

    // Every rule carries a catalogue-style id, a description, a citation and a non-inverted period.
    [Fact]
    public void Every_rule_of_every_pack_is_documented()
    {
        var idPattern = new Regex("^[A-Z]{2}(-[A-Z]+)+-[0-9]{2}$");
        foreach (var rule in RulePacks.Ids.SelectMany(id => RulePacks.Get(id).Rules))
        {
            Assert.Matches(idPattern, rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Metadata.Description), rule.Id + " has no description");
            Assert.False(string.IsNullOrWhiteSpace(rule.Citation), rule.Id + " has no citation");
        }
    }
}
