using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactRules.Cli.Received.Exports;

/// <summary>
/// Which column of a header row holds which field. Names are matched as the other commands match
/// them: without regard to case, spaces, <c>-</c>, <c>_</c> and <c>.</c>; unknown columns are ignored.
/// </summary>
internal sealed class CsvColumns
{
    private readonly Dictionary<string, int> byName;

    private CsvColumns(Dictionary<string, int> byName, int count)
    {
        this.byName = byName;
        Count = count;
    }

    /// <summary>The number of columns of the header.</summary>
    internal int Count { get; }

    /// <summary>Reads the header <paramref name="names"/>.</summary>
    /// <param name="names">The header row's fields.</param>
    /// <param name="known">The canonical names the file may use.</param>
    /// <param name="required">Those that must be there.</param>
    /// <param name="problem">Which required columns are missing, or which column is named twice.</param>
    internal static CsvColumns? TryRead(IReadOnlyList<string> names, IReadOnlyList<string> known, IReadOnlyList<string> required, out string? problem)
    {
        problem = null;
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var canonical = known.FirstOrDefault(k => Key(k) == Key(names[i]));
            if (canonical is null)
            {
                continue;
            }

            if (!byName.TryAdd(canonical, i))
            {
                problem = $"the header names the column '{canonical}' twice (columns {byName[canonical] + 1} and {i + 1}); expected each column once";
                return null;
            }
        }

        var missing = required.Where(r => !byName.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            problem = $"the header has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; expected a header row naming {string.Join(", ", required)}"
                + (known.Count > required.Count ? $" (and optionally {string.Join(", ", known.Except(required))})" : string.Empty);
            return null;
        }

        return new CsvColumns(byName, names.Count);
    }

    /// <summary>The field <paramref name="name"/> of <paramref name="fields"/>, trimmed; null when the header has no such column.</summary>
    internal string? Get(IReadOnlyList<string> fields, string name) => byName.TryGetValue(name, out var index) ? fields[index].Trim() : null;

    /// <summary>The 1-based column of <paramref name="name"/>, for error messages.</summary>
    internal int ColumnOf(string name) => byName[name] + 1;

    private static string Key(string name)
        => new string(name.Where(c => c is not (' ' or '-' or '_' or '.')).Select(char.ToLowerInvariant).ToArray());
}
