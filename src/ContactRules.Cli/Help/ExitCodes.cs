using System.Collections.Generic;
using System.Linq;

namespace ContactRules.Cli.Help;

/// <summary>
/// The tool's exit codes: one table for every command, so that a pipeline reads them the same way
/// whatever it runs. When several apply (rows in error and violations among the rows read), the
/// highest wins: a run that could not judge everything never looks like a verdict.
/// </summary>
/// <remarks>
/// A command says what each code means for it in its <see cref="CommandManual"/>; docs/cli.md's
/// table and every command's <c>--help</c> are made from those, and a test checks each command's
/// codes.
/// </remarks>
internal static class ExitCodes
{
    /// <summary>Everything was read and judged, and nothing was found.</summary>
    internal const int Ok = 0;

    /// <summary>Everything was read and judged, and something was found: a violation, a refusal, a tampered log.</summary>
    internal const int Findings = 1;

    /// <summary>Input or usage error: something could not be read or judged (a row, a file, an option); what was read is still reported.</summary>
    internal const int InputError = 2;

    /// <summary>The ledger (the store) could not be read or reached: missing, damaged, unreachable, or failing during the run.</summary>
    internal const int StoreUnreadable = 3;

    /// <summary>The codes, with the name the table gives them.</summary>
    internal static IReadOnlyList<(int Code, string Name)> All { get; } = new[]
    {
        (Ok, "ok"),
        (Findings, "findings"),
        (InputError, "input or usage error"),
        (StoreUnreadable, "ledger unreadable"),
    };

    /// <summary>The code of a run to which several apply: the highest.</summary>
    internal static int Worst(params int[] codes) => codes.Length == 0 ? Ok : codes.Max();
}
