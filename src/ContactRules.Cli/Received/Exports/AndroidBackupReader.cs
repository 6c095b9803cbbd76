using System;
using System.Globalization;
using System.IO;
using System.Xml;
using ContactRules.Cli.Input;
using NodaTime;

namespace ContactRules.Cli.Received.Exports;

/// <summary>
/// Reads the XML files of the Android app SMS Backup &amp; Restore: <c>calls-*.xml</c> (root
/// <c>&lt;calls&gt;</c>, one <c>&lt;call&gt;</c> per call) and <c>sms-*.xml</c> (root
/// <c>&lt;smses&gt;</c>, <c>&lt;sms&gt;</c> and <c>&lt;mms&gt;</c> elements).
/// </summary>
/// <remarks>
/// <para>
/// Instants come from <c>date</c>, milliseconds since 1970-01-01 UTC; <c>readable_date</c> is
/// written in the phone's own zone and language and is never used. Call <c>type</c>: 1 incoming,
/// 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked, 7 answered on another device
/// (Android's <c>CallLog.Calls</c>); message <c>type</c>: 1 received, 2 sent, 3 draft, 4 outbox,
/// 5 failed, 6 queued; MMS <c>msg_box</c> likewise.
/// </para>
/// <para>
/// An element with a missing or unreadable attribute is reported with its line and skipped; the
/// others are read. A file cut short (an interrupted backup or copy) is read up to the break, the
/// break is reported with its line and position, and everything before it is judged. The
/// contact's name (<c>contact_name</c>) only tells whether the number was one of the person's
/// contacts: it is never kept.
/// </para>
/// </remarks>
internal static class AndroidBackupReader
{
    private const string CallTypes = "1 incoming, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked, 7 answered on another device";
    private const string MessageTypes = "1 received, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued";

    // Epoch milliseconds between 1990 and 2100: anything else is a unit mistake (seconds, microseconds).
    private const long EarliestMilliseconds = 631_152_000_000L;
    private const long LatestMilliseconds = 4_102_444_800_000L;

    internal static void Read(string path, ExportReading reading)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        var messages = reading.Format == ExportFormat.AndroidMessages;
        var element = messages ? "sms" : "call";
        long read = 0;
        long? announced = null;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var xml = XmlReader.Create(stream, settings);
        var lines = (IXmlLineInfo)xml;
        try
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.Depth == 0)
                {
                    announced = long.TryParse(xml.GetAttribute("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
                    continue;
                }

                if (xml.Depth != 1)
                {
                    continue;
                }

                var location = $"<{xml.Name}> on line {lines.LineNumber.ToString(CultureInfo.InvariantCulture)}";
                read++;
                switch (xml.Name)
                {
                    case "call" when !messages:
                        ReadCall(xml, reading, location, read);
                        break;
                    case "sms" when messages:
                        ReadSms(xml, reading, location, read);
                        break;
                    case "mms" when messages:
                        ReadMms(xml, reading, location, read);
                        break;
                    default:
                        read--;
                        reading.Problem(location, $"an element <{xml.Name}> where <{element}> elements were expected{(messages ? " (or <mms>)" : string.Empty)}; it was skipped");
                        break;
                }
            }
        }
        catch (XmlException broken)
        {
            var where = $"line {broken.LineNumber.ToString(CultureInfo.InvariantCulture)}, position {broken.LinePosition.ToString(CultureInfo.InvariantCulture)}";
            reading.Problem(where, $"the XML is cut short or broken here ({Reason(broken)}); the {read.ToString(CultureInfo.InvariantCulture)} elements before it were read, nothing after it");
            return;
        }

        if (announced is { } expected && expected != read)
        {
            reading.Problem("the root element", $"count=\"{expected.ToString(CultureInfo.InvariantCulture)}\" but {read.ToString(CultureInfo.InvariantCulture)} elements were found; the backup may be incomplete");
        }
    }

    private static void ReadCall(XmlReader xml, ExportReading reading, string location, long order)
    {
        if (!TryInstant(xml, reading, location, out var at)
            || !TryNumber(xml, "type", reading, location, $"a call type of SMS Backup & Restore: {CallTypes}", 1, 7, out var type)
            || !TryOptionalNumber(xml, "duration", reading, location, "a whole number of seconds", out var duration))
        {
            return;
        }

        var presentation = xml.GetAttribute("presentation");
        var answer = type switch
        {
            1 => CallAnswer.Answered,
            3 => CallAnswer.Missed,
            4 => CallAnswer.Voicemail,
            5 => CallAnswer.Rejected,
            6 => CallAnswer.Blocked,
            7 => CallAnswer.AnsweredElsewhere,
            _ => CallAnswer.Answered,
        };
        reading.Events.Add(new ReceivedEvent(reading.File, location, order, at, ReceivedKind.Call, incoming: type != 2, xml.GetAttribute("number"))
        {
            // Android's presentation: 1 allowed, 2 restricted, 3 unknown, 4 payphone.
            Withheld = presentation is "2" or "3" or "4",
            DurationSeconds = duration is { } seconds ? (int)Math.Min(seconds, int.MaxValue) : null,
            Answer = answer,
            KnownContact = IsContact(xml.GetAttribute("contact_name")),
        });
    }

    private static void ReadSms(XmlReader xml, ExportReading reading, string location, long order)
    {
        if (!TryInstant(xml, reading, location, out var at)
            || !TryNumber(xml, "type", reading, location, $"a message type of SMS Backup & Restore: {MessageTypes}", 1, 6, out var type))
        {
            return;
        }

        reading.Events.Add(new ReceivedEvent(reading.File, location, order, at, ReceivedKind.Message, incoming: type == 1, xml.GetAttribute("address"))
        {
            KnownContact = IsContact(xml.GetAttribute("contact_name")),
            Text = xml.GetAttribute("body"),
        });
    }

    private static void ReadMms(XmlReader xml, ExportReading reading, string location, long order)
    {
        if (!TryInstant(xml, reading, location, out var at)
            || !TryNumber(xml, "msg_box", reading, location, "an MMS box: 1 received, 2 sent, 3 draft, 4 outbox", 1, 4, out var box))
        {
            return;
        }

        reading.Events.Add(new ReceivedEvent(reading.File, location, order, at, ReceivedKind.Message, incoming: box == 1, xml.GetAttribute("address"))
        {
            KnownContact = IsContact(xml.GetAttribute("contact_name")),
        });
    }

    private static bool TryInstant(XmlReader xml, ExportReading reading, string location, out Instant at)
    {
        at = default;
        var text = xml.GetAttribute("date");
        if (text is null)
        {
            reading.Problem(location, "no 'date' attribute; expected the instant in milliseconds since 1970-01-01 UTC, such as date=\"1785747600000\"; the element was skipped");
            return false;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            reading.Problem(location, $"attribute 'date': '{ValueText.Shorten(text)}' is not a number of milliseconds since 1970-01-01 UTC; expected digits only, such as date=\"1785747600000\" (readable_date is not used: it is in the phone's own zone and format); the element was skipped");
            return false;
        }

        if (milliseconds < EarliestMilliseconds || milliseconds > LatestMilliseconds)
        {
            reading.Problem(location, $"attribute 'date': {text} milliseconds since 1970 is not between 1990 and 2100; expected milliseconds (not seconds), such as date=\"1785747600000\"; the element was skipped");
            return false;
        }

        at = Instant.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private static bool TryNumber(XmlReader xml, string attribute, ExportReading reading, string location, string expected, int min, int max, out int value)
    {
        value = 0;
        var text = xml.GetAttribute(attribute);
        if (text is null)
        {
            reading.Problem(location, $"no '{attribute}' attribute; expected {expected}; the element was skipped");
            return false;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            reading.Problem(location, $"attribute '{attribute}': '{ValueText.Shorten(text)}' is not {expected}; the element was skipped");
            return false;
        }

        return true;
    }

    private static bool TryOptionalNumber(XmlReader xml, string attribute, ExportReading reading, string location, string expected, out long? value)
    {
        value = null;
        var text = xml.GetAttribute(attribute);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            reading.Problem(location, $"attribute '{attribute}': '{ValueText.Shorten(text)}' is not {expected}; the element was skipped");
            return false;
        }

        value = parsed;
        return true;
    }

    // The app writes "(Unknown)" or "null" for numbers that are not in the address book.
    private static bool IsContact(string? name) => !string.IsNullOrWhiteSpace(name) && name != "(Unknown)" && name != "null";

    // XmlException's message ends with its own "Line n, position m."; the location says it already.
    private static string Reason(XmlException broken)
    {
        var message = broken.Message;
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
    }
}
