namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>Code as diagnostics quote it: one line, at most <see cref="MaxLength"/> characters.</summary>
internal static class Text
{
    public const int MaxLength = 60;

    public static string Shorten(string text)
    {
        text = string.Join(" ", text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 3) + "...";
    }
}
