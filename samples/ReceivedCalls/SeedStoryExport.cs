using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using NodaTime;

namespace ReceivedCalls;

/// <summary>
/// Writes the story the way SMS Backup &amp; Restore exports a phone — <c>calls-*.xml</c> and
/// <c>sms-*.xml</c>, instants in epoch milliseconds, <c>readable_date</c> in the phone's French
/// format, the contacts' names — plus the two small files the person writes: <c>callers.csv</c>
/// (the operator's numbers as one company) and <c>facts.json</c> (their Bloctel registration,
/// their contract with the operator, their refusal).
/// </summary>
internal static class SeedStoryExport
{
    /// <summary>The backup's time: Monday 17 August 2026, 09:30 in Paris.</summary>
    internal static readonly LocalDateTime BackupAt = new(2026, 8, 17, 9, 30, 0);

    private static readonly string[] Months = { "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc." };

    /// <summary>The files written, in the order written.</summary>
    internal static readonly string[] FileNames = { "calls-20260817093000.xml", "sms-20260817093000.xml", "callers.csv", "facts.json" };

    /// <summary>Writes the four files into <paramref name="folder"/> and returns their paths.</summary>
    internal static IEnumerable<string> Write(string folder)
    {
        var story = SeedStory.Build();
        var paths = FileNames.Select(f => Path.Combine(folder, f)).ToArray();
        File.WriteAllText(paths[0], Calls(story), Utf8);
        File.WriteAllText(paths[1], Messages(story), Utf8);
        File.WriteAllText(paths[2], Callers(), Utf8);
        File.WriteAllText(paths[3], Facts(story), Utf8);
        return paths;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    internal static string Calls(SeedStory story)
    {
        var calls = story.OperatorCalls.Concat(story.OtherCalls).OrderBy(c => c.Local).ToList();
        return Document("calls", calls.Count, xml =>
        {
            foreach (var call in calls)
            {
                xml.WriteStartElement("call");
                xml.WriteAttributeString("number", call.Number);
                xml.WriteAttributeString("duration", Number(call.Duration));
                xml.WriteAttributeString("date", Milliseconds(call.Local));
                xml.WriteAttributeString("type", Number(call.Type));
                xml.WriteAttributeString("presentation", call.Withheld ? "2" : "1");
                xml.WriteAttributeString("subscription_id", "1");
                xml.WriteAttributeString("post_dial_digits", string.Empty);
                xml.WriteAttributeString("subscription_component_name", "com.android.phone/com.android.services.telephony.TelephonyConnectionService");
                xml.WriteAttributeString("readable_date", Readable(call.Local));
                xml.WriteAttributeString("contact_name", call.ContactName ?? "(Unknown)");
                xml.WriteEndElement();
            }
        });
    }

    internal static string Messages(SeedStory story)
        => Document("smses", story.Messages.Count, xml =>
        {
            foreach (var message in story.Messages.OrderBy(m => m.Local))
            {
                xml.WriteStartElement("sms");
                xml.WriteAttributeString("protocol", "0");
                xml.WriteAttributeString("address", message.Number);
                xml.WriteAttributeString("date", Milliseconds(message.Local));
                xml.WriteAttributeString("type", Number(message.Type));
                xml.WriteAttributeString("subject", "null");
                xml.WriteAttributeString("body", message.Body ?? string.Empty);
                xml.WriteAttributeString("toa", "null");
                xml.WriteAttributeString("sc_toa", "null");
                xml.WriteAttributeString("service_center", "null");
                xml.WriteAttributeString("read", "1");
                xml.WriteAttributeString("status", "-1");
                xml.WriteAttributeString("locked", "0");
                xml.WriteAttributeString("date_sent", Milliseconds(message.Local.PlusSeconds(-2)));
                xml.WriteAttributeString("readable_date", Readable(message.Local));
                xml.WriteAttributeString("contact_name", message.ContactName ?? "(Unknown)");
                xml.WriteEndElement();
            }
        });

    internal static string Callers()
        => "number,name,selling,recorded,sector\n"
            + string.Concat(SeedStory.SubcontractorNumbers.Append(SeedStory.TextSender).Select(n => $"{n},{SeedStory.Operator},yes,no,télécommunications\n"));

    internal static string Facts(SeedStory story)
    {
        var refusal = story.Refusal.InZoneStrictly(SeedStory.Paris).ToOffsetDateTime();
        return "{\n"
            + "  \"zone\": \"Europe/Paris\",\n"
            + $"  \"ownNumber\": \"{SeedStory.OwnNumber}\",\n"
            + "  \"silentCallMaxSeconds\": 5,\n"
            + "  \"registrations\": [\n"
            + "    { \"registry\": \"bloctel\", \"registeredAt\": \"2024-03-12\" }\n"
            + "  ],\n"
            + "  \"contracts\": [\n"
            + $"    {{ \"caller\": \"{SeedStory.Operator}\", \"from\": \"2019-05-01\", \"relatedToCalls\": true }}\n"
            + "  ],\n"
            + "  \"refusals\": [\n"
            + $"    {{ \"caller\": \"{SeedStory.Operator}\", \"at\": \"{refusal.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>", CultureInfo.InvariantCulture)}\", \"how\": \"during-call\" }}\n"
            + "  ]\n"
            + "}\n";
    }

    private static string Document(string root, int count, System.Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = Utf8, OmitXmlDeclaration = true };
        text.Append("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n");
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement(root);
            xml.WriteAttributeString("count", Number(count));
            xml.WriteAttributeString("backup_set", "6c1f0b7e-2015-4a5e-9d3b-000000002015");
            xml.WriteAttributeString("backup_date", Milliseconds(BackupAt));
            xml.WriteAttributeString("type", "full");
            body(xml);
            xml.WriteEndElement();
        }

        return text.Append('\n').ToString();
    }

    private static string Milliseconds(LocalDateTime local)
        => local.InZoneStrictly(SeedStory.Paris).ToInstant().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    // The phone's own French format: "27 juil. 2026 11:24:07".
    private static string Readable(LocalDateTime local)
        => $"{local.Day.ToString(CultureInfo.InvariantCulture)} {Months[local.Month - 1]} {local.Year.ToString(CultureInfo.InvariantCulture)} {local.ToString("HH':'mm':'ss", CultureInfo.InvariantCulture)}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
