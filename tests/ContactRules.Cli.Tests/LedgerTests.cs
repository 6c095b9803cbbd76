using System;
using System.IO;
using System.Linq;
using ContactRules.Cli.Scrub;
using ContactRules.Cli.Zones;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// <c>scrub --ledger</c> and <c>ledger verify</c> end to end on the ledger of
/// <see cref="LedgerFixture"/>, and on missing, damaged and tampered ledgers. The scrub instant
/// is Tue 10 March 2026 09:30Z, 10:30 in Paris (UTC+1): inside 10:00–13:00 (FR-HOURS-01).
/// </summary>
public class LedgerTests
{
    private const string At = "2026-03-10T09:30:00Z";

    /// <summary>
    /// The decisions, worked out from docs/regulations.md and conventions.md:
    /// <list type="bullet">
    /// <item>P-1: nothing recorded: allowed.</item>
    /// <item>P-2: 4 calls on 2–5 March: a fifth within 30 days breaks FR-FREQ-01 (D223-9 al. 3: at
    /// most 4 in 30 days); the cap allows again when the 2 March call leaves the window, 1 April,
    /// and every rule allows at Wed 1 April 10:00 Paris (UTC+2 since 29 March) = 08:00Z.</item>
    /// <item>P-3: refused on 9 March: FR-COOL-01 blocks 9 March to 8 May (refusal day + 60 days);
    /// 9 May is a Saturday, so Mon 11 May 10:00 Paris = 08:00Z.</item>
    /// <item>P-4: an objection (GDPR art. 21) is absolute: EU-OBJ-01, no next instant.</item>
    /// <item>P-5: Bloctel registration effective 1 February: FR-LIST-01 until 10 August 2026; from
    /// 11 August FR-CONS-01 asks a prior consent that P-5 never gave: no next instant.</item>
    /// </list>
    /// </summary>
    private static readonly string[] Expected =
    {
        "2,+33612340001,P-1,allowed,,,",
        "3,+33612340002,P-2,refused,2026-04-01T08:00:00Z,2026-04-01T10:00:00+02:00,FR-FREQ-01",
        "4,+33612340003,P-3,refused,2026-05-11T08:00:00Z,2026-05-11T10:00:00+02:00,FR-COOL-01",
        "5,+33612340004,P-4,refused,,,EU-OBJ-01",
        "6,+33612340005,P-5,refused,,,FR-LIST-01",
    };

    [Fact]
    public void Each_person_is_decided_from_their_own_history_and_facts_and_nothing_is_recorded()
    {
        using var folder = new TempFolder();
        var ledgerPath = folder.File("ledger.db");
        var head = LedgerFixture.Write(ledgerPath);
        var list = LedgerFixture.WriteList(folder);

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At, "--ledger", ledgerPath, "--out", folder.File("decisions.csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Expected, ScrubTests.WithoutReasons(File.ReadAllLines(folder.File("decisions.csv"))));
        Assert.Contains($"reading each person's history and facts from {ledgerPath} (read only)", run.Stderr, StringComparison.Ordinal);

        // Read only: no attempt for anyone, and the evidence log is where it was.
        using var ledger = LedgerFixture.Open(ledgerPath);
        Assert.Empty(ledger.Read(new Contact("P-1")).History.Attempts.ToArray());
        Assert.Equal(4, ledger.Read(new Contact("P-2")).History.Attempts.Length);
        Assert.Equal(head, ledger.Log.GetHead());
    }

    [Fact]
    public void Without_the_ledger_the_same_list_is_all_allowed()
    {
        using var folder = new TempFolder();
        var list = LedgerFixture.WriteList(folder);

        var run = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At);

        // The list alone says nothing of earlier calls, objections or Bloctel.
        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Lines.Skip(1), line => Assert.Contains(",allowed,", line, StringComparison.Ordinal));
    }

    /// <summary>
    /// The five rows share every deciding column, so a cache keyed on the columns alone would give
    /// P-1's "allowed" to everyone: with a ledger every row is decided on its own.
    /// </summary>
    [Fact]
    public void With_a_ledger_kept_outcomes_never_give_one_person_another_s_decision()
    {
        using var folder = new TempFolder();
        var ledgerPath = folder.File("ledger.db");
        LedgerFixture.Write(ledgerPath);
        var list = LedgerFixture.WriteList(folder);
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 10, 9, 30));
        var sources = new ScrubSources(ledgerPath, null, null, Array.Empty<string>());

        Assert.Equal(0, ScrubCommand.Run(list, "fr", folder.File("kept.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock, sources: sources));
        Assert.Equal(0, ScrubCommand.Run(list, "fr", folder.File("alone.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock, cacheOutcomes: false, sources: sources));

        Assert.Equal(File.ReadAllBytes(folder.File("alone.csv")), File.ReadAllBytes(folder.File("kept.csv")));
        Assert.Equal(Expected, ScrubTests.WithoutReasons(File.ReadAllLines(folder.File("kept.csv"))));
    }

    /// <summary>
    /// The cache serves only people with nothing in the ledger: listed after the four people the
    /// ledger refuses, with the same deciding columns, a new person P-6 is still allowed, and
    /// each of the four keeps their own refusal (the same list decided row by row agrees).
    /// </summary>
    [Fact]
    public void Refused_people_never_fill_the_cache_for_people_with_nothing_stored()
    {
        using var folder = new TempFolder();
        var ledgerPath = folder.File("ledger.db");
        LedgerFixture.Write(ledgerPath);
        var rows = LedgerFixture.List.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var list = folder.File("reversed.csv");
        File.WriteAllText(list, string.Join("\n", new[] { rows[0], rows[5], rows[4], rows[3], rows[2], "+33612340006,P-6,Europe/Paris,telco,churn,retention", rows[1] }) + "\n");
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 10, 9, 30));
        var sources = new ScrubSources(ledgerPath, null, null, Array.Empty<string>());

        Assert.Equal(0, ScrubCommand.Run(list, "fr", folder.File("kept.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock, sources: sources));
        Assert.Equal(0, ScrubCommand.Run(list, "fr", folder.File("alone.csv"), null, TextWriter.Null, TextWriter.Null, NoPhoneNumberZones.Instance, clock, cacheOutcomes: false, sources: sources));

        Assert.Equal(File.ReadAllBytes(folder.File("alone.csv")), File.ReadAllBytes(folder.File("kept.csv")));
        Assert.Equal(
            new[]
            {
                "2" + Expected[4][1..], "3" + Expected[3][1..], "4" + Expected[2][1..], "5" + Expected[1][1..],
                "6,+33612340006,P-6,allowed,,,", "7" + Expected[0][1..],
            },
            ScrubTests.WithoutReasons(File.ReadAllLines(folder.File("kept.csv"))));
    }

    /// <summary>
    /// Rows on a ledger are decided in blocks of 1,024: across three blocks, with rows in error
    /// between them (a bad number, a bad zone), every line keeps its place and its person's
    /// decision, and each error is reported at its own line.
    /// </summary>
    [Fact]
    public void A_list_longer_than_a_block_keeps_its_order_and_its_errors_in_place()
    {
        using var folder = new TempFolder();
        var ledgerPath = folder.File("ledger.db");
        LedgerFixture.Write(ledgerPath);
        var rows = LedgerFixture.List.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var list = new System.Text.StringBuilder("number,contactId,timeZones,caller,subject,campaign\n");
        var expected = new System.Collections.Generic.List<string>();
        for (var i = 0; i < 2500; i++)
        {
            var line = i + 2;
            if (i is 700 or 1024 or 2047)
            {
                list.Append("0612340001,P-1,Europe/Paris,telco,churn,retention\n");
                expected.Add($"{line},0612340001,P-1,error");
            }
            else if (i == 1500)
            {
                list.Append("+33612340001,P-1,Europe/Nowhere,telco,churn,retention\n");
                expected.Add($"{line},+33612340001,P-1,error");
            }
            else
            {
                list.Append(rows[i % 5]).Append('\n');
                expected.Add(line.ToString(System.Globalization.CultureInfo.InvariantCulture) + Expected[i % 5][1..]);
            }
        }

        File.WriteAllText(folder.File("long.csv"), list.ToString());
        var run = CliRun.Run(string.Empty, null, "scrub", folder.File("long.csv"), "--policy", "fr", "--at", At, "--ledger", ledgerPath, "--out", folder.File("decisions.csv"));

        // 2: rows could not be read; each is written in its place with decision 'error'.
        Assert.Equal(2, run.ExitCode);
        var written = ScrubTests.WithoutReasons(File.ReadAllLines(folder.File("decisions.csv")));
        Assert.Equal(expected.Count, written.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.StartsWith(expected[i], written[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_ledger_is_exit_code_3_and_is_not_created()
    {
        using var folder = new TempFolder();
        var list = LedgerFixture.WriteList(folder);
        var missing = folder.File("no-such-ledger.db");

        var scrub = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At, "--ledger", missing, "--out", folder.File("decisions.csv"));
        var verify = CliRun.Run(string.Empty, null, "ledger", "verify", "--ledger", missing);

        Assert.Equal(3, scrub.ExitCode);
        Assert.StartsWith($"contactrules scrub: --ledger: there is no ledger file '{missing}'; expected an existing SQLite ledger", scrub.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("decisions.csv")), "no decision is written without the ledger asked for");
        Assert.Equal(3, verify.ExitCode);
        Assert.StartsWith($"contactrules ledger verify: --ledger: there is no ledger file '{missing}'", verify.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public void A_damaged_ledger_is_exit_code_3(string damage)
    {
        using var folder = new TempFolder();
        var ledgerPath = folder.File("ledger.db");
        if (damage == "garbage")
        {
            File.WriteAllText(ledgerPath, "these are not the pages of a SQLite database, whatever the name says");
        }
        else
        {
            LedgerFixture.Write(ledgerPath);
            using (var file = new FileStream(ledgerPath, FileMode.Open))
            {
                file.SetLength(file.Length / 2);
            }
        }

        var list = LedgerFixture.WriteList(folder);
        var scrub = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At, "--ledger", ledgerPath);
        var verify = CliRun.Run(string.Empty, null, "ledger", "verify", "--ledger", ledgerPath);

        Assert.Equal(3, scrub.ExitCode);
        Assert.Empty(scrub.Lines);
        Assert.StartsWith($"contactrules scrub: --ledger: cannot read the ledger '{ledgerPath}': ", scrub.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, verify.ExitCode);
        Assert.Empty(verify.Lines);
    }

    [Fact]
    public void An_unreachable_PostgreSQL_server_is_exit_code_3_and_the_password_is_not_shown()
    {
        using var folder = new TempFolder();
        var list = LedgerFixture.WriteList(folder);

        // Port 1 on the loopback: nothing listens there, the connection is refused at once.
        const string Connection = "Host=127.0.0.1;Port=1;Username=dialer;Password=s3cret-pw;Database=crm;Timeout=3";
        var scrub = CliRun.Run(string.Empty, null, "scrub", list, "--policy", "fr", "--at", At, "--pg", Connection);
        var verify = CliRun.Run(string.Empty, null, "ledger", "verify", "--pg", Connection);

        Assert.Equal(3, scrub.ExitCode);
        Assert.Empty(scrub.Lines);
        Assert.StartsWith("contactrules scrub: --pg: cannot read the PostgreSQL ledger in schema 'contactrules': ", scrub.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, verify.ExitCode);
        Assert.DoesNotContain("s3cret-pw", scrub.Stderr + verify.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_a_ledger_file_and_a_connection_is_exit_code_2()
    {
        var run = CliRun.Run(string.Empty, null, "ledger", "verify", "--ledger", "a.db", "--pg", "Host=db");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("contactrules ledger verify: --ledger and --pg both given; expected one ledger, a SQLite file or a PostgreSQL connection.", run.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public void An_intact_log_is_exit_code_0()
    {
        using var folder = new TempFolder();
        var ledgerPath = folder.File("ledger.db");
        var head = LedgerFixture.Write(ledgerPath);

        var run = CliRun.Run(string.Empty, null, "ledger", "verify", "--ledger", ledgerPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{ledgerPath}: intact: {head.Sequence} entries, each linked to the one before and matching its hash, up to the recorded head.", Assert.Single(run.Lines));
    }

    [Theory]
    [InlineData("UPDATE evidence_log SET payload = replace(payload, 'P-2', 'P-9') WHERE seq = 2", "entry 2 altered")]
    [InlineData("DELETE FROM evidence_log WHERE seq = 3", "entry 3 removed")]
    [InlineData("UPDATE evidence_log SET seq = -1 WHERE seq = 2; UPDATE evidence_log SET seq = 2 WHERE seq = 4; UPDATE evidence_log SET seq = 4 WHERE seq = -1", "entry 2 out of order")]
    public void A_tampered_log_is_exit_code_1_naming_the_first_bad_entry(string sql, string named)
    {
        using var folder = new TempFolder();
        var ledgerPath = folder.File("ledger.db");
        var head = LedgerFixture.Write(ledgerPath);
        Assert.True(head.Sequence >= 5, "the fixture logs at least the six decisions");
        LedgerFixture.Tamper(ledgerPath, sql);

        var run = CliRun.Run(string.Empty, null, "ledger", "verify", "--ledger", ledgerPath);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{ledgerPath}: TAMPERED: {named} (", Assert.Single(run.Lines), StringComparison.Ordinal);
    }

    /// <summary>
    /// The ledger fails for the block that holds P-3 (the five rows are read together): every row
    /// of the block is refused with CORE-STORE-01 (the gate fails closed, and never guesses a
    /// person's history from the people read with them) and counted apart.
    /// </summary>
    [Fact]
    public void A_ledger_failing_for_a_block_refuses_its_rows_with_CORE_STORE_01()
    {
        using var folder = new TempFolder();
        var list = LedgerFixture.WriteList(folder);
        using var input = File.OpenRead(list);
        using var reader = new Csv.CsvReader(input);
        Assert.True(Csv.CsvHeader.TryRead(reader, CallListScrubber.Columns, new[] { "number" }, out var header, out _));
        using var output = new MemoryStream();
        var scrubber = new CallListScrubber(Jurisdictions.RulePacks.Get("fr"), NodaTime.Instant.FromUtc(2026, 3, 10, 9, 30), NoPhoneNumberZones.Instance, ledger: new FailingLedger("P-3"));

        ScrubCounts counts;
        using (var writer = new Csv.CsvWriter(output))
        {
            counts = scrubber.Run(reader, header!, writer, new Input.InputErrors("scrub", list, TextWriter.Null), (_, _) => { });
            writer.Flush();
        }

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("4,+33612340003,P-3,refused,,,CORE-STORE-01,", lines[3], StringComparison.Ordinal);
        Assert.Equal(5, lines.Skip(1).Count(line => line.Contains(",refused,,,CORE-STORE-01,", StringComparison.Ordinal)));
        Assert.Equal(5, counts.StoreFailures);
        Assert.Equal(5, counts.Refused);
    }

    [Fact]
    public void A_usage_mistake_names_the_whole_command()
    {
        var run = CliRun.Run(string.Empty, null, "ledger", "verify", "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("Run 'contactrules ledger verify --help' for usage.", run.Stderr.TrimEnd('\n'), StringComparison.Ordinal);
    }
}
