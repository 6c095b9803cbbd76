using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;
using static ContactRules.Storage.Tests.TestData;

namespace ContactRules.Storage.Tests.Sqlite;

/// <summary>Several processes on one machine share one ledger file.</summary>
public sealed class SqliteMultiProcessTests : IDisposable
{
    private const int Workers = 4;
    private const int Threads = 8;
    private const int OpsPerThread = 100;
    private const int Contacts = 500;

    private readonly TempFolder folder = new TempFolder();

    [Fact]
    public void Four_processes_of_eight_threads_never_give_a_person_more_than_four_calls()
    {
        var path = folder.File("ledger.db");
        var ticks = Tuesday1030.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);
        var children = Enumerable.Range(0, Workers)
            .Select(w => ChildProcess.Start("sqlite-reserve", path, Contacts.ToString(CultureInfo.InvariantCulture), Threads.ToString(CultureInfo.InvariantCulture), OpsPerThread.ToString(CultureInfo.InvariantCulture), w.ToString(CultureInfo.InvariantCulture), ticks))
            .ToList();
        try
        {
            foreach (var child in children)
            {
                Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)) == 0, "A worker failed: " + string.Join(" | ", child.Lines.Where(l => !l.StartsWith("granted", StringComparison.Ordinal))) + child.Errors);
            }

            var granted = children.SelectMany(c => c.Lines).Where(l => l.StartsWith("granted ", StringComparison.Ordinal))
                .Select(l => l.Split(' ')).Select(p => (Contact: p[1], Id: long.Parse(p[2], CultureInfo.InvariantCulture))).ToList();

            // D223-9: at most 4 attempts per 30 days. Every call of the test falls on one day, so
            // each person gets exactly min(4, times the workers tried them).
            var tried = new Dictionary<string, int>();
            for (var w = 0; w < Workers; w++)
            {
                for (var t = 0; t < Threads; t++)
                {
                    for (var i = 0; i < OpsPerThread; i++)
                    {
                        var contact = "c-" + ((((w * Threads) + t) * 37) + i) % Contacts;
                        tried[contact] = tried.GetValueOrDefault(contact) + 1;
                    }
                }
            }

            var perContact = granted.GroupBy(g => g.Contact).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (contact, times) in tried)
            {
                Assert.Equal(Math.Min(4, times), perContact.GetValueOrDefault(contact));
            }

            // Every granted reservation is in the ledger, and nothing else is.
            using var ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, Hasher));
            var recorded = ReadAttemptIds(path);
            Assert.Equal(granted.Select(g => (g.Contact, g.Id)).OrderBy(g => g.Id), recorded.OrderBy(r => r.Id));
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void A_reservation_whose_process_was_killed_before_completing_still_counts()
    {
        var path = folder.File("ledger.db");
        using (var child = ChildProcess.Start("sqlite-reserve-and-wait", path, "c-1", Tuesday1030.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)))
        {
            child.WaitForLine("reserved ", TimeSpan.FromMinutes(1));
            child.Kill();
        }

        using var ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, Hasher) { Clock = ClockAtTuesday() });
        AssertKilledReservationCounts(ledger);
    }

    public void Dispose() => folder.Dispose();

    private static List<(string Contact, long Id)> ReadAttemptIds(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT contact_id, id FROM attempts";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
