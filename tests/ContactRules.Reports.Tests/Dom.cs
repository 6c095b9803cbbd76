using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace ContactRules.Reports.Tests;

/// <summary>
/// Reads elements out of a DOM serialised by Chromium, which writes every attribute as
/// <c>name="value"</c> and closes every element it opened: enough for the reports, which nest no
/// table in a table.
/// </summary>
internal sealed class Dom
{
    private static readonly Regex Attribute = new(@"([a-zA-Z_:][-a-zA-Z0-9_:.]*)=""([^""]*)""", RegexOptions.CultureInvariant);
    private static readonly Regex Cell = new(@"<td\b[^>]*>(.*?)</td>", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex Tag = new(@"<[^>]+>", RegexOptions.CultureInvariant);

    private readonly string html;

    internal Dom(string html)
    {
        this.html = html;
    }

    internal string Html => html;

    /// <summary>Every element <paramref name="tag"/> with its attributes and inner HTML, in document order.</summary>
    internal IReadOnlyList<Element> All(string tag)
        => Regex.Matches(html, $@"<{tag}\b([^>]*)>(.*?)</{tag}>", RegexOptions.CultureInvariant | RegexOptions.Singleline)
            .Select(m => new Element(Attributes(m.Groups[1].Value), m.Groups[2].Value))
            .ToList();

    /// <summary>The inner HTML of the element with id <paramref name="id"/>.</summary>
    internal Dom Within(string tag, string id)
    {
        var match = Regex.Match(html, $@"<{tag}\b[^>]*\bid=""{Regex.Escape(id)}""[^>]*>(.*?)</{tag}>", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        if (!match.Success)
        {
            throw new InvalidOperationException($"no <{tag} id=\"{id}\"> in the rendered DOM");
        }

        return new Dom(match.Groups[1].Value);
    }

    /// <summary>The attributes of the start tag of an element with id <paramref name="id"/>.</summary>
    internal IReadOnlyDictionary<string, string> AttributesOf(string tag, string id)
    {
        var match = Regex.Match(html, $@"<{tag}\b([^>]*\bid=""{Regex.Escape(id)}""[^>]*)>", RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            throw new InvalidOperationException($"no <{tag} id=\"{id}\"> in the rendered DOM");
        }

        return Attributes(match.Groups[1].Value);
    }

    private static Dictionary<string, string> Attributes(string text)
        => Attribute.Matches(text).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);

    /// <summary>One element: attributes, inner HTML, and the text of its cells when it is a row.</summary>
    internal sealed record Element(IReadOnlyDictionary<string, string> Attributes, string Inner)
    {
        internal string this[string attribute] => Attributes[attribute];

        internal string[] Cells => Cell.Matches(Inner).Select(m => WebUtility.HtmlDecode(Tag.Replace(m.Groups[1].Value, string.Empty))).ToArray();
    }
}
