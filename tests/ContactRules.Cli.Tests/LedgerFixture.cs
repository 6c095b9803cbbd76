using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ContactRules.Jurisdictions;
using ContactRules.Sqlite;
using ContactRules.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// A SQLite ledger with five people of one campaign (all in Paris, called for "telco" about
/// "churn"), written the way a dialer on a <see cref="ContactGate"/> writes it, and a call list
/// naming them with identical deciding columns: only the ledger tells them apart.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>P-1: never called.</item>
/// <item>P-2: called (no answer) Mon 2, Tue 3, Wed 4 and Thu 5 March 2026 at 10:30 Paris.</item>
/// <item>P-3: called Mon 9 March 10:30 Paris and refused.</item>
/// <item>P-4: objected to direct marketing on Sun 1 March.</item>
/// <item>P-5: its number on Bloctel, effective 1 February 2026.</item>
/// </list>
/// </remarks>
internal static class LedgerFixture
{
    internal const string List =
        "number,contactId,timeZones,caller,subject,campaign\n"
        + "+33612340001,P-1,Europe/Paris,telco,churn,retention\n"
        + "+33612340002,P-2,Europe/Paris,telco,churn,retention\n"
        + "+33612340003,P-3,Europe/Paris,telco,churn,retention\n"
        + "+33612340004,P-4,Europe/Paris,telco,churn,retention\n"
        + "+33612340005,P-5,Europe/Paris,telco,churn,retention\n";

    internal static readonly PhoneNumberHasher Hasher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>Writes the ledger to <paramref name="path"/>; returns its evidence log's head.</summary>
    internal static LogHead Write(string path)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 8, 0));
        using var ledger = SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, Hasher) { Clock = clock });
        return Write(ledger, clock);
    }

    /// <summary>Writes the five people to <paramref name="ledger"/>, whose clock is <paramref name="clock"/>; returns its evidence log's head.</summary>
    internal static LogHead Write(ContactLedger ledger, FakeClock clock)
    {
        var gate = new ContactGate(RulePacks.Get("fr"), clock, ledger);
        foreach (var day in new[] { 2, 3, 4, 5 })
        {
            Call(gate, clock, "P-2", "+33612340002", day, AttemptOutcome.NoAnswer);
        }

        Call(gate, clock, "P-3", "+33612340003", 9, AttemptOutcome.Refused);
        ledger.RecordOptOut("P-4", new OptOut(OptOutKind.Objection, Instant.FromUtc(2026, 3, 1, 9, 0)));
        ledger.RecordRegistryEntry("+33612340005", new OptOut(OptOutKind.Registry, Instant.FromUtc(2026, 1, 2, 0, 0)) { Registry = ContactRegistry.Bloctel, EffectiveAt = Instant.FromUtc(2026, 2, 1, 0, 0) });
        return ledger.Log.GetHead();
    }

    /// <summary>Opens the ledger again to read what it holds now.</summary>
    internal static SqliteContactLedger Open(string path) => SqliteContactLedger.Open(new SqliteContactLedgerOptions(path, Hasher));

    /// <summary>Runs SQL on the file as someone with direct access would (the append-only triggers dropped first).</summary>
    internal static void Tamper(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS evidence_log_no_update; DROP TRIGGER IF EXISTS evidence_log_no_delete;" + sql;
        command.ExecuteNonQuery();
    }

    internal static string WriteList(TempFolder folder)
    {
        var list = folder.File("list.csv");
        File.WriteAllText(list, List);
        return list;
    }

    private static void Call(ContactGate gate, FakeClock clock, string id, string number, int day, AttemptOutcome outcome)
    {
        // 10:30 in Paris (UTC+1 in early March) is 09:30Z: inside 10:00–13:00.
        clock.Reset(Instant.FromUtc(2026, 3, day, 9, 30));
        var contact = new Contact(id) { PhoneNumber = number, TimeZones = ImmutableArray.Create(Paris) };
        var request = new ContactRequest(contact, ContactChannel.Voice, ContactPurpose.Marketing) { Caller = "telco", Subject = "churn", Campaign = "retention" };
        Assert.True(gate.TryReserve(request, out var permit, out var decision), decision.ToString());
        permit!.Complete(outcome);
    }
}
