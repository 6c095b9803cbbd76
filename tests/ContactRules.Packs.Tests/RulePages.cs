using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Jurisdictions;
using ContactRules.Rules;

namespace ContactRules.Packs.Tests;

/// <summary>
/// Writes docs/rules-law/: one page per rule of the registered packs, from the rule's metadata
/// (id, wording, citation, dates in force, scope, parameters, exemptions, ContactRules' reading,
/// how sure the source is) and the tests that pin it by name (<see cref="PinningTests"/>), and an
/// index. Where a lawyer looks: the rule, its text and its tests one hop apart.
/// </summary>
/// <remarks>
/// No code per rule: any rule a pack registers gets its page; a rule no test names says
/// "no pinning test". docs/rules/ holds the analyzer diagnostics (CR000N), hence the distinct folder.
/// </remarks>
internal static class RulePages
{
    internal const string Folder = "docs/rules-law";

    /// <summary>The pages, by file name (<c>README.md</c> and <c>{id}.md</c>), with their text.</summary>
    internal static SortedDictionary<string, string> Render(IReadOnlyList<PinningTests.Test> tests)
    {
        var rules = new SortedDictionary<string, (ContactRule Rule, List<string> Packs)>(StringComparer.Ordinal);
        foreach (var pack in RulePacks.Ids)
        {
            foreach (var rule in RulePacks.Get(pack).Rules)
            {
                if (!rules.TryGetValue(rule.Id, out var entry))
                {
                    entry = (rule, new List<string>());
                    rules.Add(rule.Id, entry);
                }

                entry.Packs.Add(pack);
            }
        }

        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var index = new StringBuilder();
        index.Append("# The rules, one page each\n\n");
        Header(index);
        index.Append("Every rule of every registered pack (docs/packs.md lists them pack by pack), with how sure its source is ");
        index.Append("(V1 the legal text, F the official text quoted in a secondary file, V2 a secondary source, R unconfirmed, ");
        index.Append("I ContactRules' interpretation, — not stated) and how many tests name it. A test pins a rule when its method name ");
        index.Append("holds the rule id with `_` for `-` (`US_REVOKE_01_...`); the tests of ");
        index.Append(string.Join(" and ", PinningTests.Projects.Select(p => $"`{p}`"))).Append(" are scanned.\n\n");
        index.Append("| Rule | Packs | What it does | Source | Pinning tests |\n|---|---|---|---|---|\n");
        foreach (var (id, (rule, packs)) in rules)
        {
            var pinning = tests.Where(t => PinningTests.Pins(t, id)).ToList();
            pages.Add(id + ".md", Page(rule, packs, pinning));
            index.Append("| [").Append(id).Append("](").Append(id).Append(".md) | ")
                .Append(string.Join(", ", packs.Select(p => $"`{p}`"))).Append(" | ")
                .Append(PacksDocument.Cell(rule.Metadata.Description)).Append(" | ")
                .Append(PacksDocument.LevelCode(rule.Metadata.Verification)).Append(" | ")
                .Append(pinning.Count == 0 ? "none" : pinning.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        pages.Add("README.md", index.ToString());
        return pages;
    }

    private static string Page(ContactRule rule, List<string> packs, List<PinningTests.Test> pinning)
    {
        var metadata = rule.Metadata;
        var text = new StringBuilder();
        text.Append("# ").Append(rule.Id).Append("\n\n");
        Header(text);
        text.Append(metadata.Description).Append("\n\n");
        text.Append("| | |\n|---|---|\n");
        Row(text, "Citation", rule.Citation);
        Row(text, "Packs", string.Join(", ", packs.Select(p => $"`{p}`")));
        Row(text, "Kind", Kebab(rule.Kind.ToString()));
        Row(text, "In force", InForce(rule.InForce));
        Row(text, "Applies to", rule.Scope.ToString());
        Row(text, "Parameters", rule.Parameters);
        Row(text, "Exemptions", rule.Exemptions.IsEmpty ? "none" : string.Join("; ", rule.Exemptions.Select(e => e.Description)));
        if (metadata.UnconnectedAttemptsCountFrom is { } from)
        {
            Row(text, "Unconnected attempts", $"an attempt that never connected breaks this rule only from {Date(from)} (audits)");
        }

        Row(text, "Source", Level(metadata.Verification) + (metadata.VerificationNote.Length == 0 ? string.Empty : " — " + metadata.VerificationNote));
        text.Append("\n## How ContactRules reads it\n\n");
        text.Append(metadata.Reading.Length == 0 ? "As written: the text leaves no choice ContactRules had to make." : metadata.Reading).Append('\n');
        if (metadata.Verification == VerificationLevel.Unconfirmed)
        {
            text.Append("\nThe source is secondary or unconfirmed ([R] in the catalogue): the reading above is the one that protects the called person. Check it against the official text.\n");
        }

        text.Append("\n## Tests that pin it\n\n");
        if (pinning.Count == 0)
        {
            text.Append("No pinning test: no test name carries `").Append(rule.Id.Replace('-', '_')).Append("`.\n");
        }
        else
        {
            foreach (var test in pinning)
            {
                text.Append("- `").Append(test.Class).Append('.').Append(test.Method).Append("` in [")
                    .Append(test.File).Append("](../../").Append(test.File).Append(")\n");
            }
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text)
    {
        text.Append("<!-- Generated from the packs by tests/ContactRules.Packs.Tests/RulePages.cs. Do not edit by hand: run\n");
        text.Append("     ").Append(GeneratedDocuments.RegenerateVariable).Append("=1 dotnet test tests/ContactRules.Packs.Tests --filter RulePagesTests -->\n\n");
    }

    private static void Row(StringBuilder text, string name, string value)
        => text.Append("| ").Append(name).Append(" | ").Append(PacksDocument.Cell(value)).Append(" |\n");

    private static string InForce(InForcePeriod period)
        => (period.From is { } from ? "from " + Date(from) : "at every date")
            + (period.To is { } to ? " to " + Date(to) + " inclusive" : period.From is null ? string.Empty : ", until further notice")
            + " (the called person's local dates)";

    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Level(VerificationLevel level) => level switch
    {
        VerificationLevel.OfficialText => "V1, the legal text",
        VerificationLevel.QuotedOfficialText => "F, the official text quoted in a secondary file",
        VerificationLevel.SecondarySource => "V2, a secondary source",
        VerificationLevel.Unconfirmed => "R, unconfirmed",
        VerificationLevel.Interpretation => "I, ContactRules' interpretation",
        _ => "not stated",
    };

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
