using System;
using System.Linq;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// <c>contactrules explain</c>: one case in sentences. Expected lines are worked out by hand from
/// D223-9 and docs/conventions.md (Paris UTC+1 until 29 March 2026, UTC+2 after; Réunion UTC+4);
/// the engine's own reason sentence is the core's wording and is only checked to be there.
/// </summary>
public class ExplainTests
{
    [Fact]
    public void A_fifth_attempt_is_explained_with_citation_end_of_refusal_and_next_local_time()
    {
        // The conventions' example: attempts on 2, 5, 10, 20 March; a fifth on Fri 27 March 11:00 Paris
        // is refused by FR-FREQ-01, which allows again when 2 March leaves the window: 1 April 00:00
        // Paris (summer time) = 31 March 22:00Z. Every rule allows from Wed 1 April 10:00 Paris = 08:00Z.
        var run = CliRun.Run(string.Empty, null, "explain", TestFiles.Fixture("case-fifth-attempt.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var lines = run.Lines;
        Assert.Equal("Case fr-fifth-attempt: a marketing call to contact p-1 (+336******78), on Fri 27 Mar 2026 at 11:00 in Europe/Paris (2026-03-27T10:00:00Z), under policy 'fr'.", lines[0]);
        Assert.Equal("NOT ALLOWED: 1 rule refuses this call.", lines[2]);
        Assert.Equal("1. FR-FREQ-01 (frequency), Code de la consommation, art. D223-9 al. 3", lines[4]);
        Assert.StartsWith("   The rule: ", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("   Why it refuses here: ", lines[6], StringComparison.Ordinal);
        Assert.Equal("   It stops refusing on Wed 1 Apr 2026 at 00:00 in Europe/Paris (2026-03-31T22:00:00Z).", lines[7]);
        Assert.Equal("Earliest permitted call: on Wed 1 Apr 2026 at 10:00 in Europe/Paris (2026-04-01T08:00:00Z), when every rule allows it (given the same history and no new events).", lines[9]);
        Assert.DoesNotContain("+33612345678", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_refusing_rule_is_explained_in_every_candidate_zone()
    {
        // Sat 7 March 10:00Z = 11:00 Paris = 14:00 Réunion, after a refusal on Mon 2 March.
        // FR-HOURS-01: both zones allow from Mon 9 March 10:00Z (11:00 Paris, 14:00 Réunion: the
        // earliest instant inside both windows). FR-COOL-01: 2 March + 60 = 1 May is the last blocked
        // date; 2 May 00:00 Paris = 1 May 22:00Z, when Réunion is already at 02:00 on 2 May. Every
        // rule: 2 May is a Saturday, Mon 4 May 10:00 Paris = 08:00Z = 12:00 Réunion.
        const string Case = @"{""id"":""two-zones"",""policy"":""fr"",""at"":""2026-03-07T10:00:00Z"",""contact"":{""timeZones"":[""Europe/Paris"",""Indian/Reunion""]},"
            + @"""history"":[{""at"":""2026-03-02T09:30:00Z"",""outcome"":""refused""}]}";

        var run = CliRun.Run(Case, null, "explain", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("NOT ALLOWED: 2 rules refuse this call.", run.Lines[2]);
        Assert.Equal(
            new[]
            {
                "   It stops refusing on Mon 9 Mar 2026 at 11:00 in Europe/Paris and on Mon 9 Mar 2026 at 14:00 in Indian/Reunion (2026-03-09T10:00:00Z).",
                "   It stops refusing on Sat 2 May 2026 at 00:00 in Europe/Paris and on Sat 2 May 2026 at 02:00 in Indian/Reunion (2026-05-01T22:00:00Z).",
            },
            run.Lines.Where(l => l.StartsWith("   It stops refusing", StringComparison.Ordinal)));
        Assert.Contains("1. FR-HOURS-01 (calling-window), Code de la consommation, art. D223-9 al. 1-2 (décret n° 2022-1313)", run.Lines);
        Assert.Contains("2. FR-COOL-01 (cooldown), Code de la consommation, art. D223-9 al. 3", run.Lines);
        Assert.Equal(
            "Earliest permitted call: on Mon 4 May 2026 at 10:00 in Europe/Paris and on Mon 4 May 2026 at 12:00 in Indian/Reunion (2026-05-04T08:00:00Z), when every rule allows it (given the same history and no new events).",
            run.Lines[^1]);
    }

    [Fact]
    public void An_allowed_case_is_exit_code_0()
    {
        // Tue 10 March 2026 10:30 in Paris: inside [10:00, 13:00), no history.
        var run = CliRun.Run(@"{""id"":""ok"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""timeZones"":[""Europe/Paris""]}}", null, "explain", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("ALLOWED: no rule of policy 'fr' refuses this call at that time.", run.Lines[2]);
    }

    [Fact]
    public void A_contact_without_zone_is_refused_and_waiting_does_not_help()
    {
        var run = CliRun.Run(@"{""id"":""lead"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z""}", null, "explain", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("   Waiting does not help: give the person's time zone, or a number it can be derived from.", run.Lines);
        Assert.StartsWith("No permitted call by waiting", run.Lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""timeZones"":[""Europe/Pariss""]}}",
        "contactrules explain: standard input: field 'contact.timeZones[0]': unknown time zone 'Europe/Pariss'; expected an IANA time zone id such as 'Europe/Paris' or 'Indian/Reunion'")]
    [InlineData(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00""}",
        "contactrules explain: standard input: field 'at': '2026-03-10T09:30:00' is not a valid instant; expected an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'")]
    [InlineData("{\"id\":\"c1\",\n\"policy\":\"fr\",\n\"at\" 1}",
        "contactrules explain: standard input, line 3, byte 6: the case is not valid JSON: '1' is invalid after a property name. Expected a ':'.")]
    public void A_case_that_cannot_be_read_is_exit_code_2_with_the_field_and_what_was_expected(string input, string error)
    {
        var run = CliRun.Run(input, null, "explain", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Equal(error, run.Stderr.TrimEnd('\n'));
    }
}
