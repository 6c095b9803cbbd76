using System.Runtime.CompilerServices;

namespace ContactRules.Analyzers;

/// <summary>
/// A cheap hash of a symbol's name for the tables keyed by symbols: a multiply-and-add over its
/// characters (the first 32 of a longer name, with its length), where the string's own hash is
/// randomised and mixed per process. Equal names hash equally; the tables' equality is identity
/// or the symbols' own, so names that share a hash only share a chain of comparisons.
/// </summary>
internal static class NameHash
{
    [MethodImpl(Jit.Optimized)]
    public static int Of(string name)
    {
        var length = name.Length;
        var end = length < 32 ? length : 32;
        unchecked
        {
            var hash = length;
            for (var i = 0; i < end; i++)
            {
                hash = (hash * 31) + name[i];
            }

            return hash;
        }
    }
}
