using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// Valid cases, decided end to end through <c>contactrules evaluate</c>. Every expected line is
/// worked out by hand from art. D223-9 (docs/regulations.md, FR-HOURS-01, FR-HOL-01, FR-FREQ-01,
/// FR-COOL-01) and docs/conventions.md; the comment above each says how. Citations are the
/// catalogue's legal references as the fr pack words them.
/// </summary>
/// <remarks>
/// Paris is UTC+1 until Sunday 29 March 2026 01:00 UTC, then UTC+2. Réunion is UTC+4 all year.
/// 2026 days used: Sat 7 March, Mon 9, Tue 10, Thu 12, Fri 27 March, Tue 31 March, Wed 1 April,
/// Fri 1 May (Labour Day), Sat 2 May, Sun 3 May, Mon 4 May, Mon 6 April (Easter Monday).
/// </remarks>
public class DecisionTests
{
    private const string Hours = @"""rule"":""FR-HOURS-01"",""kind"":""calling-window"",""citation"":""Code de la consommation, art. D223-9 al. 1-2 (décret n° 2022-1313)""";
    private const string Holiday = @"""rule"":""FR-HOL-01"",""kind"":""holiday"",""citation"":""Code de la consommation, art. D223-9 al. 1; Code du travail, art. L3133-1""";
    private const string Frequency = @"""rule"":""FR-FREQ-01"",""kind"":""frequency"",""citation"":""Code de la consommation, art. D223-9 al. 3""";
    private const string Cooldown = @"""rule"":""FR-COOL-01"",""kind"":""cooldown"",""citation"":""Code de la consommation, art. D223-9 al. 3""";

    private const string Paris = @"""contact"":{""id"":""p-1"",""phone"":""+33612345678"",""timeZones"":[""Europe/Paris""]}";

    // Attempts on 2, 5, 10 and 20 March 2026 at 10:30 in Paris (09:30 UTC): the conventions' example.
    private const string FourMarchAttempts =
        @"""history"":[{""at"":""2026-03-02T09:30:00Z"",""outcome"":""no-answer""},{""at"":""2026-03-05T09:30:00Z"",""outcome"":""abandoned""},"
        + @"{""at"":""2026-03-10T09:30:00Z"",""outcome"":""voicemail""},{""at"":""2026-03-20T09:30:00Z"",""outcome"":""no-answer""}]";

    private const string OutsideHoursConsent =
        @"""consents"":[{""channel"":""voice"",""purpose"":""marketing"",""grantedAt"":""2026-02-01T10:00:00Z"",""outsideHours"":true}]";

    private static string Allowed(string id) => @"{""id"":""" + id + @""",""allowed"":true,""violations"":[],""nextPermittedAt"":null}";

    [Fact]
    public void Tuesday_morning_in_Paris_is_allowed()
    {
        // Tue 10 March 2026 10:30 in Paris is inside [10:00, 13:00) on a weekday that is no holiday.
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T10:30:00+01:00""," + Paris + "}\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(@"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", Assert.Single(run.Lines));
    }

    [Fact]
    public void Fifth_attempt_on_27_March_is_refused_until_1_April()
    {
        // Conventions: attempts on 2, 5, 10, 20 March; a fifth on Fri 27 March is refused (the window
        // 26 February–27 March holds 4). FR-FREQ-01 alone allows again when 2 March leaves the window,
        // on 1 April (2 March + 30 days), from 00:00 Paris summer time = 2026-03-31T22:00:00Z. Every rule
        // allows from Wed 1 April 10:00 Paris = 08:00 UTC, the contract's own example.
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-27T11:00:00+01:00""," + Paris + "," + FourMarchAttempts + "}\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Frequency + @",""until"":""2026-03-31T22:00:00Z""}],""nextPermittedAt"":""2026-04-01T08:00:00Z""}",
            run.Single);
        run.AssertEveryViolationExplained();
    }

    [Fact]
    public void On_1_April_the_window_holds_three_and_the_call_is_allowed()
    {
        // Conventions: on 1 April the window 3 March–1 April holds 3 attempts (5, 10, 20 March).
        // Wed 1 April 10:00 in Paris (UTC+2) is 08:00 UTC, the first instant of the morning window.
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-04-01T08:00:00Z""," + Paris + "," + FourMarchAttempts + "}\n");

        Assert.Equal(@"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", run.Single);
    }

    [Fact]
    public void Consent_outside_hours_does_not_lift_the_cap_up_to_the_last_minute_of_31_March()
    {
        // Tue 31 March 23:59 in Paris (21:59 UTC): the consent lifts the days and hours (D223-9 al. 2)
        // but not the cap. Window 2–31 March holds 4: refused. At 1 April 00:00 Paris (22:00 UTC) the
        // cap allows, and with the consent no other rule refuses: next permitted 2026-03-31T22:00:00Z.
        var run = CliRun.Evaluate(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-31T21:59:00Z""," + Paris + "," + OutsideHoursConsent + "," + FourMarchAttempts + "}\n");

        Assert.Equal(
            @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Frequency + @",""until"":""2026-03-31T22:00:00Z""}],""nextPermittedAt"":""2026-03-31T22:00:00Z""}",
            run.Single);
    }

    [Fact]
    public void Every_outcome_is_an_attempt_including_not_connected_and_reserved()
    {
        // Conventions: not-connected is an attempt for France, and an uncompleted reservation counts.
        // Same dates as the conventions' example, so the same answer as the fifth attempt above.
        var history = @"""history"":[{""at"":""2026-03-02T09:30:00Z"",""outcome"":""not-connected""},{""at"":""2026-03-05T09:30:00Z"",""outcome"":""busy""},"
            + @"{""at"":""2026-03-10T09:30:00Z"",""outcome"":""machine""},{""at"":""2026-03-20T09:30:00Z"",""outcome"":""reserved""}]";
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-27T10:00:00Z""," + Paris + "," + history + "}\n");

        Assert.Equal(
            @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Frequency + @",""until"":""2026-03-31T22:00:00Z""}],""nextPermittedAt"":""2026-04-01T08:00:00Z""}",
            run.Single);
    }

    [Fact]
    public void Text_messages_in_the_history_do_not_count_towards_the_call_cap()
    {
        // D223-9 governs telephone canvassing calls; four SMS leave the voice count at 0.
        var history = @"""history"":[{""at"":""2026-03-02T09:30:00Z"",""channel"":""sms"",""outcome"":""no-answer""},{""at"":""2026-03-05T09:30:00Z"",""channel"":""sms"",""outcome"":""no-answer""},"
            + @"{""at"":""2026-03-10T09:30:00Z"",""channel"":""sms"",""outcome"":""no-answer""},{""at"":""2026-03-20T09:30:00Z"",""channel"":""sms"",""outcome"":""no-answer""}]";
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-27T10:00:00Z""," + Paris + "," + history + "}\n");

        Assert.Equal(@"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", run.Single);
    }

    [Theory]
    // Thu 12 March 2026, Paris UTC+1. Windows are half-open: 12:59 is in [10:00, 13:00); 13:00 is
    // refused until 14:00 Paris = 13:00 UTC; 20:00 is refused until Fri 13 March 10:00 = 09:00 UTC.
    [InlineData("2026-03-12T11:59:00Z", null)]
    [InlineData("2026-03-12T12:00:00Z", "2026-03-12T13:00:00Z")]
    [InlineData("2026-03-12T13:00:00Z", null)]
    [InlineData("2026-03-12T18:59:59Z", null)]
    [InlineData("2026-03-12T19:00:00Z", "2026-03-13T09:00:00Z")]
    // Sat 7 March 11:00 Paris: no call until Mon 9 March 10:00 = 09:00 UTC.
    [InlineData("2026-03-07T10:00:00Z", "2026-03-09T09:00:00Z")]
    public void Calling_hours_are_Monday_to_Friday_10_to_13_and_14_to_20_in_Paris(string at, string? until)
    {
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""" + at + @"""," + Paris + "}\n");

        var expected = until is null
            ? @"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}"
            : @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Hours + @",""until"":""" + until + @"""}],""nextPermittedAt"":""" + until + @"""}";
        Assert.Equal(expected, run.Single);
    }

    [Fact]
    public void Easter_Monday_is_refused_until_Tuesday_morning()
    {
        // Mon 6 April 2026 is Easter Monday (L3133-1). 11:00 Paris (UTC+2) = 09:00 UTC is inside the
        // hours, so FR-HOL-01 alone refuses, until Tue 7 April 00:00 Paris = 6 April 22:00 UTC; every
        // rule allows from Tue 7 April 10:00 Paris = 08:00 UTC.
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-04-06T09:00:00Z""," + Paris + "}\n");

        Assert.Equal(
            @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Holiday + @",""until"":""2026-04-06T22:00:00Z""}],""nextPermittedAt"":""2026-04-07T08:00:00Z""}",
            run.Single);
    }

    [Fact]
    public void A_refusal_on_3_March_blocks_every_date_up_to_2_May()
    {
        // Conventions: 60 full days after a refusal on day R block R … R+60 and allow from R+61.
        // R = Tue 3 March 2026; R+60 = Sat 2 May; R+61 = Sun 3 May 00:00 Paris = 2 May 22:00 UTC.
        // With consent outside hours, Sat 2 May 23:59 Paris (21:59 UTC) is refused by the cooldown
        // alone, and the next permitted instant is the cooldown's end.
        var history = @"""history"":[{""at"":""2026-03-03T14:00:00Z"",""outcome"":""refused""}]";
        var run = CliRun.Evaluate(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-05-02T21:59:00Z""," + Paris + "," + OutsideHoursConsent + "," + history + "}\n"
            + @"{""id"":""c2"",""policy"":""fr"",""at"":""2026-05-02T22:00:00Z""," + Paris + "," + OutsideHoursConsent + "," + history + "}\n");

        Assert.Equal(
            new[]
            {
                @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Cooldown + @",""until"":""2026-05-02T22:00:00Z""}],""nextPermittedAt"":""2026-05-02T22:00:00Z""}",
                @"{""id"":""c2"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}",
            },
            run.WithoutReasons);
    }

    [Fact]
    public void A_Reunion_number_is_judged_on_Reunion_time()
    {
        // Mon 9 March 2026 19:30 in Paris = 18:30 UTC = 22:30 in Réunion (UTC+4): refused there, until
        // Tue 10 March 10:00 Réunion = 06:00 UTC.
        var run = CliRun.Evaluate(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-09T19:30:00+01:00"",""contact"":{""phone"":""+262692123456"",""timeZones"":[""Indian/Reunion""]}}" + "\n");

        Assert.Equal(
            @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Hours + @",""until"":""2026-03-10T06:00:00Z""}],""nextPermittedAt"":""2026-03-10T06:00:00Z""}",
            run.Single);
    }

    [Fact]
    public void Several_candidate_zones_must_all_allow()
    {
        // Mon 9 March 2026 10:30 Paris = 09:30 UTC = 13:30 Réunion (lunch gap there). Both allow from
        // 14:00 Réunion = 10:00 UTC = 11:00 Paris.
        var run = CliRun.Evaluate(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-09T09:30:00Z"",""contact"":{""timeZones"":[""Europe/Paris"",""Indian/Reunion""]}}" + "\n");

        Assert.Equal(
            @"{""id"":""c1"",""allowed"":false,""violations"":[{" + Hours + @",""until"":""2026-03-09T10:00:00Z""}],""nextPermittedAt"":""2026-03-09T10:00:00Z""}",
            run.Single);
    }

    [Fact]
    public void Revoked_and_expired_consents_are_no_consent()
    {
        // Sat 7 March 2026 11:00 Paris: only a valid outside-hours consent would allow it. A consent
        // revoked on 1 March, or expired on 6 March, leaves FR-HOURS-01 refusing until Mon 9 March
        // 10:00 Paris = 09:00 UTC.
        var revoked = @"""consents"":[{""channel"":""voice"",""purpose"":""marketing"",""grantedAt"":""2026-02-01T10:00:00Z"",""revokedAt"":""2026-03-01T10:00:00Z"",""outsideHours"":true}]";
        var expired = @"""consents"":[{""channel"":""voice"",""purpose"":""marketing"",""grantedAt"":""2026-02-01T10:00:00Z"",""expiresAt"":""2026-03-06T00:00:00Z"",""outsideHours"":true}]";
        var saturday = @"""policy"":""fr"",""at"":""2026-03-07T10:00:00Z""," + Paris;
        var run = CliRun.Evaluate(
            @"{""id"":""valid""," + saturday + "," + OutsideHoursConsent + "}\n"
            + @"{""id"":""revoked""," + saturday + "," + revoked + "}\n"
            + @"{""id"":""expired""," + saturday + "," + expired + "}\n");

        var refused = @""",""allowed"":false,""violations"":[{" + Hours + @",""until"":""2026-03-09T09:00:00Z""}],""nextPermittedAt"":""2026-03-09T09:00:00Z""}";
        Assert.Equal(
            new[]
            {
                @"{""id"":""valid"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}",
                @"{""id"":""revoked" + refused,
                @"{""id"":""expired" + refused,
            },
            run.WithoutReasons);
    }

    [Theory]
    // D223-9 governs telephone canvassing: a text message, or an informational call, on a Saturday is
    // outside its days and hours. A marketing message needs a consent to messages (FR-EMSG-01), given
    // here; without it see FR_EMSG_01_a_marketing_text_without_a_consent_to_messages_is_refused.
    [InlineData(@"""channel"":""sms"",""consents"":[{""channel"":""sms"",""purpose"":""marketing"",""grantedAt"":""2026-01-05T10:00:00Z""}]")]
    [InlineData(@"""purpose"":""informational""")]
    public void Channel_and_purpose_select_the_rules(string field)
    {
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-07T10:00:00Z""," + field + "," + Paris + "}\n");

        Assert.Equal(@"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", run.Single);
    }

    [Theory]
    // CPCE L34-5: a marketing message needs a consent to messages. A consent to calls does not cross
    // channels, and a soft opt-in counts for messages: Saturday 7 March 2026, 11:00 in Paris.
    [InlineData("", false)]
    [InlineData(@",""consents"":[{""channel"":""voice"",""purpose"":""marketing"",""grantedAt"":""2026-01-05T10:00:00Z""}]", false)]
    [InlineData(@",""consents"":[{""channel"":""sms"",""purpose"":""marketing"",""grantedAt"":""2026-01-05T10:00:00Z"",""basis"":""soft-opt-in""}]", true)]
    public void FR_EMSG_01_a_marketing_text_without_a_consent_to_messages_is_refused(string consents, bool allowed)
    {
        var run = CliRun.Evaluate(@"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-07T10:00:00Z"",""channel"":""sms""" + consents + "," + Paris + "}\n");

        Assert.Equal(
            allowed
                ? @"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}"
                : @"{""id"":""c1"",""allowed"":false,""violations"":[{""rule"":""FR-EMSG-01"",""kind"":""consent"",""citation"":""Code des postes et des communications électroniques, art. L34-5"",""until"":null}],""nextPermittedAt"":null}",
            run.Single);
    }

    // Décret n° 2026-662: a consent to be called on Saturday 12 September 2026 between 18:00 and
    // 18:30 Paris (16:00–16:30Z) lifts FR-HOURS-01 inside that slot only, and outside it is no
    // consent (FR-CONS-01). At 15:59Z both refuse until the slot's start, the next permitted
    // instant; at 16:00Z the call is allowed.
    [Fact]
    public void FR_HOURS_01_evaluate_reads_a_slot_consent()
    {
        const string Slot = @",""consents"":[{""channel"":""voice"",""purpose"":""marketing"",""grantedAt"":""2026-09-01T09:00:00Z"",""slot"":{""from"":""2026-09-12T16:00:00Z"",""to"":""2026-09-12T16:30:00Z""}}]";
        var run = CliRun.Evaluate(
            @"{""id"":""before"",""policy"":""fr"",""at"":""2026-09-12T15:59:00Z""" + Slot + "," + Paris + "}\n"
            + @"{""id"":""inside"",""policy"":""fr"",""at"":""2026-09-12T16:00:00Z""" + Slot + "," + Paris + "}\n");

        Assert.Equal(2, run.Lines.Length);
        Assert.Equal(
            @"{""id"":""before"",""allowed"":false,""violations"":[{" + Hours + @",""until"":""2026-09-12T16:00:00Z""},{""rule"":""FR-CONS-01"",""kind"":""consent"",""citation"":""Code de la consommation, art. L223-1 al. 1-4 as amended by loi n° 2025-594 du 30 juin 2025, art. 13"",""until"":""2026-09-12T16:00:00Z""}],""nextPermittedAt"":""2026-09-12T16:00:00Z""}",
            run.WithoutReasons[0]);

        // Allowed under the consent: FR-PROOF-01 advises keeping its proof 3 years from its
        // collection (1 September 2026 09:00Z), to the end of the UTC date 1 September 2029.
        Assert.StartsWith(@"{""id"":""inside"",""allowed"":true,""violations"":[],""nextPermittedAt"":null,""advisories"":[{""code"":""FR-PROOF-01"",""message"":", run.Lines[1], System.StringComparison.Ordinal);
        Assert.EndsWith(@"""deadline"":""2029-09-02T00:00:00Z""}]}", run.Lines[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_zone_the_case_is_refused_with_CORE_ZONE_01_and_no_next_instant()
    {
        // Conventions: no zone at all is a denial with its own reason, never a guess; waiting does not
        // help, so until and nextPermittedAt are null. No contact id: the case id names the person.
        var run = CliRun.Evaluate(@"{""id"":""lead-7"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""contact"":{""phone"":""+33612345678""}}" + "\n");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(@"{""id"":""lead-7"",""allowed"":false,""violations"":[{""rule"":""CORE-ZONE-01"",""kind"":""zone"",""citation"":""", run.Single);
        Assert.EndsWith(@""",""until"":null}],""nextPermittedAt"":null}", run.Single);
        Assert.Contains("lead-7", Assert.Single(run.Lines), System.StringComparison.Ordinal);
        run.AssertEveryViolationExplained();
    }

    [Fact]
    public void Instants_with_Z_and_with_an_offset_are_the_same_instant()
    {
        // 10:30+01:00, 09:30Z and 09:30 without seconds are one instant: Tue 10 March 10:30 in Paris.
        var run = CliRun.Evaluate(
            @"{""id"":""a"",""policy"":""fr"",""at"":""2026-03-10T10:30:00+01:00""," + Paris + "}\n"
            + @"{""id"":""b"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z""," + Paris + "}\n"
            + @"{""id"":""c"",""policy"":""fr"",""at"":""2026-03-10T09:30Z""," + Paris + "}\n"
            + @"{""id"":""d"",""policy"":""fr"",""at"":""2026-03-10T04:30:00.000-05:00""," + Paris + "}\n");

        Assert.Equal(
            new[] { Allowed("a"), Allowed("b"), Allowed("c"), Allowed("d") },
            run.Lines);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_nulls_are_absent_values()
    {
        // The contract: unknown fields are ignored; optional fields may be null. Tue 10 March 10:30 Paris.
        var run = CliRun.Evaluate(
            @"{""id"":""c1"",""policy"":""fr"",""at"":""2026-03-10T09:30:00Z"",""campaign"":""spring"",""channel"":null,""purpose"":null,""automated"":null,""subject"":null,"
            + @"""consents"":null,""optOuts"":[],""history"":null,""registrySnapshotAt"":null,""contact"":{""id"":null,""phone"":null,""timeZones"":[""Europe/Paris""],""region"":null,""contract"":null,""crmScore"":0.93}}" + "\n");

        Assert.Equal(@"{""id"":""c1"",""allowed"":true,""violations"":[],""nextPermittedAt"":null}", run.Single);
    }
}
