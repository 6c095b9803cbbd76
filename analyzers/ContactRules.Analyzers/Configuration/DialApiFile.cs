using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContactRules.Analyzers.Configuration;

/// <summary>
/// Reads <c>ContactRules.DialApis.txt</c> additional files with the conventions of
/// BannedSymbols.txt: one documentation-comment id per line, optionally followed by <c>;</c> and a
/// message; <c>//</c> starts a comment; blank lines are ignored.
/// </summary>
internal static class DialApiFile
{
    /// <summary>Parses every line of <paramref name="text"/>; malformed lines carry their error.</summary>
    public static ImmutableArray<DialApiLine> Parse(SourceText text)
    {
        var lines = ImmutableArray.CreateBuilder<DialApiLine>();
        foreach (var line in text.Lines)
        {
            var raw = line.ToString();
            var comment = raw.IndexOf("//", System.StringComparison.Ordinal);
            var content = comment >= 0 ? raw.Substring(0, comment) : raw;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            string? message = null;
            var semicolon = content.IndexOf(';');
            if (semicolon >= 0)
            {
                message = content.Substring(semicolon + 1).Trim();
                content = content.Substring(0, semicolon);
            }

            var leading = content.Length - content.TrimStart().Length;
            var id = content.Trim();
            var span = new TextSpan(line.Start + leading, id.Length);
            lines.Add(new DialApiLine(id, string.IsNullOrEmpty(message) ? null : message, Validate(id), span, text.Lines.GetLinePositionSpan(span)));
        }

        return lines.ToImmutable();
    }

    /// <summary>Reads and parses every dial API file among <paramref name="files"/>, in path order.</summary>
    public static ImmutableArray<(AdditionalText File, ImmutableArray<DialApiLine> Lines)> ReadAll(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<(AdditionalText, ImmutableArray<DialApiLine>)>();
        foreach (var file in files)
        {
            if (!KnownNames.IsDialApiFile(file.Path))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is not null)
            {
                result.Add((file, Parse(text)));
            }
        }

        // Additional files come in an unspecified order; diagnostics and precedence must not.
        result.Sort((a, b) => string.CompareOrdinal(a.Item1.Path, b.Item1.Path));
        return result.ToImmutable();
    }

    /// <summary>Why <paramref name="id"/> is not a usable documentation-comment id, or null.</summary>
    public static string? Validate(string id)
    {
        if (id.Length < 3 || id[1] != ':')
        {
            return "expected 'M:' (a method) or 'T:' (a type) followed by a full name";
        }

        if (id[0] != 'M' && id[0] != 'T')
        {
            return $"'{id[0]}:' ids cannot place calls; use 'M:' for a method or 'T:' for every method of a type";
        }

        var depth = 0;
        for (var i = 2; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsWhiteSpace(c))
            {
                return "an id contains no spaces";
            }

            depth += c switch
            {
                '(' or '{' or '[' => 1,
                ')' or '}' or ']' => -1,
                _ => 0,
            };
            if (depth < 0)
            {
                return "a closing bracket has no opening one";
            }
        }

        if (depth != 0)
        {
            return "a bracket is not closed";
        }

        if (id[0] == 'T' && id.IndexOf('(') >= 0)
        {
            return "a type id has no parameter list";
        }

        var name = NameOf(id);
        if (name.Length == 0 || name.StartsWith(".", System.StringComparison.Ordinal) || name.EndsWith(".", System.StringComparison.Ordinal) || name.Contains(".."))
        {
            return "the full name is empty or has an empty part";
        }

        if (id[0] == 'M' && name.IndexOf('.') < 0)
        {
            return "a method id names its type: 'M:Namespace.Type.Method'";
        }

        return null;
    }

    /// <summary>The part of a method id before its parameter list, without the kind prefix.</summary>
    public static string NameOf(string id)
    {
        var open = id.IndexOf('(');
        return open < 0 ? id.Substring(2) : id.Substring(2, open - 2);
    }
}
