namespace ContactRules.Analyzers;

/// <summary>
/// A cheap hash of a symbol's name for the tables keyed by symbols: its length and five of its
/// characters (the first, the last, and three between), where the string's own hash reads every
/// character. The tables' equality is identity or the symbols' own, so names that share these
/// characters only share a chain of comparisons.
/// </summary>
internal static class NameHash
{
    public static int Of(string name)
    {
        var length = name.Length;
        if (length == 0)
        {
            return 0;
        }

        unchecked
        {
            var hash = (length * 397) ^ name[0];
            hash = (hash * 31) ^ name[length / 4];
            hash = (hash * 31) ^ name[length / 2];
            hash = (hash * 31) ^ name[(3 * length) / 4];
            return (hash * 31) ^ name[length - 1];
        }
    }
}
