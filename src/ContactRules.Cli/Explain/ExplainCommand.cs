using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Help;
using ContactRules.Cli.Zones;

namespace ContactRules.Cli.Explain;

/// <summary>
/// <c>contactrules explain CASE.json</c> (or <c>-</c> for standard input): one case in the
/// evaluate contract's shape (docs/evaluate-contract.md; the JSON may span several lines),
/// explained in plain sentences on standard output.
/// </summary>
/// <remarks>Exit codes: <see cref="Manual"/>.</remarks>
internal static class ExplainCommand
{
    internal static CommandManual Manual { get; } = new(
        "explain",
        "explain CASE.json",
        "Explain one case of the evaluate contract (docs/evaluate-contract.md; the JSON may span lines; '-' reads standard input) in plain sentences: whether the contact is allowed, every refusing rule with its legal citation, what it says and why it refuses here, when each stops refusing, and the earliest permitted instant, in the called person's local time with the UTC instant beside it.",
        "one case of the evaluate contract (may span lines), or `-` for standard input",
        "sentences",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "the contact is allowed",
            [ExitCodes.Findings] = "the contact is refused (the explanation says why)",
            [ExitCodes.InputError] = "the case cannot be read (the field and what was expected are named)",
        });

    /// <summary>The largest case read, in characters, as for one line of evaluate.</summary>
    internal const int MaxCaseLength = JsonLinesReader.MaxLineLength;

    internal static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones)
    {
        var file = new Argument<string>("case") { Description = "A JSON file holding one case of the evaluate contract (docs/evaluate-contract.md), or '-' for standard input." };
        var command = new Command("explain", Manual.HelpText()) { file };
        command.SetAction(parseResult => Run(parseResult.GetValue(file)!, stdin, stdout, stderr, phoneNumberZones));
        return command;
    }

    internal static int Run(string path, TextReader stdin, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones)
    {
        var name = path == "-" ? "standard input" : path;
        string text;
        try
        {
            if (path == "-")
            {
                text = ReadBounded(stdin);
            }
            else
            {
                using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
                text = ReadBounded(reader);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"contactrules explain: cannot read the case '{name}': {e.Message}");
            return ExitCodes.InputError;
        }

        if (text.Length > MaxCaseLength)
        {
            stderr.WriteLine($"contactrules explain: {name}: the case is longer than {MaxCaseLength.ToString(CultureInfo.InvariantCulture)} characters; expected one case of reasonable size");
            return ExitCodes.InputError;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $", line {(line + 1).ToString(CultureInfo.InvariantCulture)}, byte {((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            stderr.WriteLine($"contactrules explain: {name}{where}: the case is not valid JSON: {(cut >= 0 ? message.Substring(0, cut) : message).TrimEnd()}");
            return ExitCodes.InputError;
        }

        using (document)
        {
            EvaluationCase evaluationCase;
            try
            {
                evaluationCase = new CaseReader(phoneNumberZones).Read(document.RootElement);
            }
            catch (CaseFormatException e)
            {
                stderr.WriteLine($"contactrules explain: {name}: {e.Message}");
                return ExitCodes.InputError;
            }

            var decision = evaluationCase.Decide();
            stdout.Write(DecisionExplainer.Explain(evaluationCase, decision));
            return decision.IsAllowed ? ExitCodes.Ok : ExitCodes.Findings;
        }
    }

    private static string ReadBounded(TextReader reader)
    {
        var buffer = new char[8192];
        var text = new StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxCaseLength)
            {
                break;
            }
        }

        return text.ToString();
    }
}
