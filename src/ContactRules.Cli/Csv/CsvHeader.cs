using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ContactRules.Cli.Csv;

/// <summary>
/// The header row of an input file: which column holds which field. Names are matched without
/// regard to case, spaces, hyphens, underscores and dots (<c>contactId</c>, <c>Contact ID</c> and
/// <c>contact_id</c> are one column); columns the command does not know are ignored.
/// </summary>
internal sealed class CsvHeader
{
    private readonly string[] names;
    private readonly Dictionary<string, int> byKey;

    private CsvHeader(string[] names, Dictionary<string, int> byKey)
    {
        this.names = names;
        this.byKey = byKey;
    }

    /// <summary>The number of columns.</summary>
    internal int Count => names.Length;

    /// <summary>The name of column <paramref name="index"/> (from 0) as the file spells it.</summary>
    internal string NameAt(int index) => index >= 0 && index < names.Length ? names[index] : string.Empty;

    /// <summary>Reads the header from the first record of <paramref name="reader"/>.</summary>
    /// <param name="reader">The file, before its first record.</param>
    /// <param name="known">The canonical names of the columns the command reads.</param>
    /// <param name="required">Those of them that must be present.</param>
    /// <param name="header">The header, when it is usable.</param>
    /// <param name="problem">Otherwise what is wrong, where, and what was expected.</param>
    internal static bool TryRead(CsvReader reader, IReadOnlyList<string> known, IReadOnlyList<string> required, out CsvHeader? header, out CsvHeaderProblem? problem)
    {
        header = null;
        if (!reader.TryRead(out var csvProblem))
        {
            problem = new CsvHeaderProblem(0, $"the file is empty; expected a header row naming the columns, at least {string.Join(", ", required)}");
            return false;
        }

        if (csvProblem is not null)
        {
            problem = new CsvHeaderProblem(reader.Line, csvProblem.Message);
            return false;
        }

        var names = new string[reader.FieldCount];
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetString(i).Trim();
            var key = Key(names[i]);
            if (!known.Any(k => Key(k) == key))
            {
                continue;
            }

            if (byKey.TryGetValue(key, out var first))
            {
                problem = new CsvHeaderProblem(reader.Line, $"columns {(first + 1).ToString(CultureInfo.InvariantCulture)} and {(i + 1).ToString(CultureInfo.InvariantCulture)} are both '{names[i]}'; expected each column once");
                return false;
            }

            byKey.Add(key, i);
        }

        var missing = required.Where(r => !byKey.ContainsKey(Key(r))).ToArray();
        if (missing.Length > 0)
        {
            problem = new CsvHeaderProblem(reader.Line, $"missing column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))}; expected a header row naming at least {string.Join(", ", required)}");
            return false;
        }

        header = new CsvHeader(names, byKey);
        problem = null;
        return true;
    }

    /// <summary>The index (from 0) of the column named <paramref name="name"/>, or -1 when absent.</summary>
    internal int IndexOf(string name) => byKey.TryGetValue(Key(name), out var index) ? index : -1;

    /// <summary>
    /// Why the record <paramref name="reader"/> just read cannot be used: its own problem
    /// (<paramref name="readProblem"/>, as <see cref="CsvReader.TryRead"/> gave it), or a number of
    /// fields other than the header's; null when its fields can be read by column.
    /// </summary>
    internal CsvProblem? ProblemOf(CsvReader reader, CsvProblem? readProblem)
        => readProblem
            ?? (reader.FieldCount == names.Length
                ? null
                : new CsvProblem(0, $"found {reader.FieldCount.ToString(CultureInfo.InvariantCulture)} fields; expected {names.Length.ToString(CultureInfo.InvariantCulture)}, one for each column of the header row"));

    /// <summary>The header's name of the 1-based <paramref name="column"/> of a problem, or null for the record as a whole.</summary>
    internal string? NameOfColumn(int column) => column > 0 ? NameAt(column - 1) : null;

    private static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not (' ' or '-' or '_' or '.'))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
