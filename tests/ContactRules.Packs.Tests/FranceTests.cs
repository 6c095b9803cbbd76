using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The <c>fr</c> pack read against the Code de la consommation (regulations.md section 1) and
/// docs/conventions.md. Every expected value is worked out in the comments from the law's text.
/// </summary>
public class FranceTests
{
    private static readonly ContactPolicy Fr = FranceRules.Pack;

    private static Instant P(string local) => Local(local, Paris);

    // A consumer who gave prior consent (an ordinary one, not to calls outside the legal hours)
    // thirty days before the call: from 11 August 2026 FR-CONS-01 needs it (and it counts a year
    // at most, FR-CONS-02), and it lifts nothing else. These tests used one consent of 2020 for
    // every date; since décret n° 2026-662 it has lapsed on 11 August 2026, so each call gets a
    // consent of its own year.
    private static ContactRequest Consenting(Contact contact, Instant call) => Call(contact, ConsentTo(call - Duration.FromDays(30)));

    // D223-9: Monday to Friday, [10:00, 13:00) and [14:00, 20:00) in the consumer's zone.
    // Tuesday 10 March 2026 is an ordinary working day (not in the L3133-1 list).
    [Theory]
    [InlineData("2026-03-10 09:59", "2026-03-10 10:00")] // a minute before the morning opens
    [InlineData("2026-03-10 13:00", "2026-03-10 14:00")] // 13:00 is the first refused minute of the lunch gap
    [InlineData("2026-03-10 13:59", "2026-03-10 14:00")] // last minute of the lunch gap
    [InlineData("2026-03-10 20:00", "2026-03-11 10:00")] // 20:00 is refused; next is Wednesday 10:00
    [InlineData("2026-03-13 20:00", "2026-03-16 10:00")] // Friday evening: the weekend is closed, next is Monday
    [InlineData("2026-03-14 11:00", "2026-03-16 10:00")] // Saturday
    [InlineData("2026-03-15 11:00", "2026-03-16 10:00")] // Sunday
    public void FR_HOURS_01_refuses_outside_the_two_daily_windows(string at, string next)
    {
        var decision = Evaluate(Fr, Call(PersonIn(Paris)), P(at));
        AssertRefusedBy(decision, "FR-HOURS-01");
        Assert.Equal(P(next), decision.NextPermittedAt);
    }

    [Theory]
    [InlineData("2026-03-10 10:00")] // first allowed minute
    [InlineData("2026-03-10 12:59")] // last allowed minute of the morning
    [InlineData("2026-03-10 14:00")] // first allowed minute of the afternoon
    [InlineData("2026-03-10 19:59")] // last allowed minute of the day
    public void FR_HOURS_01_allows_inside_the_two_daily_windows(string at)
        => AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris)), P(at)));

    [Fact]
    public void FR_HOURS_01_a_consent_to_calls_outside_hours_lifted_the_days_and_hours_before_the_reform()
    {
        // D223-9 al. 2: express prior consent allows calls outside the days and hours.
        var consent = ConsentTo(P("2026-01-05 12:00"));
        var outside = new ConsentRecord(P("2026-01-05 12:00")) { OutsideHours = true, Entity = Acme };
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris), outside), P("2026-03-14 21:00")));

        // An ordinary consent (not naming calls outside the legal hours) does not.
        AssertRefusedBy(Evaluate(Fr, Call(PersonIn(Paris), consent), P("2026-03-14 21:00")), "FR-HOURS-01");
    }

    // Code du travail L3133-1, the list D223-9 refers to, with Easter 2026 on 5 April and Easter
    // 2027 on 28 March (regulations.md 1.8): Easter Monday = Easter + 1, Ascension = Easter + 39,
    // Whit Monday = Easter + 50.
    [Fact]
    public void FR_HOL_01_the_eleven_public_holidays_of_2026_and_2027()
    {
        string[] y2026 = { "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25" };
        string[] y2027 = { "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-08", "2027-05-06", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25" };
        Assert.Equal(y2026.Select(Date).OrderBy(d => d), FrenchHolidays.National.DatesOf(2026).Select(h => h.Date));
        Assert.Equal(y2027.Select(Date).OrderBy(d => d), FrenchHolidays.National.DatesOf(2027).Select(h => h.Date));
    }

    // Each holiday that falls on a weekday: at 11:00 (inside the hours) only FR-HOL-01 refuses,
    // and the next permitted instant is 10:00 on the next working day that is not a holiday.
    [Theory]
    [InlineData("2026-01-01", "2026-01-02")] // Thu → Fri
    [InlineData("2026-04-06", "2026-04-07")] // Easter Monday → Tue
    [InlineData("2026-05-01", "2026-05-04")] // Fri → Mon
    [InlineData("2026-05-08", "2026-05-11")] // Fri → Mon
    [InlineData("2026-05-14", "2026-05-15")] // Ascension, Thu → Fri
    [InlineData("2026-05-25", "2026-05-26")] // Whit Monday → Tue
    [InlineData("2026-07-14", "2026-07-15")] // Tue → Wed
    [InlineData("2026-11-11", "2026-11-12")] // Wed → Thu
    [InlineData("2026-12-25", "2026-12-28")] // Fri → Mon (26 Dec is a Saturday)
    [InlineData("2027-01-01", "2027-01-04")] // Fri → Mon
    [InlineData("2027-03-29", "2027-03-30")] // Easter Monday → Tue
    [InlineData("2027-05-06", "2027-05-07")] // Ascension, Thu → Fri
    [InlineData("2027-05-17", "2027-05-18")] // Whit Monday → Tue
    [InlineData("2027-07-14", "2027-07-15")] // Wed → Thu
    [InlineData("2027-11-01", "2027-11-02")] // Mon → Tue
    [InlineData("2027-11-11", "2027-11-12")] // Thu → Fri
    public void FR_HOL_01_a_weekday_holiday_is_refused_until_the_next_working_day(string holiday, string next)
    {
        var decision = Evaluate(Fr, Consenting(PersonIn(Paris), P(holiday + " 11:00")), P(holiday + " 11:00"));
        AssertRefusedBy(decision, "FR-HOL-01");
        Assert.Equal(P(next + " 10:00"), decision.NextPermittedAt);
    }

    // The holidays that fall on a weekend are closed by the hours rule anyway; the holiday rule
    // still refuses them on its own, from 00:00 to 23:59 local.
    [Theory]
    [InlineData("2026-08-15")]
    [InlineData("2026-11-01")]
    [InlineData("2027-05-01")]
    [InlineData("2027-05-08")]
    [InlineData("2027-08-15")]
    [InlineData("2027-12-25")]
    public void FR_HOL_01_a_weekend_holiday_is_refused_by_the_holiday_rule_all_day(string holiday)
    {
        var request = Call(PersonIn(Paris));
        Assert.False(RuleAllows(FranceRules.Holidays, request, P(holiday + " 00:00")));
        Assert.False(RuleAllows(FranceRules.Holidays, request, P(holiday + " 23:59")));
        Assert.True(RuleAllows(FranceRules.Holidays, request, P(holiday + " 00:00").Plus(Duration.FromDays(1))));
    }

    [Fact]
    public void FR_HOL_01_the_day_before_and_after_a_holiday_are_callable()
    {
        // 14 July 2026 is a Tuesday: Monday 13 and Wednesday 15 are ordinary working days.
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris)), P("2026-07-13 19:59")));
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris)), P("2026-07-15 10:00")));
    }

    // FR-HOL-02, Alsace-Moselle: Good Friday (Easter - 2: 3 April 2026, 26 March 2027) and
    // 26 December, for consumers in Moselle (57), Bas-Rhin (67), Haut-Rhin (68).
    [Theory]
    [InlineData("FR-57", "2026-04-03", "2026-04-07")] // Good Friday; Monday 6 April is Easter Monday, so Tuesday
    [InlineData("FR-67", "2026-04-03", "2026-04-07")]
    [InlineData("FR-68", "2026-04-03", "2026-04-07")]
    [InlineData("FR-6AE", "2026-04-03", "2026-04-07")]
    [InlineData("FR-67", "2027-03-26", "2027-03-30")] // Good Friday 2027; Monday 29 March is Easter Monday
    public void FR_HOL_02_Alsace_Moselle_Good_Friday_is_a_day_without_calls(string region, string goodFriday, string next)
    {
        var decision = Evaluate(Fr, Consenting(PersonIn(Paris, region), P(goodFriday + " 11:00")), P(goodFriday + " 11:00"));
        AssertRefusedBy(decision, "FR-HOL-02");
        Assert.Equal(P(next + " 10:00"), decision.NextPermittedAt);
    }

    [Fact]
    public void FR_HOL_02_Alsace_Moselle_26_December_falls_on_a_weekend_in_2026_and_2027_and_is_still_excluded()
    {
        // 26 Dec 2026 is a Saturday, 26 Dec 2027 a Sunday: the hours rule closes them anyway, and
        // FR-HOL-02 excludes them on its own.
        var strasbourg = Call(PersonIn(Paris, "FR-67"));
        Assert.False(RuleAllows(FranceRules.LocalHolidays, strasbourg, P("2026-12-26 11:00")));
        Assert.False(RuleAllows(FranceRules.LocalHolidays, strasbourg, P("2027-12-26 11:00")));
        Assert.True(RuleAllows(FranceRules.LocalHolidays, strasbourg, P("2027-12-27 00:00")));
        Assert.Equal(
            new[] { Date("2026-04-03"), Date("2026-12-26") },
            FrenchHolidays.AlsaceMoselle.DatesOf(2026).Select(h => h.Date));
        Assert.Equal(
            new[] { Date("2027-03-26"), Date("2027-12-26") },
            FrenchHolidays.AlsaceMoselle.DatesOf(2027).Select(h => h.Date));
    }

    [Theory]
    [InlineData(null)]     // region unknown: the local calendar is opt-in by region
    [InlineData("FR-75")]  // Paris
    [InlineData("FR-54")]  // Meurthe-et-Moselle borders Moselle but is not Alsace-Moselle
    public void FR_HOL_02_Good_Friday_outside_Alsace_Moselle_is_an_ordinary_day(string? region)
        => AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris, region)), P("2026-04-03 11:00")));

    // FR-FREQ-01, conventions.md example: attempts on 2, 5, 10, 20 March 2026. A fifth on
    // 27 March is refused (window 26 Feb–27 Mar holds 4); the window of 1 April (3 March–1 April)
    // holds 3, so 1 April is allowed: the next permitted instant is Wednesday 1 April 10:00.
    private static readonly ContactAttempt[] FourAttempts =
    {
        Attempt(P("2026-03-02 10:30")),
        Attempt(P("2026-03-05 11:00"), AttemptOutcome.Abandoned),
        Attempt(P("2026-03-10 15:00"), AttemptOutcome.Voicemail),
        Attempt(P("2026-03-20 16:00"), AttemptOutcome.NotConnected),
    };

    [Fact]
    public void FR_FREQ_01_a_fifth_attempt_in_30_calendar_days_is_refused_until_the_oldest_leaves()
    {
        var decision = Evaluate(Fr, Call(PersonIn(Paris)), P("2026-03-27 11:00"), FourAttempts);
        AssertRefusedBy(decision, "FR-FREQ-01");
        Assert.Equal(P("2026-04-01 10:00"), decision.NextPermittedAt);

        // 31 March: the window 2 March–31 March still holds all four.
        AssertRefusedBy(Evaluate(Fr, Call(PersonIn(Paris)), P("2026-03-31 19:59"), FourAttempts), "FR-FREQ-01");
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris)), P("2026-04-01 10:00"), FourAttempts));
    }

    [Fact]
    public void FR_FREQ_01_a_fourth_attempt_is_allowed()
        => AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris)), P("2026-03-27 11:00"), FourAttempts.Take(3).ToArray()));

    [Fact]
    public void FR_FREQ_01_attempts_by_another_professional_do_not_count_but_unknown_callers_do()
    {
        var others = FourAttempts.Select(a => new ContactAttempt(a.At, a.Outcome) { Caller = "other-brand" }).ToArray();
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris)), P("2026-03-27 11:00"), others));

        // A subcontractor's attempt recorded without its principal cannot be told apart: it counts.
        var unknown = FourAttempts.Take(3).Append(Attempt(P("2026-03-20 16:00"), caller: null)).ToArray();
        AssertRefusedBy(Evaluate(Fr, Call(PersonIn(Paris)), P("2026-03-27 11:00"), unknown), "FR-FREQ-01");
    }

    // FR-COOL-01: a refusal on Monday 2 June 2025 blocks 2 June … 1 August 2025 (R + 60 "jours
    // révolus"); the rule allows again from Saturday 2 August 00:00, and the pack from Monday
    // 4 August 10:00. 2025 keeps FR-STOP-01 (from 11 August 2026) out of the way.
    [Fact]
    public void FR_COOL_01_last_refused_and_first_allowed_instants()
    {
        var refusal = Attempt(P("2025-06-02 11:00"), AttemptOutcome.Refused);
        var request = Call(PersonIn(Paris));

        Assert.False(RuleAllows(FranceRules.RefusalCooldown, request, P("2025-08-01 23:59"), refusal));
        Assert.Equal(P("2025-08-02 00:00"), RuleEarliest(FranceRules.RefusalCooldown, request, P("2025-08-01 23:59"), refusal));

        var decision = Evaluate(Fr, request, P("2025-08-01 19:59"), refusal);
        AssertRefusedBy(decision, "FR-COOL-01");
        Assert.Equal(P("2025-08-04 10:00"), decision.NextPermittedAt);
        AssertAllowed(Evaluate(Fr, request, P("2025-08-04 10:00"), refusal));
    }

    // FR-LIST-01: a Bloctel receipt issued Tuesday 5 May 2026 15:00 without an effective date
    // protects the number from 5 May + 30 days = Thursday 4 June 2026 15:00 (conventions.md).
    [Fact]
    public void FR_LIST_01_a_registration_protects_30_days_after_the_receipt()
    {
        var request = Call(PersonIn(Paris));
        var registered = new ContactRequest(PersonIn(Paris)) { Caller = Acme, OptOuts = ImmutableArray.Create(Registered(ContactRegistry.Bloctel, P("2026-05-05 15:00"))) };

        AssertAllowed(Evaluate(Fr, registered, P("2026-06-04 14:59")));
        var decision = Evaluate(Fr, registered, P("2026-06-04 15:00"));
        AssertRefusedBy(decision, "FR-LIST-01");

        // Waiting does not help before 11 August 2026, and from then FR-CONS-01 refuses for good.
        Assert.Null(decision.NextPermittedAt);
        AssertAllowed(Evaluate(Fr, request, P("2026-06-04 15:00")));
    }

    [Fact]
    public void FR_LIST_01_honours_the_effective_date_on_the_receipt()
    {
        var entry = new OptOut(OptOutKind.Registry, P("2026-05-05 15:00")) { Registry = ContactRegistry.Bloctel, EffectiveAt = P("2026-05-12 00:00") };
        var registered = new ContactRequest(PersonIn(Paris)) { Caller = Acme, OptOuts = ImmutableArray.Create(entry) };
        AssertAllowed(Evaluate(Fr, registered, P("2026-05-11 19:59")));
        AssertRefusedBy(Evaluate(Fr, registered, P("2026-05-12 10:00")), "FR-LIST-01");
    }

    [Theory]
    [InlineData(true, true, true)]    // contract in progress, call about its object: exempt
    [InlineData(true, false, false)]  // contract in progress, unrelated offer: not exempt
    [InlineData(false, true, false)]  // ended contract: not exempt (2020 wording "contrat en cours")
    public void FR_LIST_01_exempts_only_a_contract_in_progress_about_its_object(bool active, bool related, bool allowed)
    {
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), Contract = new ContractStatus(active, related) };
        var request = new ContactRequest(contact) { Caller = Acme, OptOuts = ImmutableArray.Create(Registered(ContactRegistry.Bloctel, P("2025-01-06 12:00"))) };
        var decision = Evaluate(Fr, request, P("2026-03-10 11:00"));
        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void FR_LIST_01_in_force_from_1_June_2016()
    {
        // The list opened on 1 June 2016 (loi Hamon). D223-9 is not yet in force, so no hours rule.
        var request = new ContactRequest(PersonIn(Paris)) { Caller = Acme, OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Registry, P("2016-04-01 12:00")) { Registry = ContactRegistry.Bloctel, EffectiveAt = P("2016-04-01 12:00") }) };
        AssertAllowed(Evaluate(Fr, request, P("2016-05-31 12:00")));
        AssertRefusedBy(Evaluate(Fr, request, P("2016-06-01 12:00")), "FR-LIST-01");
    }

    // FR-SECT-01: the request's subject names the sector.
    [Theory]
    [InlineData("energy-renovation", false)]
    [InlineData("energy-renovation/attic-insulation", false)]
    [InlineData("Renewable-Energy", false)]
    [InlineData("home-adaptation/walk-in-shower", false)]
    [InlineData("energy-supply", true)]           // selling electricity is not renovation works
    [InlineData("energy-renovations", true)]      // a different code, not a sub-subject
    [InlineData(null, true)]                      // no subject declared
    public void FR_SECT_01_refuses_energy_renovation_renewables_and_home_adaptation(string? subject, bool allowed)
    {
        var request = new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = subject };
        var decision = Evaluate(Fr, request, P("2026-03-10 11:00"));
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            AssertRefusedBy(decision, "FR-SECT-01");
            Assert.Null(decision.NextPermittedAt);
        }
    }

    [Fact]
    public void FR_SECT_01_yields_to_a_contract_in_progress_but_not_to_consent()
    {
        var customer = new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), Contract = new ContractStatus(true, true) };
        AssertAllowed(Evaluate(Fr, new ContactRequest(customer) { Caller = Acme, Subject = "energy-renovation" }, P("2026-03-10 11:00")));

        // After 11 August 2026 a consent satisfies FR-CONS-01 but the sector stays banned.
        var consenting = new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = "energy-renovation", Consents = ImmutableArray.Create(ConsentTo(P("2026-08-01 12:00"))) };
        AssertRefusedBy(Evaluate(Fr, consenting, P("2026-09-01 11:00")), "FR-SECT-01");
    }

    [Fact]
    public void FR_SECT_01_in_force_from_26_July_2020()
    {
        // Loi n° 2020-901 in force 26 July 2020 (a Sunday); D223-9 (hours) only from 2023.
        var request = new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = "energy-renovation" };
        AssertAllowed(Evaluate(Fr, request, P("2020-07-25 12:00")));
        AssertRefusedBy(Evaluate(Fr, request, P("2020-07-26 12:00")), "FR-SECT-01");
    }

    // FR-AUTO-01 (CPCE L34-5): an automated call needs consent, customers included.
    [Fact]
    public void FR_AUTO_01_automated_canvassing_needs_prior_consent()
    {
        var customer = new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), Contract = new ContractStatus(true, true) };
        var automated = new ContactRequest(customer) { Caller = Acme, Automated = true };
        var decision = Evaluate(Fr, automated, P("2026-03-10 11:00"));
        AssertRefusedBy(decision, "FR-AUTO-01");
        Assert.Null(decision.NextPermittedAt);

        var withConsent = new ContactRequest(customer) { Caller = Acme, Automated = true, Consents = ImmutableArray.Create(ConsentTo(P("2026-01-05 12:00"))) };
        AssertAllowed(Evaluate(Fr, withConsent, P("2026-03-10 11:00")));
    }

    [Fact]
    public void EU_OBJ_01_a_GDPR_objection_made_by_sms_stops_marketing_calls_but_not_informational_ones()
    {
        // EU-OBJ-01 is part of fr: Art. 21(3) stops direct marketing on every channel.
        var objection = new OptOut(OptOutKind.Objection, P("2026-03-09 18:00")) { Channel = ContactChannel.Sms };
        var marketing = new ContactRequest(PersonIn(Paris)) { Caller = Acme, OptOuts = ImmutableArray.Create(objection) };
        AssertRefusedBy(Evaluate(Fr, marketing, P("2026-03-10 11:00")), "EU-OBJ-01");

        var informational = new ContactRequest(PersonIn(Paris), ContactChannel.Voice, ContactPurpose.Informational) { Caller = Acme, OptOuts = ImmutableArray.Create(objection) };
        AssertAllowed(Evaluate(Fr, informational, P("2026-03-10 11:00")));
    }

    // Overseas departments are judged in their own zones. Offsets (no daylight saving time in
    // any of them): Réunion UTC+4, Mayotte UTC+3, Martinique and Guadeloupe UTC-4, Guyane UTC-3.
    // 10:00 local on Tuesday 10 March 2026 is therefore 06:00Z, 07:00Z, 14:00Z, 14:00Z, 13:00Z.
    [Theory]
    [InlineData("Indian/Reunion", "2026-03-10T06:00:00Z", "2026-03-10T16:00:00Z")]
    [InlineData("Indian/Mayotte", "2026-03-10T07:00:00Z", "2026-03-10T17:00:00Z")]
    [InlineData("America/Martinique", "2026-03-10T14:00:00Z", "2026-03-11T00:00:00Z")]
    [InlineData("America/Guadeloupe", "2026-03-10T14:00:00Z", "2026-03-11T00:00:00Z")]
    [InlineData("America/Cayenne", "2026-03-10T13:00:00Z", "2026-03-10T23:00:00Z")]
    public void FR_HOURS_01_overseas_departments_use_their_own_clock(string zoneId, string tenLocal, string eightPmLocal)
    {
        var request = Call(PersonIn(Zone(zoneId)));
        var opens = Utc(tenLocal);
        var closes = Utc(eightPmLocal);

        var early = Evaluate(Fr, request, opens - Duration.FromMinutes(1));
        AssertRefusedBy(early, "FR-HOURS-01");
        Assert.Equal(opens, early.NextPermittedAt);
        AssertAllowed(Evaluate(Fr, request, opens));
        AssertAllowed(Evaluate(Fr, request, closes - Duration.FromMinutes(1)));
        AssertRefusedBy(Evaluate(Fr, request, closes), "FR-HOURS-01");
    }

    [Fact]
    public void FR_HOURS_01_Reunion_evening_is_closed_while_Paris_afternoon_is_open()
    {
        // 16:30Z on Tuesday 10 March 2026 is 17:30 in Paris (UTC+1) but 20:30 in Réunion (UTC+4).
        var at = Utc("2026-03-10T16:30:00Z");
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris)), at));
        AssertRefusedBy(Evaluate(Fr, Call(PersonIn(Zone("Indian/Reunion"))), at), "FR-HOURS-01");
    }
}
