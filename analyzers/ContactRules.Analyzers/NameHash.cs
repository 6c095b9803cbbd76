namespace ContactRules.Analyzers;

/// <summary>
/// A cheap hash of a symbol's name for the tables keyed by symbols: its length and three of its
/// characters, where the string's own hash reads every character (see <see cref="ReferenceComparer{T}"/>).
/// </summary>
internal static class NameHash
{
    public static int Of(string name)
        => name.Length == 0 ? 0 : unchecked((name.Length * 397) ^ (name[0] * 7919) ^ (name[name.Length / 2] * 31) ^ name[name.Length - 1]);
}
