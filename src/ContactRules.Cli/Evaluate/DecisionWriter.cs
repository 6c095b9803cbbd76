using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContactRules.Json.Internal;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Cli.Evaluate;

/// <summary>
/// Writes the evaluate contract's output: one JSON object per line, a decision or an error. A
/// decision line is the case's <c>id</c> followed by ContactRules.Json's decision, so that the
/// tool and a service that logs its decisions write the same thing.
/// </summary>
/// <remarks>
/// Instants are written in one format everywhere: ISO-8601 in UTC with <c>Z</c>, to the second
/// (<c>2026-04-01T08:00:00Z</c>), with a fraction only when the instant has one, so that an
/// instant is never rounded. Each violation carries the contract's four fields and, after them,
/// the engine's <c>reason</c> (readers ignore fields they do not know). Text is UTF-8 and not
/// HTML-escaped: the output is data for programs and people, not for a web page.
/// </remarks>
internal sealed class DecisionWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private readonly TextWriter output;
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter json;

    internal DecisionWriter(TextWriter output)
    {
        this.output = output;
        json = new Utf8JsonWriter(buffer, Options);
    }

    internal void WriteDecision(string id, ContactDecision decision)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        DecisionJson.WriteMembers(json, decision);
        json.WriteEndObject();
        EndLine();
    }

    internal void WriteError(string? id, long line, string error)
    {
        json.WriteStartObject();
        if (id is null)
        {
            json.WriteNull("id");
        }
        else
        {
            json.WriteString("id", id);
        }

        json.WriteNumber("line", line);
        json.WriteString("error", error);
        json.WriteEndObject();
        EndLine();
    }

    internal void Flush() => output.Flush();

    internal static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private void EndLine()
    {
        json.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
        buffer.ResetWrittenCount();
        json.Reset(buffer);
    }
}
