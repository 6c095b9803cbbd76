using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ContactRules.Cli.Help;

/// <summary>
/// What one command is, said once: the summary its <c>--help</c> shows, the files it reads and
/// writes, the columns of its CSV input, and what each exit code means for it. The help text and
/// docs/cli.md's tables are both made from it (<see cref="CliReference"/>), so they cannot drift.
/// </summary>
/// <param name="Path">The command's words after <c>contactrules</c>, such as <c>registry build</c>.</param>
/// <param name="Usage">The command line, with its arguments and options.</param>
/// <param name="Summary">What the command does, in a few sentences.</param>
/// <param name="Reads">What it reads.</param>
/// <param name="Writes">What it writes.</param>
/// <param name="Exits">For each exit code the command can give, what it means for this command.</param>
internal sealed record CommandManual(string Path, string Usage, string Summary, string Reads, string Writes, IReadOnlyDictionary<int, string> Exits)
{
    /// <summary>The columns of the command's CSV input, when it reads one.</summary>
    internal IReadOnlyList<ColumnManual> Columns { get; init; } = Array.Empty<ColumnManual>();

    /// <summary>The text of <c>--help</c>: the summary, the columns, the exit codes.</summary>
    internal string HelpText()
    {
        var text = new StringBuilder(Summary);
        if (Columns.Count > 0)
        {
            text.Append("\n\nColumns (any order; names matched without regard to case, spaces, '-', '_' and '.'; other columns ignored):");
            foreach (var column in Columns)
            {
                text.Append("\n  ").Append(column.Name).Append(" (").Append(column.Required == "no" ? "optional" : column.Required == "yes" ? "required" : "required, may be empty").Append("): ").Append(column.Meaning);
            }
        }

        text.Append("\n\nExit codes (docs/cli.md; when several apply, the highest):");
        foreach (var (code, meaning) in Exits.OrderBy(e => e.Key))
        {
            text.Append("\n  ").Append(code.ToString(CultureInfo.InvariantCulture)).Append("  ").Append(meaning);
        }

        return text.ToString();
    }
}
