using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// The complaint texts of <c>received</c>, exactly: each is compared with its approved file in
/// approved/received/, checked by hand field by field against what the channel asks
/// (docs/received.md) and against the law for the rules each call broke.
/// </summary>
/// <remarks>
/// <para>
/// France (Paris; Tue 3 March 2026 UTC+1, Wed 12 August 2026 UTC+2): Bloctel registration on
/// 5 January 2026, effective 4 February (30 days); no contract, no consent. 3 March 11:00, a
/// missed call: FR-LIST-01. Sat 7 March 10:15, answered: FR-HOURS-01 (Saturday) and FR-LIST-01.
/// 12 August 11:00, missed: Bloctel has ended, FR-CONS-01. SignalConso lists the three, Bloctel
/// the two before 11 August, the R223-2 letter the one after.
/// </para>
/// <para>
/// United States (New York, UTC-5): National DNC registration on 2 January 2026; a recorded-voice
/// caller, no consent, no relationship. Tue 3 February 14:00: registered 32 days (US-DNC-01) and
/// automated without consent (US-CONS-01); 21:30: after 9 p.m. too (US-HOURS-01).
/// </para>
/// <para>
/// United Kingdom (London, UTC+0): TPS registration on 5 January 2026, effective 2 February
/// (28 days); a customer (not exempt). Mon 2 February 10:00, silent (2 s): UK-LIST-01. Tue
/// 3 February 10:00, within 72 h of the silent call: UK-LIST-01 and UK-COOL-01 (Ofcom's, not in
/// these texts). Told the company in writing on 4 February 09:00 not to call; Fri 6 February
/// 10:00: UK-LIST-01 and UK-IDNC-01.
/// </para>
/// </remarks>
public class ReceivedComplaintTests
{
    private static string Approved(string name) => Path.Combine(AppContext.BaseDirectory, "approved", "received", name);

    private static ReceivedScenario France()
    {
        var scenario = new ReceivedScenario("fr")
        {
            Facts = """
                {
                  "ownNumber": "06 12 34 56 78",
                  "registrations": [ { "registry": "bloctel", "registeredAt": "2026-01-05" } ]
                }
                """,
        };
        scenario.Caller("01 62 00 00 01", "Acme Énergie", sector: "fourniture d'énergie").Caller("09 48 00 00 02", "Acme Énergie", sector: "fourniture d'énergie")
            .Call("2026-03-03T11:00:00+01:00", "01 62 00 00 01")
            .Call("2026-03-07T10:15:00+01:00", "09 48 00 00 02", seconds: 45)
            .Call("2026-08-12T11:00:00+02:00", "+33162000001");
        return scenario;
    }

    private static ReceivedScenario UnitedStates()
    {
        var scenario = new ReceivedScenario("us")
        {
            Zone = "America/New_York",
            Facts = """
                {
                  "ownNumber": "+12125550123",
                  "registrations": [ { "registry": "us-dnc", "registeredAt": "2026-01-02" } ]
                }
                """,
        };
        scenario.Caller("+12125550147", "Sunrise Solar", recorded: "yes", sector: "home solar panels")
            .Call("2026-02-03T14:00:00-05:00", "+12125550147")
            .Call("2026-02-03T21:30:00-05:00", "+12125550147", seconds: 20);
        return scenario;
    }

    private static ReceivedScenario UnitedKingdom()
    {
        var scenario = new ReceivedScenario("uk")
        {
            Facts = """
                {
                  "ownNumber": "020 7946 0000",
                  "silentCallMaxSeconds": 5,
                  "registrations": [ { "registry": "tps", "registeredAt": "2026-01-05" } ],
                  "contracts": [ { "caller": "Brightside Energy", "from": "2024-09-01" } ],
                  "refusals": [ { "caller": "Brightside Energy", "at": "2026-02-04T09:00:00Z", "how": "in-writing" } ]
                }
                """,
        };
        scenario.Caller("020 7946 0321", "Brightside Energy")
            .Call("2026-02-02T10:00:00Z", "+442079460321", seconds: 2)
            .Call("2026-02-03T10:00:00Z", "+442079460321")
            .Call("2026-02-06T10:00:00Z", "+442079460321");
        return scenario;
    }

    public static TheoryData<string, string, string> Texts => new()
    {
        { "fr", "fr", "signalconso-acme-energie.txt" },
        { "fr", "fr", "bloctel-acme-energie.txt" },
        { "fr", "fr", "consent-proof-letter-acme-energie.txt" },
        { "fr", "en", "signalconso-acme-energie.txt" },
        { "fr", "en", "bloctel-acme-energie.txt" },
        { "fr", "en", "consent-proof-letter-acme-energie.txt" },
        { "us", "en", "ftc-sunrise-solar.txt" },
        { "us", "en", "fcc-sunrise-solar.txt" },
        { "uk", "en", "tps-brightside-energy.txt" },
        { "uk", "en", "ico-brightside-energy.txt" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Each_complaint_text_is_exactly_as_approved(string country, string language, string file)
    {
        using var scenario = country switch { "fr" => France(), "us" => UnitedStates(), _ => UnitedKingdom() };

        var run = scenario.Run("--lang", language);

        Assert.Equal(1, run.ExitCode);
        var written = File.ReadAllText(Path.Combine(scenario.Out, "complaints", file), Encoding.UTF8);
        var approved = Approved($"{country}-{language}-{file}");
        Assert.Equal(File.ReadAllText(approved, Encoding.UTF8), written);
    }

    [Fact]
    public void Each_scenario_writes_exactly_the_texts_its_breaches_call_for()
    {
        foreach (var (scenario, expected) in new[]
        {
            (France(), new[] { "bloctel-acme-energie.txt", "consent-proof-letter-acme-energie.txt", "signalconso-acme-energie.txt" }),
            (UnitedStates(), new[] { "fcc-sunrise-solar.txt", "ftc-sunrise-solar.txt" }),
            (UnitedKingdom(), new[] { "ico-brightside-energy.txt", "tps-brightside-energy.txt" }),
        })
        {
            using (scenario)
            {
                Assert.Equal(1, scenario.Run().ExitCode);
                Assert.Equal(expected, Directory.GetFiles(Path.Combine(scenario.Out, "complaints")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            }
        }
    }
}
