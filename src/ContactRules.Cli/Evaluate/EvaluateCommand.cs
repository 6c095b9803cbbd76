using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using ContactRules.Cli.Help;
using ContactRules.Cli.Zones;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// <c>contactrules evaluate [cases.jsonl]</c>: reads cases, one JSON object a line, from the file
/// or from standard input, and writes one decision a line, in the same order, to standard output
/// (docs/evaluate-contract.md).
/// </summary>
/// <remarks>
/// A line that cannot be decided (not JSON, a missing or invalid field, an unknown pack, zone or
/// enum value) gives an error line and the next line is read: a bad line never stops the good
/// ones, and is never decided on a guess. Exit codes: <see cref="Manual"/>. Lines are read and
/// written one at a time, so memory does not grow with the input.
/// </remarks>
internal static class EvaluateCommand
{
    internal static CommandManual Manual { get; } = new(
        "evaluate",
        "evaluate [cases.jsonl]",
        "Decide contact cases: reads one case a line (JSON Lines, docs/evaluate-contract.md) from the file or standard input, and writes one decision a line in the same order, to standard output. A line that cannot be decided gives an error line naming the field and what was expected, and the next line is read. A refusal is a decision, not a finding: evaluate never exits 1.",
        "cases, one JSON object a line ([evaluate-contract.md](evaluate-contract.md))",
        "one decision (or error) a line",
        new Dictionary<int, string>
        {
            [ExitCodes.Ok] = "every line decided (allowed or refused)",
            [ExitCodes.InputError] = "a line in error (the others are decided), or the input cannot be read",
        });

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    internal static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr, IPhoneNumberZones phoneNumberZones)
    {
        var file = new Argument<string?>("cases")
        {
            Description = "A JSON Lines file of cases; standard input when absent or '-'.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("evaluate", Manual.HelpText());
        command.Arguments.Add(file);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file);
            if (path is null || path == "-")
            {
                return Run(stdin, stdout, stderr, phoneNumberZones);
            }

            StreamReader reader;
            try
            {
                reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"contactrules evaluate: cannot read the cases file '{path}': {e.Message}");
                return ExitCodes.InputError;
            }

            using (reader)
            {
                return Run(reader, stdout, stderr, phoneNumberZones);
            }
        });
        return command;
    }

    /// <summary>Decides every case of <paramref name="input"/>, writing one line each to <paramref name="output"/>.</summary>
    /// <returns>The exit code.</returns>
    internal static int Run(TextReader input, TextWriter output, TextWriter error, IPhoneNumberZones phoneNumberZones)
    {
        var lines = new JsonLinesReader(input);
        var writer = new DecisionWriter(output);
        var reader = new CaseReader(phoneNumberZones);
        long decided = 0, errors = 0;
        try
        {
            while (lines.TryRead(out var text))
            {
                if (text is not null && string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (Evaluate(text, lines.LineNumber, reader, writer))
                {
                    decided++;
                }
                else
                {
                    errors++;
                }
            }
        }
        catch (IOException e)
        {
            writer.Flush();
            error.WriteLine($"contactrules evaluate: reading the cases failed after line {lines.LineNumber.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
            return ExitCodes.InputError;
        }

        writer.Flush();
        if (errors > 0)
        {
            error.WriteLine($"contactrules evaluate: {decided.ToString(CultureInfo.InvariantCulture)} cases decided, {errors.ToString(CultureInfo.InvariantCulture)} lines in error (see their \"error\" field).");
            return ExitCodes.InputError;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Decides one line, or writes its error.</summary>
    /// <returns>True when the line was decided.</returns>
    private static bool Evaluate(string? text, long line, CaseReader reader, DecisionWriter writer)
    {
        if (text is null)
        {
            writer.WriteError(null, line, $"the line is longer than {JsonLinesReader.MaxLineLength.ToString(CultureInfo.InvariantCulture)} characters; expected one case of reasonable size per line");
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException e)
        {
            writer.WriteError(null, line, NotJson(e));
            return false;
        }

        using (document)
        {
            var id = CaseReader.IdOf(document.RootElement);
            EvaluationCase evaluationCase;
            try
            {
                evaluationCase = reader.Read(document.RootElement);
            }
            catch (CaseFormatException e)
            {
                writer.WriteError(id, line, e.Message);
                return false;
            }

            ContactDecision decision;
            try
            {
                decision = evaluationCase.Decide();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever went wrong, this case is not decided (so never allowed) and the next
                // lines still are: one case must not stop a batch.
                writer.WriteError(id, line, $"the engine could not decide this case ({e.GetType().Name}): {e.Message}");
                return false;
            }

            writer.WriteDecision(evaluationCase.Id, decision);
            return true;
        }
    }

    private static string NotJson(JsonException e)
    {
        // The reader's message ends with its own 0-based position; the position is given 1-based instead.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message.Substring(0, cut);
        }

        var where = e.BytePositionInLine is { } position
            ? $" at byte {(position + 1).ToString(CultureInfo.InvariantCulture)}"
            : string.Empty;
        return $"the line is not valid JSON{where}: {message.TrimEnd()}";
    }
}
