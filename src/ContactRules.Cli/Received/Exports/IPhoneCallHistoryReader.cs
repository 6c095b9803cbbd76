using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ContactRules.Cli.Input;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactRules.Cli.Received.Exports;

/// <summary>
/// Reads the iPhone's call history, <c>CallHistory.storedata</c>, taken from a backup the person
/// made: a Core Data store in SQLite whose table <c>ZCALLRECORD</c> has one row per call.
/// </summary>
/// <remarks>
/// <para>
/// Columns: <c>ZDATE</c> (seconds since 2001-01-01T00:00:00Z, Apple's reference date),
/// <c>ZADDRESS</c> (the number as the phone showed it; text, or UTF-8 bytes in some iOS versions;
/// empty for a hidden caller), <c>ZDURATION</c> (seconds), <c>ZORIGINATED</c> (0 incoming,
/// 1 outgoing), <c>ZANSWERED</c> (0 or 1). The database is opened read-only and never changed.
/// </para>
/// <para>
/// A row with an unreadable value is reported with its <c>Z_PK</c> and column and skipped; the
/// other rows are read. A file that is not such a database (no <c>ZCALLRECORD</c> table, a
/// missing column) is reported whole.
/// </para>
/// </remarks>
internal static class IPhoneCallHistoryReader
{
    /// <summary>Apple's reference date, the zero of <c>ZDATE</c>.</summary>
    internal static readonly Instant ReferenceDate = Instant.FromUtc(2001, 1, 1, 0, 0);

    private static readonly string[] Columns = { "ZDATE", "ZADDRESS", "ZDURATION", "ZORIGINATED", "ZANSWERED" };

    internal static void Read(string path, ExportReading reading)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            var columns = ColumnsOf(connection);
            if (columns.Count == 0)
            {
                reading.Problem(string.Empty, "an SQLite database without a ZCALLRECORD table; expected the iPhone's CallHistory.storedata (from a backup: HomeDomain/Library/CallHistoryDB/CallHistory.storedata)");
                return;
            }

            var missing = Array.FindAll(Columns, c => !columns.Contains(c));
            if (missing.Length > 0)
            {
                reading.Problem("table ZCALLRECORD", $"no column {string.Join(", ", missing)}; expected the columns {string.Join(", ", Columns)}; nothing was read");
                return;
            }

            var key = columns.Contains("Z_PK") ? "Z_PK" : "rowid";
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {key}, ZDATE, ZADDRESS, ZDURATION, ZORIGINATED, ZANSWERED FROM ZCALLRECORD ORDER BY {key}";
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                ReadRow(rows, key, reading);
            }
        }
        catch (SqliteException failure)
        {
            reading.Problem(string.Empty, $"the database cannot be read ({failure.Message}); expected the iPhone's CallHistory.storedata, an SQLite file that is whole");
        }
    }

    private static HashSet<string> ColumnsOf(SqliteConnection connection)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('ZCALLRECORD')";
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            names.Add(rows.GetString(0));
        }

        return names;
    }

    private static void ReadRow(SqliteDataReader rows, string key, ExportReading reading)
    {
        var id = rows.IsDBNull(0) ? 0L : rows.GetInt64(0);
        var location = $"ZCALLRECORD row {key} {id.ToString(CultureInfo.InvariantCulture)}";
        if (!TryNumber(rows, 1, out var seconds, out var found))
        {
            reading.Problem($"{location}, column ZDATE", $"{found}; expected a number of seconds since 2001-01-01T00:00:00Z, such as 807015600; the row was skipped");
            return;
        }

        if (!TryNumber(rows, 4, out var originated, out found) || originated is not (0 or 1))
        {
            reading.Problem($"{location}, column ZORIGINATED", $"{(found.Length > 0 ? found : $"{originated.ToString(CultureInfo.InvariantCulture)}")}; expected 0 (incoming) or 1 (outgoing); the row was skipped");
            return;
        }

        double? duration = null;
        if (!rows.IsDBNull(3))
        {
            if (!TryNumber(rows, 3, out var value, out found) || value < 0)
            {
                reading.Problem($"{location}, column ZDURATION", $"{(found.Length > 0 ? found : value.ToString(CultureInfo.InvariantCulture))}; expected a number of seconds, 0 or more; the row was skipped");
                return;
            }

            duration = value;
        }

        var answered = !rows.IsDBNull(5) && TryNumber(rows, 5, out var flag, out _) && flag == 1;
        var at = ReferenceDate + Duration.FromMilliseconds(Math.Round(seconds * 1000));
        reading.Events.Add(new ReceivedEvent(reading.File, location, id, at, ReceivedKind.Call, incoming: originated == 0, Address(rows))
        {
            DurationSeconds = duration is { } d ? (int)Math.Round(d) : null,
            Answer = answered ? CallAnswer.Answered : CallAnswer.Missed,
        });
    }

    /// <summary>Reads a numeric column; <paramref name="found"/> says what was there instead.</summary>
    private static bool TryNumber(SqliteDataReader rows, int ordinal, out double value, out string found)
    {
        value = 0;
        found = string.Empty;
        if (rows.IsDBNull(ordinal))
        {
            found = "empty (NULL)";
            return false;
        }

        var raw = rows.GetValue(ordinal);
        switch (raw)
        {
            case long whole:
                value = whole;
                return true;
            case double real:
                value = real;
                return true;
            case string text:
                found = $"the text '{ValueText.Shorten(text)}'";
                return false;
            default:
                found = "a binary value";
                return false;
        }
    }

    private static string? Address(SqliteDataReader rows)
    {
        if (rows.IsDBNull(2))
        {
            return null;
        }

        return rows.GetValue(2) switch
        {
            string text => text,
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
    }
}
