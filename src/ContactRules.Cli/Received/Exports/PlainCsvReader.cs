using System.Globalization;
using System.IO;
using System.Text;
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
/// A call with a duration above 0 was answered, a call of 0 seconds was missed. A row that cannot
/// be read is reported with its line and column and skipped; the other rows are read.
/// </remarks>
internal static class PlainCsvReader
{
    internal static readonly string[] Required = { "instant", "number", "direction", "duration", "kind" };
    internal static readonly string[] Known = { "instant", "number", "direction", "duration", "kind", "text" };

    internal static void Read(string path, ExportReading reading)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false, false));
        CsvColumns? columns = null;
        foreach (var record in CsvRecords.Read(text))
        {
            var location = $"line {record.Line.ToString(CultureInfo.InvariantCulture)}";
            if (columns is null)
            {
                if (record.Problem is not null)
                {
                    reading.Problem($"{location} (the header row)", record.Problem + "; nothing was read");
                    return;
                }

                columns = CsvColumns.TryRead(record.Fields, Known, Required, out var headerProblem);
                if (columns is null)
                {
                    reading.Problem($"{location} (the header row)", headerProblem + "; nothing was read");
                    return;
                }

                continue;
            }

            if (record.Problem is not null)
            {
                reading.Problem(location, record.Problem + "; the row was skipped");
                continue;
            }

            if (record.Fields.Count != columns.Count)
            {
                reading.Problem(location, $"{record.Fields.Count.ToString(CultureInfo.InvariantCulture)} fields where the header has {columns.Count.ToString(CultureInfo.InvariantCulture)}; expected one field per column (a field holding a comma is quoted); the row was skipped");
                continue;
            }

            ReadRow(columns, record, location, reading);
        }

        if (columns is null)
        {
            reading.Problem(string.Empty, "the file has no header row; expected a header naming " + string.Join(", ", Required));
        }
    }

    private static void ReadRow(CsvColumns columns, CsvRecords.Record record, string location, ExportReading reading)
    {
        var fields = record.Fields;
        var instantText = columns.Get(fields, "instant")!;
        if (!InstantText.TryParse(instantText, out var at))
        {
            reading.Problem(Where(location, columns, "instant"), InstantText.Problem(instantText) + "; the row was skipped");
            return;
        }

        var direction = columns.Get(fields, "direction")!.ToLowerInvariant();
        if (direction is not ("incoming" or "outgoing"))
        {
            reading.Problem(Where(location, columns, "direction"), $"'{ValueText.Shorten(direction)}' is not a direction; expected incoming or outgoing; the row was skipped");
            return;
        }

        var kindText = columns.Get(fields, "kind")!.ToLowerInvariant();
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
                reading.Problem(Where(location, columns, "kind"), $"'{ValueText.Shorten(kindText)}' is not a kind; expected call or sms; the row was skipped");
                return;
        }

        var durationText = columns.Get(fields, "duration")!;
        int? duration = null;
        if (durationText.Length > 0)
        {
            if (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                reading.Problem(Where(location, columns, "duration"), $"'{ValueText.Shorten(durationText)}' is not a duration; expected a whole number of seconds, such as 42 (0 for a missed call); the row was skipped");
                return;
            }

            duration = seconds;
        }
        else if (kind == ReceivedKind.Call)
        {
            reading.Problem(Where(location, columns, "duration"), "empty for a call; expected a whole number of seconds (0 for a missed call); the row was skipped");
            return;
        }

        var number = columns.Get(fields, "number")!;
        reading.Events.Add(new ReceivedEvent(reading.File, location, record.Line, at, kind, direction == "incoming", number.Length == 0 ? null : number)
        {
            DurationSeconds = duration,
            Answer = kind == ReceivedKind.Message ? CallAnswer.NotACall : duration > 0 ? CallAnswer.Answered : CallAnswer.Missed,
            Text = columns.Get(fields, "text") is { Length: > 0 } body ? body : null,
        });
    }

    private static string Where(string location, CsvColumns columns, string name)
        => $"{location}, column {columns.ColumnOf(name).ToString(CultureInfo.InvariantCulture)} '{name}'";
}
