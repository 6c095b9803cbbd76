using System;
using System.IO;
using Xunit;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// A wrong callers file, facts file or option stops <c>received</c> with exit code 2 and a message
/// that names the place and what was expected, and writes nothing: a wrong fact would make a
/// wrong complaint.
/// </summary>
public class ReceivedErrorTests
{
    private const string Acme = "+33162000001";

    private static void AssertNothingWritten(ReceivedScenario scenario)
        => Assert.False(Directory.Exists(scenario.Out), "nothing is written when the facts or options are wrong");

    [Fact]
    public void A_facts_file_with_an_unknown_property_and_a_date_as_text_names_each_path()
    {
        using var scenario = new ReceivedScenario("fr")
        {
            Facts = """{ "registrations": [ { "registry": "bloctel", "registeredAt": "le 5 janvier", "receipt": "x" } ], "zone": "Europe/Pariss" }""",
        };
        scenario.Call("2026-08-12T11:00:00+02:00", Acme);

        var run = scenario.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("facts.json, $.zone: unknown time zone 'Europe/Pariss'; expected an IANA zone id such as Europe/Paris or America/New_York", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("facts.json, $.registrations[0].receipt: unknown property; expected registry, registeredAt, effectiveAt", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("facts.json, $.registrations[0].registeredAt: 'le 5 janvier' is neither a date nor an instant; expected a date such as '2025-11-02' or an ISO-8601 instant", run.Stderr, StringComparison.Ordinal);
        AssertNothingWritten(scenario);
    }

    [Fact]
    public void A_fact_about_a_caller_that_is_not_known_lists_the_callers_there_are()
    {
        using var scenario = new ReceivedScenario("fr") { Facts = """{ "contracts": [ { "caller": "Acme Energie" } ] }""" };
        scenario.Caller(Acme, "Acme Énergie").Call("2026-08-12T11:00:00+02:00", Acme);

        var run = scenario.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.contracts[0].caller: 'Acme Energie' is not a caller of the callers file nor a canvassing number of the exports; expected one of: 'Acme Énergie'", run.Stderr, StringComparison.Ordinal);
        AssertNothingWritten(scenario);
    }

    [Fact]
    public void A_refusal_during_a_call_needs_that_call_in_the_export()
    {
        using var scenario = new ReceivedScenario("fr") { Facts = """{ "refusals": [ { "caller": "Acme Énergie", "at": "2026-08-12T15:00:00+02:00" } ] }""" };
        scenario.Caller(Acme, "Acme Énergie").Call("2026-08-12T11:00:00+02:00", Acme, seconds: 60);

        var run = scenario.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.refusals[0].at: no call from 'Acme Énergie' started in the two hours up to 2026-08-12T13:00:00Z; expected the time of the call during which you refused (or \"how\": \"in-writing\" for a refusal made otherwise)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_callers_file_with_a_quote_left_open_or_a_number_given_to_two_companies_names_the_line_and_a_stray_quote_is_a_character()
    {
        using var scenario = new ReceivedScenario("fr");
        scenario.Caller(Acme, "Acme Énergie")                 // line 2
            .Caller("01 62 00 00 02", "\"Ac me")              // line 3: a quote opened by mistake...
            .Caller("01 62 00 00 01", "Autre")                // line 4: Acme's number
            .Caller("01 62 00 00 03", "Ac\"me");              // line 5: ...that this stray quote seems to close
        scenario.Call("2026-08-12T11:00:00+02:00", Acme);

        var run = scenario.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("callers.csv, line 3, column 2 'name': found 'm' after the closing quote of a quoted field opened here and closed 2 lines below; expected a comma or the end of the line", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("callers.csv, line 4, column 1 'number': +33162000001 is already given to 'Acme Énergie'; expected each number once (a number calls for one company)", run.Stderr, StringComparison.Ordinal);

        // Line 3 alone is in error: lines 4 and 5 are read again as rows of their own, and line
        // 5's quote, inside a field that does not start with one, is a character of the name.
        Assert.DoesNotContain("line 5", run.Stderr, StringComparison.Ordinal);
        AssertNothingWritten(scenario);
    }

    [Fact]
    public void A_pack_that_spans_several_zones_needs_the_persons_zone()
    {
        using var scenario = new ReceivedScenario("us");
        scenario.Call("2026-02-03T14:00:00-05:00", "+12125550147");

        var run = scenario.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("contactrules received: --zone: the pack 'us' spans several time zones; give the person's zone, such as --zone America/New_York.\n", run.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Nothing_broke_a_rule_exits_0()
    {
        using var scenario = new ReceivedScenario("fr") { Facts = """{ "contracts": [ { "caller": "Acme Énergie" } ] }""" };
        scenario.Caller(Acme, "Acme Énergie").Call("2026-08-12T11:00:00+02:00", Acme);

        var run = scenario.Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Aucun appel ni message jugé n'a enfreint de règle.", run.Lines);
    }
}
