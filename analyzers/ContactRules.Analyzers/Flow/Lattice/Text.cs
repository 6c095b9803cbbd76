using System.Text;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>Code as diagnostics quote it: one line, at most <see cref="MaxLength"/> characters.</summary>
internal static class Text
{
    public const int MaxLength = 60;

    /// <summary><paramref name="node"/>'s text (without its outer trivia), quoted as <see cref="Shorten"/> does.</summary>
    /// <remarks>From the tree's source text when it has one: cheaper than rebuilding the text from the tokens.</remarks>
    public static string Of(SyntaxNode node)
        => Shorten(node.SyntaxTree.TryGetText(out var source) ? source.ToString(node.Span) : node.ToString());

    /// <summary>Every run of white space one space, and at most <see cref="MaxLength"/> characters.</summary>
    public static string Shorten(string text)
    {
        if (IsOneLine(text))
        {
            return Cut(text);
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return Cut(builder.ToString());
    }

    /// <summary>At most <see cref="MaxLength"/> characters, the last three "..." when cut.</summary>
    private static string Cut(string line) => line.Length <= MaxLength ? line : line.Substring(0, MaxLength - 3) + "...";

    /// <summary>True when <paramref name="text"/> has no white space but single spaces between other characters.</summary>
    private static bool IsOneLine(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' ? i == 0 || i == text.Length - 1 || text[i + 1] == ' ' : char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
