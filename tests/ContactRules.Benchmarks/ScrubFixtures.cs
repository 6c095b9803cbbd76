using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ContactRules.Registries;
using ContactRules.Sqlite;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules.Benchmarks;

/// <summary>
/// The files of the scrub measurements, written once for <see cref="ScrubSourcesBenchmarks"/> and
/// for real runs (<c>dotnet run -c Release --project tests/ContactRules.Benchmarks -- scrub-fixtures FOLDER 1000000</c>):
/// a call list of French mobile numbers (Paris and overseas zones, seven subjects, one caller), a
/// 2,000,000-number Bloctel registry file holding every tenth number of the list, and a SQLite
/// ledger in which every tenth person was called twice by the list's caller.
/// </summary>
internal static class ScrubFixtures
{
    internal static readonly string[] Zones =
    {
        "Europe/Paris", "Europe/Paris", "Europe/Paris", "Indian/Reunion", "America/Martinique", "Europe/Paris;Indian/Reunion", "America/Guadeloupe", "Indian/Mayotte",
    };

    /// <summary>The instant the lists are decided at: Tue 10 March 2026 10:00Z, 11:00 in Paris.</summary>
    internal static readonly Instant At = Instant.FromUtc(2026, 3, 10, 10, 0);

    internal static string Number(int i) => "+336" + i.ToString("D8", CultureInfo.InvariantCulture);

    internal static void WriteList(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("number,contactId,timeZones,channel,purpose,caller,subject,campaign");
        for (var i = 0; i < rows; i++)
        {
            writer.WriteLine($"{Number(i)},cust-{i.ToString(CultureInfo.InvariantCulture)},{Zones[i % Zones.Length]},voice,marketing,operator,offer-{(i % 7).ToString(CultureInfo.InvariantCulture)},retention");
        }
    }

    /// <summary>Every tenth number of the list, and as many again outside it, to 2,000,000 numbers or more.</summary>
    internal static void WriteRegistry(string path, int rows)
    {
        var numbers = Enumerable.Range(0, rows / 10).Select(i => Number(i * 10))
            .Concat(Enumerable.Range(0, Math.Max(1_900_000, 2_000_000 - (rows / 10))).Select(i => "+337" + i.ToString("D8", CultureInfo.InvariantCulture)));
        RegistryFileBuilder.Build(numbers, path, new RegistryBuildOptions(ContactRegistry.Bloctel, Instant.FromUtc(2026, 3, 1, 0, 0)));
    }

    /// <summary>Every tenth person of the list called twice by 'operator', on 2 and 3 March 2026.</summary>
    internal static void WriteLedger(string path, int rows)
    {
        using var writing = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, new PhoneNumberHasher(new byte[32])));
        for (var i = 0; i < rows; i += 10)
        {
            var id = "cust-" + i.ToString(CultureInfo.InvariantCulture);
            writing.Record(id, new ContactAttempt(Instant.FromUtc(2026, 3, 2, 9, 30), AttemptOutcome.NoAnswer) { Caller = "operator" });
            writing.Record(id, new ContactAttempt(Instant.FromUtc(2026, 3, 3, 9, 30), AttemptOutcome.NoAnswer) { Caller = "operator" });
        }
    }

    /// <summary>Writes list.csv, bloctel.crreg and ledger.db to <paramref name="folder"/>.</summary>
    internal static void Write(string folder, int rows)
    {
        Directory.CreateDirectory(folder);
        WriteList(Path.Combine(folder, "list.csv"), rows);
        WriteRegistry(Path.Combine(folder, "bloctel.crreg"), rows);
        WriteLedger(Path.Combine(folder, "ledger.db"), rows);
        Console.WriteLine($"{folder}: list.csv ({rows.ToString("N0", CultureInfo.InvariantCulture)} rows), bloctel.crreg, ledger.db");
    }
}
