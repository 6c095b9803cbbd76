using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactRules.Cli.Audit;
using ContactRules.Cli.Consents;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Explain;
using ContactRules.Cli.Ledger;
using ContactRules.Cli.Received;
using ContactRules.Cli.Registry;
using ContactRules.Cli.Scrub;

namespace ContactRules.Cli.Help;

/// <summary>
/// The tool's reference, made from the commands' manuals: the tables of docs/cli.md between its
/// <c>&lt;!-- generated:NAME --&gt;</c> markers (a test fails when the file differs, and rewrites it
/// with <c>CONTACTRULES_REGENERATE_DOCS=1</c>), and the same words in every <c>--help</c>.
/// </summary>
/// <remarks>A new command adds its <see cref="CommandManual"/> to <see cref="Commands"/>.</remarks>
internal static class CliReference
{
    /// <summary>The file, from the repository's root.</summary>
    internal const string RelativePath = "docs/cli.md";

    /// <summary>The variable that makes the test rewrite the file.</summary>
    internal const string RegenerateVariable = "CONTACTRULES_REGENERATE_DOCS";

    /// <summary>Any command line that names no command, an unknown command or option, or misses a required one.</summary>
    internal static CommandManual Usage { get; } = new(
        string.Empty,
        "contactrules [--help | --version]",
        "A mistyped command line.",
        "-",
        "the mistake and how to get help, on standard error",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "--help or --version",
            [ExitCodes.InputError] = "no command, an unknown command or option, a missing argument or option, a value of the wrong form",
        });

    /// <summary>Every command, in the order of the reference.</summary>
    internal static IReadOnlyList<CommandManual> Commands { get; } = new[]
    {
        EvaluateCommand.Manual,
        AuditCommand.Manual,
        ReceivedCommand.Manual,
        ScrubCommand.Manual,
        ExplainCommand.Manual,
        RegistryCommand.BuildManual,
        RegistryCommand.InfoManual,
        LedgerCommand.VerifyManual,
        Usage,
    };

    /// <summary>The blocks of docs/cli.md made from the manuals, by name.</summary>
    internal static IReadOnlyList<(string Name, string Content)> Blocks()
        => new[]
        {
            ("commands", CommandsTable()),
            ("exit-codes", ExitCodeTable()),
            ("audit-columns", ColumnsTable(AuditCommand.Manual.Columns)),
            ("scrub-columns", ColumnsTable(ScrubCommand.Manual.Columns)),
            ("consents-columns", ColumnsTable(ConsentsFile.Columns)),
        };

    /// <summary>
    /// <paramref name="document"/> with every generated block replaced by what the manuals make
    /// now; a block whose markers are missing is an error, so that none is silently dropped.
    /// </summary>
    internal static string Regenerate(string document)
    {
        foreach (var (name, content) in Blocks())
        {
            var start = $"<!-- generated:{name} -->\n";
            var end = $"<!-- /generated:{name} -->";
            var from = document.IndexOf(start, StringComparison.Ordinal);
            var to = document.IndexOf(end, StringComparison.Ordinal);
            if (from < 0 || to < from)
            {
                throw new InvalidOperationException($"{RelativePath} has no block '{name}': expected the lines '{start.TrimEnd()}' and '{end}' around it");
            }

            document = string.Concat(document.AsSpan(0, from + start.Length), content, document.AsSpan(to));
        }

        return document;
    }

    private static string CommandsTable()
    {
        var table = new StringBuilder("| command | reads | writes |\n|---|---|---|\n");
        foreach (var command in Commands.Where(c => c.Path.Length > 0))
        {
            table.Append("| `").Append(Cell(command.Usage)).Append("` | ").Append(Cell(command.Reads)).Append(" | ").Append(Cell(command.Writes)).Append(" |\n");
        }

        return table.ToString();
    }

    private static string ExitCodeTable()
    {
        var table = new StringBuilder("| command |");
        foreach (var (code, name) in ExitCodes.All)
        {
            table.Append(' ').Append(code.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(name).Append(" |");
        }

        table.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", ExitCodes.All.Count))).Append('\n');
        foreach (var command in Commands)
        {
            table.Append("| ").Append(command.Path.Length == 0 ? "(usage)" : $"`{command.Path}`").Append(" |");
            foreach (var (code, _) in ExitCodes.All)
            {
                table.Append(' ').Append(command.Exits.TryGetValue(code, out var meaning) ? Cell(meaning) : "—").Append(" |");
            }

            table.Append('\n');
        }

        return table.ToString();
    }

    private static string ColumnsTable(IReadOnlyList<ColumnManual> columns)
    {
        var table = new StringBuilder("| column | required | meaning |\n|---|---|---|\n");
        foreach (var column in columns)
        {
            table.Append("| `").Append(column.Name).Append("` | ").Append(column.Required).Append(" | ").Append(Cell(column.Meaning)).Append(" |\n");
        }

        return table.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
