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

    internal const string RegenerateVariable = "CONTACTRULES_UPDATE_DOCS";

    internal static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Rule packs\n\n");
        text.Append("<!-- Generated from the packs by tests/ContactRules.Packs.Tests/PacksDocument.cs. Do not edit by hand: run\n");
        text.Append("     ").Append(RegenerateVariable).Append("=1 dotnet test tests/ContactRules.Packs.Tests --filter PacksDocumentTests -->\n\n");
        text.Append("A policy names packs joined by `+` (`fr`, `us+us-fl`, `de+eu`); a rule shared by two packs is applied once. ");
        text.Append("A rule applies at an instant when that instant's local date, in one of the called person's candidate zones, ");
        text.Append("lies between *from* and *to*, both inclusive. Every refusal names the rule id and citation below.\n\n");
        text.Append("Packs: ").Append(string.Join(", ", RulePacks.Ids.Select(id => $"[`{id}`](#{Anchor(id)})"))).Append(".\n");

        foreach (var id in RulePacks.Ids)
        {
            var pack = RulePacks.Get(id);
            text.Append("\n## `").Append(id).Append("`\n\n");
            text.Append("| Rule | What it does | Applies to | Parameters | Exemptions | Citation | In force from | In force to |\n");
            text.Append("|---|---|---|---|---|---|---|---|\n");
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
                    .Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Anchor(string id) => id.ToLowerInvariant().Replace("+", string.Empty);

    private static string Cell(string value)
        => value.Replace("\r", string.Empty).Replace("\n", " ").Replace("|", "\\|").Trim();
}
