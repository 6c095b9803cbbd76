using Xunit;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// The judgement of <c>received</c> against cases worked out by hand from the law
/// (docs/regulations.md, section 11.1 for France from 11 August 2026, and docs/conventions.md),
/// never from the engine's output. Each call comes from the person's phone; the person's facts
/// come from the facts file.
/// </summary>
/// <remarks>
/// Calendar: Mon 2 Feb, Tue 3 Feb, Wed 4 Feb, Mon 2 March, Fri 6 March, Easter Monday 6 April,
/// Mon 10 August, Tue 11 August, Wed 12 August 2026. Paris is UTC+1 until 29 March 2026, UTC+2
/// after; London UTC+0 in February; New York UTC-5 in February. A registration known by its date
/// counts from the start of that day in the person's zone (the protective reading, FactTime).
/// </remarks>
public class ReceivedJudgementTests
{
    private const string Acme = "+33162000001";
    private const string AcmeOther = "+33948000002";

    [Fact]
    public void FR_LIST_01_a_number_registered_on_Bloctel_is_protected_30_days_after_the_receipt_until_10_August_2026()
    {
        // R223-3: effective at the latest 30 days after the receipt. Registered 5 Jan 2026 (00:00
        // Paris) + 30 days = 4 Feb 00:00 Paris. No contract, no consent.
        using var scenario = new ReceivedScenario("fr")
        {
            Facts = """{ "registrations": [ { "registry": "bloctel", "registeredAt": "2026-01-05" } ] }""",
        };
        scenario.Caller(Acme, "Acme Énergie")
            .Call("2026-02-03T11:00:00+01:00", Acme)
            .Call("2026-02-04T11:00:00+01:00", Acme)
            .Call("2026-08-10T11:00:00+02:00", Acme)
            .Call("2026-08-11T11:00:00+02:00", Acme);

        // 3 Feb: not yet effective. 4 Feb and 10 Aug: FR-LIST-01. 11 Aug: Bloctel has ended
        // (L223-3 abrogated), and the consent regime refuses instead (FR-CONS-01).
        Assert.Equal(new[] { string.Empty, "FR-LIST-01", "FR-LIST-01", "FR-CONS-01" }, scenario.Rules());
    }

    [Fact]
    public void FR_FREQ_01_the_fifth_call_in_30_days_counts_the_calls_of_both_subcontractors_numbers()
    {
        // D223-9: 4 calls or attempts in 30 calendar days per professional, "directly or through a
        // third party acting for it". Mon 2 to Fri 6 March 2026 at 10:30 Paris, a customer (contract
        // in progress, calls about it: no Bloctel, no consent question).
        const string facts = """{ "contracts": [ { "caller": "Acme Énergie", "relatedToCalls": true } ] }""";
        using var merged = new ReceivedScenario("fr") { Facts = facts };
        merged.Caller(Acme, "Acme Énergie").Caller(AcmeOther, "Acme Énergie");
        foreach (var (day, number) in new[] { ("02", Acme), ("03", AcmeOther), ("04", Acme), ("05", AcmeOther), ("06", Acme) })
        {
            merged.Call($"2026-03-{day}T10:30:00+01:00", number);
        }

        Assert.Equal(new[] { string.Empty, string.Empty, string.Empty, string.Empty, "FR-FREQ-01" }, merged.Rules());

        // Without the callers file each number is its own caller (3 and 2 calls): no breach can be
        // seen, which is why the person names them.
        using var apart = new ReceivedScenario("fr");
        foreach (var (day, number) in new[] { ("02", Acme), ("03", AcmeOther), ("04", Acme), ("05", AcmeOther), ("06", Acme) })
        {
            apart.Call($"2026-03-{day}T10:30:00+01:00", number);
        }

        Assert.Equal(new[] { string.Empty, string.Empty, string.Empty, string.Empty, string.Empty }, apart.Rules());
    }

    [Fact]
    public void FR_HOURS_01_and_FR_HOL_01_are_judged_on_the_persons_clock_in_their_zone()
    {
        // 12:59 allowed, 13:00 refused (half-open [10,13)); Easter Monday 6 April 2026 is an
        // L3133-1 holiday. The calls come at the same instants to a person in Réunion (UTC+4),
        // where 11:00 Paris (UTC+2 in April) is 13:00: refused there.
        const string facts = """{ "contracts": [ { "caller": "Acme Énergie", "relatedToCalls": true } ] }""";
        using var paris = new ReceivedScenario("fr") { Facts = facts };
        paris.Caller(Acme, "Acme Énergie")
            .Call("2026-04-07T12:59:00+02:00", Acme)
            .Call("2026-04-08T13:00:00+02:00", Acme)
            .Call("2026-04-06T11:00:00+02:00", Acme);
        Assert.Equal(new[] { "FR-HOL-01", string.Empty, "FR-HOURS-01" }, paris.Rules());

        using var reunion = new ReceivedScenario("fr") { Facts = facts, Zone = "Indian/Reunion" };
        reunion.Caller(Acme, "Acme Énergie").Call("2026-04-09T11:00:00+02:00", Acme);
        Assert.Equal(new[] { "FR-HOURS-01" }, reunion.Rules());
    }

    [Fact]
    public void FR_COOL_01_a_refusal_on_a_call_before_11_August_2026_blocks_the_next_60_full_days()
    {
        // Refused during the call of Mon 2 March 2026 10:30; called again Tue 3 March 10:30:
        // within R … R+60 (2 March … 1 May). A customer with a contract: FR-COOL-01 alone.
        using var scenario = new ReceivedScenario("fr")
        {
            Facts = """
                {
                  "contracts": [ { "caller": "Acme Énergie", "relatedToCalls": true } ],
                  "refusals": [ { "caller": "Acme Énergie", "at": "2026-03-02T10:31:00+01:00", "how": "during-call" } ]
                }
                """,
        };
        scenario.Caller(Acme, "Acme Énergie")
            .Call("2026-03-02T10:30:00+01:00", Acme, seconds: 95)
            .Call("2026-03-03T10:30:00+01:00", Acme);

        var result = scenario.Judge();
        Assert.Equal(AttemptOutcome.Refused, result.Incoming[0].Outcome);
        Assert.Equal(new[] { string.Empty, "FR-COOL-01" }, scenario.Rules());
    }

    [Fact]
    public void FR_CONS_01_from_11_August_2026_no_canvassing_without_prior_consent_unless_a_contract_in_progress()
    {
        // L223-1 as amended by loi n° 2025-594: Wed 12 August 2026 11:00 Paris, within the hours.
        using var none = new ReceivedScenario("fr");
        none.Caller(Acme, "Acme Énergie").Call("2026-08-12T11:00:00+02:00", Acme);
        Assert.Equal(new[] { "FR-CONS-01" }, none.Rules());

        using var customer = new ReceivedScenario("fr") { Facts = """{ "contracts": [ { "caller": "Acme Énergie", "from": "2024-01-01", "relatedToCalls": true } ] }""" };
        customer.Caller(Acme, "Acme Énergie").Call("2026-08-12T11:00:00+02:00", Acme);
        Assert.Equal(new[] { string.Empty }, customer.Rules());

        // A contract that ended on 31 July no longer exempts; a consent given on 1 August does.
        using var ended = new ReceivedScenario("fr") { Facts = """{ "contracts": [ { "caller": "Acme Énergie", "until": "2026-07-31" } ] }""" };
        ended.Caller(Acme, "Acme Énergie").Call("2026-08-12T11:00:00+02:00", Acme);
        Assert.Equal(new[] { "FR-CONS-01" }, ended.Rules());

        using var consented = new ReceivedScenario("fr") { Facts = """{ "consents": [ { "caller": "Acme Énergie", "grantedAt": "2026-08-01T09:00:00+02:00", "channel": "voice" } ] }""" };
        consented.Caller(Acme, "Acme Énergie").Call("2026-08-12T11:00:00+02:00", Acme);
        Assert.Equal(new[] { string.Empty }, consented.Rules());
    }

    [Fact]
    public void FR_CONS_01_a_written_refusal_withdraws_the_consent_from_its_instant()
    {
        // R223-3: consent may be withdrawn at any time. Withdrawn in writing on 12 August 2026 at
        // 09:00; the 11:00 call of that day has no consent left.
        using var scenario = new ReceivedScenario("fr")
        {
            Facts = """
                {
                  "consents": [ { "caller": "Acme Énergie", "grantedAt": "2026-08-01T09:00:00+02:00", "channel": "voice" } ],
                  "refusals": [ { "caller": "Acme Énergie", "at": "2026-08-12T09:00:00+02:00", "how": "in-writing" } ]
                }
                """,
        };
        scenario.Caller(Acme, "Acme Énergie")
            .Call("2026-08-11T11:00:00+02:00", Acme)
            .Call("2026-08-12T11:00:00+02:00", Acme);
        Assert.Equal(new[] { string.Empty, "FR-CONS-01" }, scenario.Rules());
    }

    [Fact]
    public void FR_STOP_01_after_11_August_2026_a_refusal_on_a_call_stops_every_later_call_and_FR_COOL_01_no_longer_applies()
    {
        // A customer (contract: FR-CONS-01 does not apply) refuses on Wed 12 August 2026 at 11:01,
        // during the 11:00 call; called again Thu 13 August 11:00. L221-16 as amended: never again
        // (FR-STOP-01). Décret n° 2026-662 removed the 60-day cooldown from 11 August 2026
        // (regulations.md 11.1, conventions.md "Law over time"): FR-COOL-01 must not refuse.
        using var scenario = new ReceivedScenario("fr")
        {
            Facts = """
                {
                  "contracts": [ { "caller": "Acme Énergie", "relatedToCalls": true } ],
                  "refusals": [ { "caller": "Acme Énergie", "at": "2026-08-12T11:01:00+02:00" } ]
                }
                """,
        };
        scenario.Caller(Acme, "Acme Énergie")
            .Call("2026-08-12T11:00:00+02:00", Acme, seconds: 80)
            .Call("2026-08-13T11:00:00+02:00", Acme);
        Assert.Equal(new[] { string.Empty, "FR-STOP-01" }, scenario.Rules());
    }

    [Fact]
    public void US_DNC_01_a_number_on_the_registry_for_more_than_31_days_unless_an_established_business_relationship()
    {
        // Registered 2 January 2026 (00:00 New York = 05:00Z); protected from 31 days later,
        // 2 February 05:00Z = 00:00 EST. Sun 1 February 14:00 EST: 30 days, allowed. Tue 3 February
        // 14:00 EST: 32 days, US-DNC-01. 21:30 the same day: after 9 p.m. as well (US-HOURS-01).
        const string number = "+12125550147";
        using var scenario = new ReceivedScenario("us")
        {
            Zone = "America/New_York",
            Facts = """{ "registrations": [ { "registry": "us-dnc", "registeredAt": "2026-01-02" } ] }""",
        };
        scenario.Caller(number, "Sunrise Solar")
            .Call("2026-02-01T14:00:00-05:00", number)
            .Call("2026-02-03T14:00:00-05:00", number)
            .Call("2026-02-03T21:30:00-05:00", number);
        Assert.Equal(new[] { string.Empty, "US-DNC-01", "US-HOURS-01 US-DNC-01" }, scenario.Rules());

        // A purchase within the 18 months before the call is an established business relationship:
        // the registry does not apply (64.1200(f)(5)); the hours still do.
        using var customer = new ReceivedScenario("us")
        {
            Zone = "America/New_York",
            Facts = """
                {
                  "registrations": [ { "registry": "us-dnc", "registeredAt": "2026-01-02" } ],
                  "relationships": [ { "caller": "Sunrise Solar", "lastPurchase": "2025-06-15" } ]
                }
                """,
        };
        customer.Caller(number, "Sunrise Solar")
            .Call("2026-02-03T14:00:00-05:00", number)
            .Call("2026-02-03T21:30:00-05:00", number);
        Assert.Equal(new[] { string.Empty, "US-HOURS-01" }, customer.Rules());
    }

    [Fact]
    public void US_IDNC_01_after_the_person_told_the_company_to_stop_even_a_customer()
    {
        // 64.1200(d): honoured from the request (ContactRules grants no processing delay); the
        // relationship does not override it. Written request on 10 February 2026 at 09:00 EST.
        const string number = "+12125550147";
        using var scenario = new ReceivedScenario("us")
        {
            Zone = "America/New_York",
            Facts = """
                {
                  "relationships": [ { "caller": "Sunrise Solar", "lastPurchase": "2025-06-15" } ],
                  "refusals": [ { "caller": "Sunrise Solar", "at": "2026-02-10T09:00:00-05:00", "how": "in-writing" } ]
                }
                """,
        };
        scenario.Caller(number, "Sunrise Solar")
            .Call("2026-02-09T14:00:00-05:00", number)
            .Call("2026-02-11T14:00:00-05:00", number);
        Assert.Equal(new[] { string.Empty, "US-IDNC-01" }, scenario.Rules());
    }

    [Fact]
    public void UK_LIST_01_a_TPS_number_listed_28_days_existing_customers_included()
    {
        // PECR reg. 21(3): registered 5 January 2026 (00:00 London, GMT); protected from 28 days
        // later, 2 February 00:00. Existing customers are not exempt: the contract changes nothing.
        const string number = "+442079460321";
        using var scenario = new ReceivedScenario("uk")
        {
            Facts = """
                {
                  "registrations": [ { "registry": "tps", "registeredAt": "2026-01-05" } ],
                  "contracts": [ { "caller": "Brightside Energy", "relatedToCalls": true } ]
                }
                """,
        };
        scenario.Caller(number, "Brightside Energy")
            .Call("2026-02-01T10:00:00Z", number)
            .Call("2026-02-02T10:00:00Z", number);
        Assert.Equal(new[] { string.Empty, "UK-LIST-01" }, scenario.Rules());
    }

    [Fact]
    public void UK_COOL_01_a_silent_call_blocks_the_next_72_hours()
    {
        // Ofcom: a silent (abandoned) call on Mon 9 February 2026 10:00 blocks [10:00, Thu 12
        // February 10:00). The person says answered calls of 5 s or less were silent.
        const string number = "+442079460321";
        using var scenario = new ReceivedScenario("uk") { Facts = """{ "silentCallMaxSeconds": 5 }""" };
        scenario.Caller(number, "Brightside Energy")
            .Call("2026-02-09T10:00:00Z", number, seconds: 2)
            .Call("2026-02-10T10:00:00Z", number)
            .Call("2026-02-12T09:59:00Z", number)
            .Call("2026-02-12T10:00:00Z", number);
        var result = scenario.Judge();
        Assert.True(result.Incoming[0].Silent);
        Assert.Equal(new[] { string.Empty, "UK-COOL-01", "UK-COOL-01", string.Empty }, scenario.Rules());
    }

    [Fact]
    public void Calls_from_hidden_numbers_and_from_callers_not_selling_are_counted_and_never_judged()
    {
        using var scenario = new ReceivedScenario("fr");
        scenario.Caller("06 71 24 58 93", "Maman", selling: "no")
            .Call("2026-08-12T11:00:00+02:00", "")
            .Call("2026-08-12T11:05:00+02:00", "Private")
            .Call("2026-08-12T11:10:00+02:00", "06 71 24 58 93", seconds: 300)
            .Call("2026-08-12T11:15:00+02:00", "+33612121212", seconds: 30)
            .Call("2026-08-12T11:20:00+02:00", "01 62 00 00 01");

        var result = scenario.Judge();
        Assert.Equal(5, result.Incoming.Count);
        Assert.Equal(new Cli.Received.Judging.NotJudgedReason?[]
        {
            Cli.Received.Judging.NotJudgedReason.NoNumber,
            Cli.Received.Judging.NotJudgedReason.HiddenNumber,
            Cli.Received.Judging.NotJudgedReason.NotSelling,
            Cli.Received.Judging.NotJudgedReason.NotSelling,
            null,
        }, result.Incoming.ConvertAll(c => c.NotJudged));

        // The 0162 number is in Arcep's ranges for automated systems: judged, with no consent.
        Assert.Equal("+33162000001", Assert.Single(result.Callers).Name);
        Assert.Equal(new[] { "-", "-", "-", "-", "FR-CONS-01" }, scenario.Rules());
    }
}
