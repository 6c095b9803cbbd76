using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactRules.Cli.Received.Exports;

/// <summary>
/// Recognises an export from its content, never from its name (people rename files): an SQLite
/// database is the iPhone's call history, an XML file is SMS Backup &amp; Restore's calls or
/// messages according to its root element, other text is the plain CSV.
/// </summary>
internal static class ExportDetector
{
    /// <summary>What each format looks like, for the message of a file that is none of them.</summary>
    internal const string Expected =
        "expected an Android SMS Backup & Restore export (XML with root <calls> or <smses>), an iPhone CallHistory.storedata (SQLite, table ZCALLRECORD), "
        + "or a CSV file whose header names instant, number, direction, duration and kind";

    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    // The first element of the document, after the declaration, comments and a doctype.
    private static readonly Regex RootElement = new(@"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][A-Za-z0-9_.\-]*)", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Recognises the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problem">When the format is not recognised: what the file is and what was expected.</param>
    /// <returns>The format, or null.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal static ExportFormat? Detect(string path, out string? problem)
    {
        problem = null;
        var start = new byte[4096];
        int length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            length = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        if (length == 0)
        {
            problem = "the file is empty; " + Expected;
            return null;
        }

        if (length >= SqliteHeader.Length && start.AsSpan(0, SqliteHeader.Length).SequenceEqual(SqliteHeader))
        {
            return ExportFormat.IPhoneCallHistory;
        }

        var head = start.AsSpan(0, length);
        if (head.IndexOf((byte)0) >= 0)
        {
            // A CallHistory.storedata copied out of an encrypted iPhone backup is such a file: say so,
            // rather than leave the person to guess why the database they exported is refused.
            problem = "a binary file that is not an SQLite database (a CallHistory.storedata taken from an encrypted iPhone backup stays encrypted: "
                + "take it from an unencrypted backup, or decrypt the backup first); " + Expected;
            return null;
        }

        var text = new UTF8Encoding(false, false).GetString(head).TrimStart('\uFEFF');
        if (text.TrimStart().StartsWith('<'))
        {
            var root = RootElement.Match(text);
            var name = root.Success ? root.Groups[1].Value : null;
            switch (name)
            {
                case "calls":
                    return ExportFormat.AndroidCalls;
                case "smses":
                    return ExportFormat.AndroidMessages;
                case null:
                    problem = "an XML file whose first element cannot be read; " + Expected;
                    return null;
                default:
                    problem = $"an XML file whose root element is <{name}>; " + Expected;
                    return null;
            }
        }

        return ExportFormat.PlainCsv;
    }
}
