namespace ContactRules.Cli.Help;

/// <summary>One column of a CSV file a command reads, as its help and docs/cli.md describe it.</summary>
/// <param name="Name">The column's name (matched without regard to case, spaces, '-', '_' and '.').</param>
/// <param name="Required">Whether it must be present: "yes", "no", or "yes (may be empty)".</param>
/// <param name="Meaning">What it holds and how an empty value reads.</param>
internal sealed record ColumnManual(string Name, string Required, string Meaning);
