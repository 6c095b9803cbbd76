using System.Globalization;
using System.IO;
using ContactRules.Cli.Csv;
using ContactRules.Cli.Input;

namespace ContactRules.Cli.Received.Exports;

/// <summary>
/// Reads the plain CSV format: a header row, then one call or message a row, with the columns
/// <c>instant</c> (ISO-8601 with <c>Z</c> or an offset), <c>number</c> (as the phone showed it;
/// empty when hidden), <c>direction</c> (<c>incoming</c> or <c>outgoing</c>), <c>duration</c>
/// (seconds; empty for a message) and <c>kind</c> (<c>call</c> or <c>sms</c>), and optionally
/// <c>text</c> (a message's text).
/// </summary>
/// <remarks>
/// The file is read as every CSV file of the tool is (<see cref="CsvReader"/>, <see cref="CsvHeader"/>):
/// a quote inside an unquoted field is an ordinary character, and a quoted field left open is an
/// error of the row it opens on, after which reading goes on with the next line. A call with a
/// duration above 0 was answered, a call of 0 seconds was missed. A row that cannot be read is
/// reported with its line and column and skipped; the other rows are read.
/// </remarks>
internal static class PlainCsvReader
{
    internal static readonly string[] Required = { "instant", "number", "direction", "duration", "kind" };
    internal static readonly string[] Known = { "instant", "number", "direction", "duration", "kind", "text" };

    /// <exception cref="IOException">The file cannot be read.</exception>
    internal static void Read(string path, ExportReading reading)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new CsvReader(stream);
        if (!CsvHeader.TryRead(reader, Known, Required, out var header, out var headerProblem))
        {
            reading.Problem(headerProblem!.Location, headerProblem.Message + "; nothing was read");
            return;
        }

        while (reader.TryRead(out var readProblem))
        {
            if (header!.ProblemOf(reader, readProblem) is { } problem)
            {
                reading.Problem(ExportProblem.InCsv(reader.Line, header, problem.Column), problem.Message + "; the row was skipped");
                continue;
            }

            ReadRow(reader, header, reading);
        }
    }

    private static void ReadRow(CsvReader reader, CsvHeader header, ExportReading reading)
    {
        string? Field(string name) => header.IndexOf(name) is >= 0 and var i ? reader.GetString(i).Trim() : null;

        void Skip(string column, string message)
            => reading.Problem(ExportProblem.InCsv(reader.Line, header, header.IndexOf(column) + 1), message + "; the row was skipped");

        var instantText = Field("instant")!;
        if (!InstantText.TryParse(instantText, out var at))
        {
            Skip("instant", InstantText.Problem(instantText));
            return;
        }

        var direction = Field("direction")!.ToLowerInvariant();
        if (direction is not ("incoming" or "outgoing"))
        {
            Skip("direction", $"'{ValueText.Shorten(direction)}' is not a direction; expected incoming or outgoing");
            return;
        }

        var kindText = Field("kind")!.ToLowerInvariant();
        ReceivedKind kind;
        switch (kindText)
        {
            case "call":
                kind = ReceivedKind.Call;
                break;
            case "sms":
                kind = ReceivedKind.Message;
                break;
            default:
                Skip("kind", $"'{ValueText.Shorten(kindText)}' is not a kind; expected call or sms");
                return;
        }

        var durationText = Field("duration")!;
        int? duration = null;
        if (durationText.Length > 0)
        {
            if (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                Skip("duration", $"'{ValueText.Shorten(durationText)}' is not a duration; expected a whole number of seconds, such as 42 (0 for a missed call)");
                return;
            }

            duration = seconds;
        }
        else if (kind == ReceivedKind.Call)
        {
            Skip("duration", "empty for a call; expected a whole number of seconds (0 for a missed call)");
            return;
        }

        var number = Field("number")!;
        var location = ExportProblem.InCsv(reader.Line, header, 0);
        reading.Events.Add(new ReceivedEvent(reading.File, location, reader.Line, at, kind, direction == "incoming", number.Length == 0 ? null : number)
        {
            DurationSeconds = duration,
            Answer = kind == ReceivedKind.Message ? CallAnswer.NotACall : duration > 0 ? CallAnswer.Answered : CallAnswer.Missed,
            Text = Field("text") is { Length: > 0 } body ? body : null,
        });
    }
}
