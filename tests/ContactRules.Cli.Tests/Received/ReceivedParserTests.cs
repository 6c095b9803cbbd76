using System;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Cli.Received;
using ContactRules.Cli.Received.Exports;
using Microsoft.Data.Sqlite;
using NodaTime;
using Xunit;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// The readers of <c>received</c> on files shaped like the real exports (SMS Backup &amp;
/// Restore's XML, the iPhone's CallHistory.storedata, the plain CSV), whole and broken: each
/// problem names its place and what was expected, and everything else is still read and judged.
/// </summary>
public class ReceivedParserTests
{
    // 1785747600000 ms = 2026-08-03T09:00:00Z, Monday 3 August 2026 11:00 in Paris.
    private const string Declaration = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n";

    private static string Call(string number, long date, int type, int duration = 0, string contact = "(Unknown)", int presentation = 1)
        => $"  <call number=\"{number}\" duration=\"{duration}\" date=\"{date}\" type=\"{type}\" presentation=\"{presentation}\" subscription_id=\"1\" post_dial_digits=\"\" readable_date=\"3 août 2026 11:00:00\" contact_name=\"{contact}\" />\n";

    private static ExportReading Read(string path) => ReceivedCommand.ReadExport(path);

    [Fact]
    public void Android_calls_every_type_read_with_its_instant_and_only_incoming_calls_judged()
    {
        using var folder = new TempFolder();
        var path = folder.File("calls-20260817093000.xml");
        File.WriteAllText(path, Declaration + "<calls count=\"8\" backup_set=\"x\" backup_date=\"1786951800000\" type=\"full\">\n"
            + Call("01 62 00 00 01", 1785747600000, 1, 3)
            + Call("01 62 00 00 01", 1785747660000, 2, 40)
            + Call("01 62 00 00 01", 1785747720000, 3)
            + Call("01 62 00 00 01", 1785747780000, 4, 12)
            + Call("01 62 00 00 01", 1785747840000, 5)
            + Call("01 62 00 00 01", 1785747900000, 6)
            + Call("01 62 00 00 01", 1785747960000, 7, 20)
            + Call("-2", 1785748020000, 1, 4, presentation: 2)
            + "</calls>\n");

        var reading = Read(path);

        Assert.Equal(ExportFormat.AndroidCalls, reading.Format);
        Assert.Empty(reading.Problems);
        Assert.Equal(8, reading.Events.Count);
        Assert.Equal(Instant.FromUtc(2026, 8, 3, 9, 0), reading.Events[0].At);
        Assert.Equal(new[] { true, false, true, true, true, true, true, true }, reading.Events.Select(e => e.Incoming));
        Assert.Equal(
            new[] { CallAnswer.Answered, CallAnswer.Answered, CallAnswer.Missed, CallAnswer.Voicemail, CallAnswer.Rejected, CallAnswer.Blocked, CallAnswer.AnsweredElsewhere, CallAnswer.Answered },
            reading.Events.Select(e => e.Answer));
        Assert.True(reading.Events[7].Withheld);
        Assert.Equal("<call> on line 3", reading.Events[0].Location);
    }

    [Fact]
    public void Android_calls_cut_short_the_break_is_reported_with_its_line_and_the_calls_before_it_are_judged()
    {
        using var folder = new TempFolder();
        var path = folder.File("calls.xml");
        var whole = Declaration + "<calls count=\"3\">\n"
            + Call("01 62 00 00 01", 1785747600000, 3)
            + Call("01 62 00 00 01", 1785751200000, 3)
            + Call("01 62 00 00 01", 1785754800000, 3)
            + "</calls>\n";

        // An interrupted copy: the file stops in the middle of the third <call> (line 5).
        File.WriteAllText(path, whole.Substring(0, whole.IndexOf("date=\"1785754800000\"", StringComparison.Ordinal) + 10));

        var reading = Read(path);

        Assert.Equal(2, reading.Events.Count);
        var problem = Assert.Single(reading.Problems);
        Assert.StartsWith("line 5, position ", problem.Location, StringComparison.Ordinal);
        Assert.Contains("the XML is cut short or broken here", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("the 2 elements before it were read, nothing after it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Android_calls_an_unknown_type_and_a_date_written_as_text_are_errors_of_their_element_only()
    {
        using var folder = new TempFolder();
        var path = folder.File("calls.xml");
        File.WriteAllText(path, Declaration + "<calls count=\"4\">\n"
            + Call("01 62 00 00 01", 1785747600000, 3)
            + Call("01 62 00 00 01", 1785751200000, 9)
            + Call("01 62 00 00 01", 1785754800000, 3).Replace("date=\"1785754800000\"", "date=\"3 août 2026 13:00:00\"", StringComparison.Ordinal)
            + Call("01 62 00 00 01", 1785758400000, 3)
            + "</calls>\n");

        var reading = Read(path);

        Assert.Equal(2, reading.Events.Count);
        Assert.Equal(
            new[]
            {
                "calls.xml, <call> on line 4: attribute 'type': '9' is not a call type of SMS Backup & Restore: 1 incoming, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked, 7 answered on another device; the element was skipped",
                "calls.xml, <call> on line 5: attribute 'date': '3 août 2026 13:00:00' is not a number of milliseconds since 1970-01-01 UTC; expected digits only, such as date=\"1785747600000\" (readable_date is not used: it is in the phone's own zone and format); the element was skipped",
            },
            reading.Problems.Select(p => p.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Android_messages_received_texts_are_judged_sent_ones_are_not_and_the_count_is_checked()
    {
        using var folder = new TempFolder();
        var path = folder.File("sms-20260817093000.xml");
        File.WriteAllText(path, Declaration + "<smses count=\"3\" backup_set=\"x\" backup_date=\"1786951800000\" type=\"full\">\n"
            + "  <sms protocol=\"0\" address=\"HORIZON\" date=\"1785747600000\" type=\"1\" subject=\"null\" body=\"Votre offre -30 %\" read=\"1\" status=\"-1\" readable_date=\"x\" contact_name=\"(Unknown)\" />\n"
            + "  <sms protocol=\"0\" address=\"+33612345678\" date=\"1785751200000\" type=\"2\" subject=\"null\" body=\"à ce soir\" read=\"1\" status=\"-1\" readable_date=\"x\" contact_name=\"Maman\" />\n"
            + "</smses>\n");

        var reading = Read(path);

        Assert.Equal(ExportFormat.AndroidMessages, reading.Format);
        Assert.Equal(new[] { true, false }, reading.Events.Select(e => e.Incoming));
        Assert.Equal("Votre offre -30 %", reading.Events[0].Text);
        Assert.True(reading.Events[1].KnownContact);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal("count=\"3\" but 2 elements were found; the backup may be incomplete", problem.Message);
    }

    [Fact]
    public void Plain_csv_a_stray_quote_is_a_character_and_a_quote_left_open_spoils_its_row_only()
    {
        using var folder = new TempFolder();
        var path = folder.File("export.csv");
        File.WriteAllText(path,
            "instant,number,direction,duration,kind,text\n"                       // line 1
            + "2026-08-03T11:00:00+02:00,0162000001,incoming,0,call,\n"          // line 2
            + "2026-08-03T11:05:00+02:00,01\"62000001,incoming,0,call,\n"        // line 3: stray quote, a character
            + "2026-08-03T11:10:00+02:00,0162000001,incoming,4,call,\n"          // line 4
            + "2026-08-03T11:15:00+02:00,HORIZON,incoming,,sms,\"Offre\n"        // line 5: quote never closed
            + "2026-08-03T11:20:00+02:00,0162000001,incoming,0,call,\n"          // line 6
            + "3 août 2026,0162000001,incoming,0,call,\n"                        // line 7: date as text
            + "2026-08-03T11:30:00+02:00,0162000001,sideways,0,call,\n"          // line 8
            + "2026-08-03T11:35:00+02:00,0162000001,incoming,0\n",               // line 9: 4 fields of 6
            new UTF8Encoding(false));

        var reading = Read(path);

        Assert.Equal(ExportFormat.PlainCsv, reading.Format);

        // Every line is read or reported, never both, never neither.
        Assert.Equal(new[] { "line 2", "line 3", "line 4", "line 6" }, reading.Events.Select(e => e.Location));
        Assert.Equal(
            new[]
            {
                "line 5, column 6 'text': a quoted field opened here is never closed (no closing '\"' before the end of the file); expected a closing '\"' (a quote inside a quoted field is written twice: \"\"). This line is reported alone and reading goes on with the next line; the row was skipped",
                "line 7, column 1 'instant': '3 août 2026' is not a valid instant; expected an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'; the row was skipped",
                "line 8, column 3 'direction': 'sideways' is not a direction; expected incoming or outgoing; the row was skipped",
                "line 9: found 4 fields; expected 6, one for each column of the header row; the row was skipped",
            },
            reading.Problems.Select(p => $"{p.Location}: {p.Message}"));
        Assert.Equal("01\"62000001", reading.Events[1].RawNumber);
        Assert.Equal(CallAnswer.Missed, reading.Events[1].Answer);
        Assert.Equal(CallAnswer.Answered, reading.Events[2].Answer);
        Assert.Equal(CallAnswer.Missed, reading.Events[3].Answer);
    }

    [Fact]
    public void Plain_csv_a_message_text_quoted_over_two_lines_is_one_row_and_the_next_row_keeps_its_line()
    {
        using var folder = new TempFolder();
        var path = folder.File("export.csv");
        File.WriteAllText(path,
            "instant,number,direction,duration,kind,text\n"
            + "2026-08-03T11:15:00+02:00,HORIZON,incoming,,sms,\"Offre -30 %,\nrépondez \"\"STOP\"\"\"\n"   // lines 2-3
            + "2026-08-03T11:20:00+02:00,0162000001,incoming,0,call,\n",                                          // line 4
            new UTF8Encoding(false));

        var reading = Read(path);

        Assert.Empty(reading.Problems);
        Assert.Equal(new[] { "line 2", "line 4" }, reading.Events.Select(e => e.Location));
        Assert.Equal("Offre -30 %,\nrépondez \"STOP\"", reading.Events[0].Text);
    }

    [Fact]
    public void Plain_csv_without_its_columns_says_which_are_missing()
    {
        using var folder = new TempFolder();
        var path = folder.File("export.csv");
        File.WriteAllText(path, "when,number,direction\n2026-08-03T11:00:00+02:00,0162000001,incoming\n");

        var problem = Assert.Single(Read(path).Problems);

        Assert.Equal("line 1 (the header row)", problem.Location);
        Assert.Equal("missing columns 'instant', 'duration', 'kind'; expected a header row naming at least instant, number, direction, duration, kind; nothing was read", problem.Message);
    }

    [Fact]
    public void IPhone_call_history_dates_from_2001_incoming_only_and_a_date_stored_as_text_skips_its_row()
    {
        using var folder = new TempFolder();
        var path = folder.File("CallHistory.storedata");
        CreateCallHistory(path,
            (1, 807440400.0, "+33162000001", 0.0, 0, 0),          // 2026-08-03T09:00:00Z, incoming, missed
            (2, 807440460.5, "0162000001", 42.0, 0, 1),           // incoming, answered
            (3, 807440520.0, "+33612345678", 30.0, 1, 1),         // outgoing
            (4, "hier", "+33162000001", 0.0, 0, 0),               // a date written as text
            (5, 807440640.0, null, 0.0, 0, 0));                   // no number

        var reading = Read(path);

        Assert.Equal(ExportFormat.IPhoneCallHistory, reading.Format);
        Assert.Equal(new[] { "ZCALLRECORD row Z_PK 1", "ZCALLRECORD row Z_PK 2", "ZCALLRECORD row Z_PK 3", "ZCALLRECORD row Z_PK 5" }, reading.Events.Select(e => e.Location));
        Assert.Equal(Instant.FromUtc(2026, 8, 3, 9, 0), reading.Events[0].At);
        Assert.Equal(Instant.FromUtc(2026, 8, 3, 9, 1, 0).PlusNanoseconds(500_000_000), reading.Events[1].At);
        Assert.Equal(new[] { true, true, false, true }, reading.Events.Select(e => e.Incoming));
        Assert.Equal(new[] { CallAnswer.Missed, CallAnswer.Answered, CallAnswer.Answered, CallAnswer.Missed }, reading.Events.Select(e => e.Answer));
        Assert.Null(reading.Events[3].RawNumber);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal("ZCALLRECORD row Z_PK 4, column ZDATE", problem.Location);
        Assert.Equal("the text 'hier'; expected a number of seconds since 2001-01-01T00:00:00Z, such as 807015600; the row was skipped", problem.Message);
    }

    [Fact]
    public void An_SQLite_file_without_the_call_table_or_an_XML_file_of_another_app_is_named_as_such()
    {
        using var folder = new TempFolder();
        var other = folder.File("other.sqlite");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (id INTEGER)";
            command.ExecuteNonQuery();
        }

        Assert.StartsWith("an SQLite database without a ZCALLRECORD table", Assert.Single(Read(other).Problems).Message, StringComparison.Ordinal);

        var xml = folder.File("contacts.xml");
        File.WriteAllText(xml, Declaration + "<contacts><contact name=\"x\"/></contacts>\n");
        Assert.StartsWith("an XML file whose root element is <contacts>; expected an Android SMS Backup & Restore export", Assert.Single(Read(xml).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_history_from_an_encrypted_backup_is_named_as_such()
    {
        using var folder = new TempFolder();
        var encrypted = folder.File("CallHistory.storedata");
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        File.WriteAllBytes(encrypted, bytes);

        var message = Assert.Single(Read(encrypted).Problems).Message;

        Assert.StartsWith("a binary file that is not an SQLite database (a CallHistory.storedata taken from an encrypted iPhone backup stays encrypted", message, StringComparison.Ordinal);
        Assert.Contains("expected an Android SMS Backup & Restore export", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_export_exits_2_and_what_could_be_read_is_still_judged_and_reported()
    {
        using var folder = new TempFolder();
        var good = folder.File("calls.xml");
        File.WriteAllText(good, Declaration + "<calls count=\"2\">\n"
            + Call("01 62 00 00 01", 1786528800000, 3)     // Wed 12 August 2026 10:00Z, 12:00 in Paris
            + Call("01 62 00 00 01", 1786532400000, 9)
            + "</calls>\n");
        var output = folder.File("out");

        var run = CliRun.Run(string.Empty, null, "received", good, "--policy", "fr", "--out", output);

        Assert.Equal(Help.ExitCodes.InputError, run.ExitCode);
        Assert.Contains("calls.xml, <call> on line 4: attribute 'type': '9' is not a call type", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 partie(s) des fichiers n'ont pas pu être lues et n'ont pas été jugées ; le reste l'a été.", run.Stderr, StringComparison.Ordinal);

        // The readable call was judged (FR-CONS-01: no consent, from 11 August 2026) and is in the report.
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("data-rules=\"FR-CONS-01\"", report, StringComparison.Ordinal);
        Assert.Contains("&lt;call&gt; on line 4", report, StringComparison.Ordinal);
    }

    private static void CreateCallHistory(string path, params (long Pk, object Date, string? Address, double Duration, int Originated, int Answered)[] rows)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            // The columns of the iOS store that matter, with Core Data's Z_ names and a few others.
            create.CommandText = "CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZANSWERED INTEGER, ZCALLTYPE INTEGER, ZORIGINATED INTEGER, ZDATE TIMESTAMP, ZDURATION FLOAT, ZADDRESS VARCHAR, ZNAME VARCHAR)";
            create.ExecuteNonQuery();
        }

        foreach (var row in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO ZCALLRECORD (Z_PK, Z_ENT, Z_OPT, ZANSWERED, ZCALLTYPE, ZORIGINATED, ZDATE, ZDURATION, ZADDRESS, ZNAME) VALUES ($pk, 2, 1, $answered, 1, $originated, $date, $duration, $address, NULL)";
            insert.Parameters.AddWithValue("$pk", row.Pk);
            insert.Parameters.AddWithValue("$answered", row.Answered);
            insert.Parameters.AddWithValue("$originated", row.Originated);
            insert.Parameters.AddWithValue("$date", row.Date);
            insert.Parameters.AddWithValue("$duration", row.Duration);
            insert.Parameters.AddWithValue("$address", (object?)row.Address ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }
    }
}
