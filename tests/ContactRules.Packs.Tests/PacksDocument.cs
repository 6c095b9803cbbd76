using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Jurisdictions;
using ContactRules.Rules;

namespace ContactRules.Packs.Tests;

/// <summary>
/// Writes docs/packs.md from the packs themselves: one table per pack registered in
/// <see cref="RulePacks"/>, one row per rule, with what a compliance officer needs to recognise
/// it next to the law.
/// </summary>
internal static class PacksDocument
{
    internal const string RelativePath = "docs/packs.md";

    internal static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Rule packs\n\n");
        text.Append("<!-- Generated from the packs by tests/ContactRules.Packs.Tests/PacksDocument.cs. Do not edit by hand: run\n");
        text.Append("     ").Append(GeneratedDocuments.RegenerateVariable).Append("=1 dotnet test tests/ContactRules.Packs.Tests --filter PacksDocumentTests -->\n\n");
        text.Append("A policy names packs joined by `+` (`fr`, `us+us-fl`, `de+eu`); a rule shared by two packs is applied once. ");
        text.Append("A rule applies at an instant when that instant's local date, in one of the called person's candidate zones, ");
        text.Append("lies between *from* and *to*, both inclusive. Every refusal names the rule id and citation below. ");
        text.Append("*Source* is how sure the rule's source is, in the catalogue's levels (docs/regulations.md): V1 the legal text, ");
        text.Append("F the official text quoted in a secondary file, V2 a secondary source, R unconfirmed (the protective reading is encoded), ");
        text.Append("I ContactRules' interpretation, — not stated. Each rule's page in [docs/rules-law](rules-law/README.md) says more.\n\n");
        text.Append("Packs: ").Append(string.Join(", ", RulePacks.Ids.Select(id => $"[`{id}`](#{Anchor(id)})"))).Append(".\n");

        foreach (var id in RulePacks.Ids)
        {
            var pack = RulePacks.Get(id);
            text.Append("\n## `").Append(id).Append("`\n\n");
            text.Append("| Rule | What it does | Applies to | Parameters | Exemptions | Citation | In force from | In force to | Source |\n");
            text.Append("|---|---|---|---|---|---|---|---|---|\n");
            foreach (var rule in pack.Rules)
            {
                text.Append("| ").Append(Cell(rule.Id))
                    .Append(" | ").Append(Cell(rule.Metadata.Description))
                    .Append(" | ").Append(Cell(rule.Scope.ToString()))
                    .Append(" | ").Append(Cell(rule.Parameters))
                    .Append(" | ").Append(Cell(rule.Exemptions.IsEmpty ? "none" : string.Join("; ", rule.Exemptions.Select(e => e.Description))))
                    .Append(" | ").Append(Cell(rule.Citation))
                    .Append(" | ").Append(rule.InForce.From is { } from ? from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "always")
                    .Append(" | ").Append(rule.InForce.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "until further notice")
                    .Append(" | ").Append(LevelCode(rule.Metadata.Verification))
                    .Append(" |\n");
            }
        }

        // The rules whose source the catalogue could not confirm: encoded with the protective
        // reading, and listed here so that they are checked first when the law is at hand.
        var unconfirmed = RulePacks.Ids
            .SelectMany(id => RulePacks.Get(id).Rules.Select(rule => (Pack: id, Rule: rule)))
            .Where(x => x.Rule.Metadata.Verification == VerificationLevel.Unconfirmed)
            .GroupBy(x => x.Rule.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        text.Append("\n## Rules on unconfirmed sources (R)\n\n");
        text.Append("The catalogue marks these sources [R]: recalled or seen only in secondary or unofficial copies. ContactRules encodes the reading ");
        text.Append("that protects the called person; check them first against the official text.\n\n");
        text.Append("| Rule | Packs | What rests on what | Protective reading |\n");
        text.Append("|---|---|---|---|\n");
        foreach (var group in unconfirmed)
        {
            var rule = group.First().Rule;
            text.Append("| [").Append(rule.Id).Append("](rules-law/").Append(rule.Id).Append(".md)")
                .Append(" | ").Append(string.Join(", ", group.Select(x => $"`{x.Pack}`").Distinct()))
                .Append(" | ").Append(Cell(rule.Metadata.VerificationNote))
                .Append(" | ").Append(Cell(rule.Metadata.Reading.Length == 0 ? "as written" : rule.Metadata.Reading))
                .Append(" |\n");
        }

        return text.ToString();
    }

    internal static string LevelCode(VerificationLevel level) => level switch
    {
        VerificationLevel.OfficialText => "V1",
        VerificationLevel.QuotedOfficialText => "F",
        VerificationLevel.SecondarySource => "V2",
        VerificationLevel.Unconfirmed => "R",
        VerificationLevel.Interpretation => "I",
        _ => "—",
    };

    private static string Anchor(string id) => id.ToLowerInvariant().Replace("+", string.Empty);

    internal static string Cell(string value)
        => value.Replace("\r", string.Empty).Replace("\n", " ").Replace("|", "\\|").Trim();
}
