using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The <c>fr</c> pack from 11 August 2026: décret n° 2026-662 and L223-1 as amended
/// (regulations.md 11.1; docs/conventions.md, "Lists and consent" and "Settled details"). Every
/// expected value is worked out in the comments. Paris is on UTC+2 (CEST) from 29 March to
/// 24 October 2026 and from 28 March to 30 October 2027, on UTC+1 otherwise.
/// </summary>
public class FranceReformTests
{
    private static readonly ContactPolicy Fr = FranceRules.Pack;

    private static Instant P(string local) => Local(local, Paris);

    private static ConsentRecord SlotConsent(Instant grantedAt, Instant from, Instant to)
        => new ConsentRecord(grantedAt) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = Acme, Slot = new Interval(from, to) };

    private static Contact Customer() => new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), Contract = new ContractStatus(true, true) };

    // ---- FR-COOL-01: 1 March 2023 – 10 August 2026 -------------------------------------------

    // A refusal on Monday 3 August 2026 blocks 3 August … 2 October under D223-9 as it stood. On
    // Monday 10 August at 19:59 FR-COOL-01 refuses, but only until the end of that day: décret
    // n° 2026-662 removed it from 11 August (00:00 Paris = 10 August 22:00 UTC). From Tuesday
    // 11 August FR-STOP-01 refuses instead, for good. A customer with a contract in progress, so
    // that no consent rule is involved.
    [Fact]
    public void FR_COOL_01_refuses_on_10_August_and_not_from_11_August_when_FR_STOP_01_takes_over()
    {
        var request = new ContactRequest(Customer()) { Caller = Acme };
        var refusal = Attempt(P("2026-08-03 11:00"), AttemptOutcome.Refused);

        var monday = Evaluate(Fr, request, P("2026-08-10 19:59"), refusal);
        AssertRefusedBy(monday, "FR-COOL-01");
        Assert.Equal(Utc("2026-08-10T22:00:00Z"), Assert.Single(monday.Violations).Until);
        Assert.Null(monday.NextPermittedAt);

        var tuesday = Evaluate(Fr, request, P("2026-08-11 10:00"), refusal);
        AssertRefusedBy(tuesday, "FR-STOP-01");
        Assert.Null(tuesday.NextPermittedAt);
    }

    // A refusal on Monday 8 June 2026 blocks 8 June … 7 August (R + 60). On Friday 7 August at
    // 11:00 FR-COOL-01 refuses; the weekend follows, so the next permitted instant is Monday
    // 10 August 10:00, the last day before FR-STOP-01.
    [Fact]
    public void FR_COOL_01_lapses_on_R_plus_61_before_the_reform()
    {
        var request = new ContactRequest(Customer()) { Caller = Acme };
        var refusal = Attempt(P("2026-06-08 11:00"), AttemptOutcome.Refused);
        var friday = Evaluate(Fr, request, P("2026-08-07 11:00"), refusal);
        AssertRefusedBy(friday, "FR-COOL-01");
        Assert.Equal(P("2026-08-10 10:00"), friday.NextPermittedAt);
        AssertAllowed(Evaluate(Fr, request, P("2026-08-10 10:00"), refusal));
    }

    // ---- The days-and-hours exemption --------------------------------------------------------

    // A consent of 1 July 2026 to be called outside the legal days and hours (no slot). Until
    // Monday 10 August 2026 inclusive it lifts FR-HOURS-01 (21:00 and 23:59 are allowed). From
    // Tuesday 11 August it no longer does: 00:00 and 21:00 are refused, and the next permitted
    // instants are 10:00 the same or next weekday. It is still a consent to canvassing, so
    // FR-CONS-01 is satisfied at 11:00.
    [Theory]
    [InlineData("2026-08-10 21:00", null)]
    [InlineData("2026-08-10 23:59", null)]
    [InlineData("2026-08-11 00:00", "2026-08-11 10:00")]
    [InlineData("2026-08-11 21:00", "2026-08-12 10:00")]
    [InlineData("2026-08-11 11:00", null)]
    public void FR_HOURS_01_an_outside_hours_consent_lifts_the_hours_until_10_August_only(string at, string? next)
    {
        var consent = new ConsentRecord(P("2026-07-01 12:00")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = Acme, OutsideHours = true };
        var decision = Evaluate(Fr, Call(PersonIn(Paris), consent), P(at));
        if (next is null)
        {
            AssertAllowed(decision);
        }
        else
        {
            AssertRefusedBy(decision, "FR-HOURS-01");
            Assert.Equal(P(next), decision.NextPermittedAt);
        }
    }

    // Paris (UTC+2) and Réunion (UTC+4) both possible: 19:00Z on 10 August is 21:00 and 23:00 on
    // 10 August, still the old regime everywhere: allowed. 20:30Z is 22:30 on 10 August in Paris
    // but 00:30 on 11 August in Réunion, where the old exemption is gone: refused. Both windows
    // are next open together on 11 August at 08:00Z (10:00 Paris, 12:00 Réunion).
    [Fact]
    public void FR_HOURS_01_the_outside_hours_consent_needs_the_old_regime_in_every_candidate_zone()
    {
        var person = new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris, Zone("Indian/Reunion")) };
        var consent = new ConsentRecord(P("2026-07-01 12:00")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = Acme, OutsideHours = true };
        AssertAllowed(Evaluate(Fr, Call(person, consent), Utc("2026-08-10T19:00:00Z")));
        var decision = Evaluate(Fr, Call(person, consent), Utc("2026-08-10T20:30:00Z"));
        AssertRefusedBy(decision, "FR-HOURS-01");
        Assert.Equal(Utc("2026-08-11T08:00:00Z"), decision.NextPermittedAt);
    }

    // A consent given on Tuesday 1 September 2026 to be called on Saturday 12 September between
    // 18:00 and 18:30 (Paris), and no other consent. Outside its slot it is no consent at all:
    // at 17:59 FR-HOURS-01 (a Saturday) and FR-CONS-01 refuse, both until 18:00, the slot's
    // start, which is the next permitted instant. 18:00 and 18:29 are allowed. At 18:30 both refuse
    // again and no later instant helps.
    [Fact]
    public void FR_HOURS_01_and_FR_CONS_01_a_slot_consent_counts_from_its_first_to_its_last_minute()
    {
        var slot = SlotConsent(P("2026-09-01 11:00"), P("2026-09-12 18:00"), P("2026-09-12 18:30"));
        var request = Call(PersonIn(Paris), slot);

        var before = Evaluate(Fr, request, P("2026-09-12 17:59"));
        AssertRefusedBy(before, "FR-HOURS-01", "FR-CONS-01");
        Assert.All(before.Violations, v => Assert.Equal(P("2026-09-12 18:00"), v.Until));
        Assert.Equal(P("2026-09-12 18:00"), before.NextPermittedAt);

        AssertAllowed(Evaluate(Fr, request, P("2026-09-12 18:00")));
        AssertAllowed(Evaluate(Fr, request, P("2026-09-12 18:29")));

        var after = Evaluate(Fr, request, P("2026-09-12 18:30"));
        AssertRefusedBy(after, "FR-HOURS-01", "FR-CONS-01");
        Assert.Null(after.NextPermittedAt);
    }

    // The same slot with an ordinary consent of 1 September besides: FR-CONS-01 is satisfied, so
    // only the hours refuse. At 17:59 the only way out is the slot ahead: next permitted 18:00
    // (conventions, "Settled details"). At 18:30 the next allowed hour is Monday 14 September 10:00.
    [Fact]
    public void FR_HOURS_01_with_a_slot_still_ahead_the_next_permitted_instant_is_the_slot_start()
    {
        var request = Call(PersonIn(Paris), ConsentTo(P("2026-09-01 11:00")), SlotConsent(P("2026-09-01 11:00"), P("2026-09-12 18:00"), P("2026-09-12 18:30")));
        var before = Evaluate(Fr, request, P("2026-09-12 17:59"));
        AssertRefusedBy(before, "FR-HOURS-01");
        Assert.Equal(P("2026-09-12 18:00"), before.NextPermittedAt);

        var after = Evaluate(Fr, request, P("2026-09-12 18:30"));
        AssertRefusedBy(after, "FR-HOURS-01");
        Assert.Equal(P("2026-09-14 10:00"), after.NextPermittedAt);
    }

    // Before the reform a slot consent is an express consent to that time: Saturday 1 August 2026,
    // slot 18:00–18:30, consent of 20 July. FR-CONS-01 is not yet in force, so only the hours
    // refuse outside the slot: 17:59 until 18:00; 18:30 until Monday 3 August 10:00.
    [Fact]
    public void FR_HOURS_01_a_slot_consent_lifts_the_hours_inside_its_slot_before_the_reform_too()
    {
        var request = Call(PersonIn(Paris), SlotConsent(P("2026-07-20 11:00"), P("2026-08-01 18:00"), P("2026-08-01 18:30")));
        var before = Evaluate(Fr, request, P("2026-08-01 17:59"));
        AssertRefusedBy(before, "FR-HOURS-01");
        Assert.Equal(P("2026-08-01 18:00"), before.NextPermittedAt);
        AssertAllowed(Evaluate(Fr, request, P("2026-08-01 18:00")));
        AssertAllowed(Evaluate(Fr, request, P("2026-08-01 18:29")));
        var after = Evaluate(Fr, request, P("2026-08-01 18:30"));
        AssertRefusedBy(after, "FR-HOURS-01");
        Assert.Equal(P("2026-08-03 10:00"), after.NextPermittedAt);
    }

    // Wednesday 11 November 2026 is Armistice Day (L3133-1). A slot 11:00–11:30 that day lifts
    // FR-HOL-01 inside it; at 10:59 FR-HOL-01 and FR-CONS-01 refuse until 11:00.
    [Fact]
    public void FR_HOL_01_a_slot_consent_lifts_a_public_holiday_inside_its_slot()
    {
        var request = Call(PersonIn(Paris), SlotConsent(P("2026-11-02 11:00"), P("2026-11-11 11:00"), P("2026-11-11 11:30")));
        var before = Evaluate(Fr, request, P("2026-11-11 10:59"));
        AssertRefusedBy(before, "FR-HOL-01", "FR-CONS-01");
        Assert.Equal(P("2026-11-11 11:00"), before.NextPermittedAt);
        AssertAllowed(Evaluate(Fr, request, P("2026-11-11 11:00")));
    }

    // A slot consent lifts the days and hours only: four attempts on 1–4 September 2026 fill the
    // 30-day window of Saturday 12 September (14 August – 12 September), so FR-FREQ-01 refuses
    // inside the slot; the oldest (1 September) leaves the window on 1 October.
    [Fact]
    public void FR_FREQ_01_a_slot_consent_does_not_lift_the_cap()
    {
        var request = Call(PersonIn(Paris), SlotConsent(P("2026-08-31 11:00"), P("2026-09-12 18:00"), P("2026-09-12 18:30")));
        var attempts = new[] { Attempt(P("2026-09-01 11:00")), Attempt(P("2026-09-02 11:00")), Attempt(P("2026-09-03 11:00")), Attempt(P("2026-09-04 11:00")) };
        var decision = Evaluate(Fr, request, P("2026-09-12 18:00"), attempts);
        AssertRefusedBy(decision, "FR-FREQ-01");
    }

    // ---- FR-CONS-02: 365 × 24 hours from the grant --------------------------------------------

    // Granted Tuesday 1 September 2026 at 11:00 Paris (09:00Z): it counts until 1 September 2027
    // 09:00Z, 11:00 Paris (a Wednesday). 10:59 is allowed; from 11:00 FR-CONS-01 and FR-CONS-02
    // refuse, whatever the consent's own later expiry, and waiting does not help.
    [Theory]
    [InlineData(null)]
    [InlineData("2028-09-01 00:00")]
    public void FR_CONS_02_a_consent_counts_365_days_to_the_minute(string? expiresAt)
    {
        var consent = new ConsentRecord(P("2026-09-01 11:00"))
        {
            Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = Acme,
            ExpiresAt = expiresAt is null ? null : P(expiresAt),
        };
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris), consent), P("2027-09-01 10:59")));
        var lapsed = Evaluate(Fr, Call(PersonIn(Paris), consent), P("2027-09-01 11:00"));
        AssertRefusedBy(lapsed, "FR-CONS-01", "FR-CONS-02");
        Assert.Null(lapsed.NextPermittedAt);
    }

    // A consent that ended by its own expiry (1 June 2027) leaves FR-CONS-01 alone.
    [Fact]
    public void FR_CONS_02_is_not_reported_for_a_consent_ended_by_its_own_expiry()
    {
        var consent = new ConsentRecord(P("2026-09-01 11:00")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = Acme, ExpiresAt = P("2027-06-01 00:00") };
        AssertRefusedBy(Evaluate(Fr, Call(PersonIn(Paris), consent), P("2027-07-01 11:00")), "FR-CONS-01");
    }

    // Consents given before 11 August 2026 are not grandfathered. One granted Monday 2 June 2025
    // counted until 2 June 2026 under the new limit, which applies from 11 August 2026: on
    // Monday 10 August no consent is needed yet; on Tuesday 11 August it has lapsed. One granted
    // 1 September 2025 at 11:00 still counts on Monday 31 August 2026 and lapses on Tuesday
    // 1 September 2026 at 11:00.
    [Fact]
    public void FR_CONS_02_consents_given_before_11_August_2026_are_not_grandfathered()
    {
        var old = Call(PersonIn(Paris), ConsentTo(P("2025-06-02 11:00")));
        AssertAllowed(Evaluate(Fr, old, P("2026-08-10 11:00")));
        AssertRefusedBy(Evaluate(Fr, old, P("2026-08-11 11:00")), "FR-CONS-01", "FR-CONS-02");

        var recent = Call(PersonIn(Paris), ConsentTo(P("2025-09-01 11:00")));
        AssertAllowed(Evaluate(Fr, recent, P("2026-08-31 11:00")));
        AssertAllowed(Evaluate(Fr, recent, P("2026-09-01 10:59")));
        AssertRefusedBy(Evaluate(Fr, recent, P("2026-09-01 11:00")), "FR-CONS-01", "FR-CONS-02");
    }

    // A renewal is a new consent with a new grant: given on 20 August 2027, it counts on
    // 1 September 2027 and neither id appears. Given on Friday 10 September 2027 at 11:00, it is
    // the way out: both rules refuse until then, the next permitted instant.
    [Fact]
    public void FR_CONS_02_a_renewal_is_a_new_consent()
    {
        var first = ConsentTo(P("2026-09-01 11:00"));
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris), first, ConsentTo(P("2027-08-20 11:00"))), P("2027-09-01 11:00")));

        var later = Evaluate(Fr, Call(PersonIn(Paris), first, ConsentTo(P("2027-09-10 11:00"))), P("2027-09-01 11:00"));
        AssertRefusedBy(later, "FR-CONS-01", "FR-CONS-02");
        Assert.All(later.Violations, v => Assert.Equal(P("2027-09-10 11:00"), v.Until));
        Assert.Equal(P("2027-09-10 11:00"), later.NextPermittedAt);
    }

    [Fact]
    public void FR_CONS_02_a_contract_in_progress_needs_no_consent_and_reports_no_lapse()
        => AssertAllowed(Evaluate(Fr, new ContactRequest(Customer()) { Caller = Acme, Consents = ImmutableArray.Create(ConsentTo(P("2025-06-02 11:00"))) }, P("2026-09-01 11:00")));

    // ---- FR-WDRW-01: a refused call withdraws the consent ------------------------------------

    // Consent of Tuesday 1 September 2026; the consumer refuses a call on Tuesday 15 September at
    // 11:00. On Wednesday 16 September: the consent was withdrawn at the refusal (FR-WDRW-01,
    // with FR-CONS-01 as no other consent counts) and FR-STOP-01 refuses any new call.
    [Fact]
    public void FR_WDRW_01_a_refusal_withdraws_the_consent_at_that_instant()
    {
        var request = Call(PersonIn(Paris), ConsentTo(P("2026-09-01 11:00")));
        var refusal = Attempt(P("2026-09-15 11:00"), AttemptOutcome.Refused);
        var decision = Evaluate(Fr, request, P("2026-09-16 11:00"), refusal);
        AssertRefusedBy(decision, "FR-CONS-01", "FR-WDRW-01", "FR-STOP-01");
        Assert.Null(decision.NextPermittedAt);
    }

    // A refusal given to another professional withdraws nothing given to this one; a consent
    // granted after the refusal is a new consent (FR-STOP-01 still refuses); a contract in
    // progress needs no consent (FR-STOP-01 still refuses).
    [Fact]
    public void FR_WDRW_01_only_the_refused_professionals_consents_and_only_those_given_before()
    {
        var consent = ConsentTo(P("2026-09-01 11:00"));
        AssertAllowed(Evaluate(Fr, Call(PersonIn(Paris), consent), P("2026-09-16 11:00"), Attempt(P("2026-09-15 11:00"), AttemptOutcome.Refused, caller: "other-brand")));

        var refusal = Attempt(P("2026-09-15 11:00"), AttemptOutcome.Refused);
        AssertRefusedBy(Evaluate(Fr, Call(PersonIn(Paris), consent, ConsentTo(P("2026-09-20 11:00"))), P("2026-09-21 11:00"), refusal), "FR-STOP-01");
        AssertRefusedBy(Evaluate(Fr, new ContactRequest(Customer()) { Caller = Acme, Consents = ImmutableArray.Create(consent) }, P("2026-09-16 11:00"), refusal), "FR-STOP-01");
    }

    // A refusal on Monday 3 August 2026, before the reform, under a consent of 1 July: on
    // 10 August FR-COOL-01 refuses (3 August … 2 October); on 11 August the cooldown is gone and
    // the refusal, like every refusal on record, has withdrawn the consent.
    [Fact]
    public void FR_WDRW_01_counts_refusals_recorded_before_11_August()
    {
        var request = Call(PersonIn(Paris), ConsentTo(P("2026-07-01 11:00")));
        var refusal = Attempt(P("2026-08-03 11:00"), AttemptOutcome.Refused);
        AssertRefusedBy(Evaluate(Fr, request, P("2026-08-10 11:00"), refusal), "FR-COOL-01");
        AssertRefusedBy(Evaluate(Fr, request, P("2026-08-11 11:00"), refusal), "FR-CONS-01", "FR-WDRW-01", "FR-STOP-01");
    }

    // A STOP or objection that ends a French call consent leaves FR-CONS-01 and the objection's own
    // id, never FR-WDRW-01 or FR-CONS-02.
    [Fact]
    public void FR_CONS_01_an_objection_ends_the_consent()
    {
        var request = new ContactRequest(PersonIn(Paris))
        {
            Caller = Acme,
            Consents = ImmutableArray.Create(ConsentTo(P("2026-09-01 11:00"))),
            OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Objection, P("2026-09-15 11:00"))),
        };
        AssertAllowed(Evaluate(Fr, request, P("2026-09-15 10:59")));
        AssertRefusedBy(Evaluate(Fr, request, P("2026-09-15 11:00")), "FR-CONS-01", "EU-OBJ-01");
    }

    // ---- FR-PROOF-01: keep the proof 3 years from collection ---------------------------------

    // Granted Tuesday 1 September 2026 at 11:00 Paris = 09:00Z: keep until the end of the UTC date
    // 1 September 2029, that is 2 September 2029 00:00Z, whenever the consent is used (R223-2 counts
    // from collection, not from each use).
    [Theory]
    [InlineData("2026-09-08 11:00")]
    [InlineData("2027-03-02 11:00")]
    public void FR_PROOF_01_advises_keeping_the_proof_three_years_from_collection(string at)
    {
        var decision = Evaluate(Fr, Call(PersonIn(Paris), ConsentTo(P("2026-09-01 11:00"))), P(at));
        AssertAllowed(decision);
        var advisory = Assert.Single(decision.Advisories, a => a.Code == "FR-PROOF-01");
        Assert.Equal(Utc("2029-09-02T00:00:00Z"), advisory.Deadline);
        Assert.Contains("2029-09-01", advisory.Message, System.StringComparison.Ordinal);
    }

    // Not before 11 August 2026; not for a consent that no longer counts (lapsed); not when no
    // consent is relied on (a contract in progress without one).
    [Fact]
    public void FR_PROOF_01_only_from_11_August_and_only_for_a_consent_that_counts()
    {
        Assert.DoesNotContain(Evaluate(Fr, Call(PersonIn(Paris), ConsentTo(P("2026-07-01 11:00"))), P("2026-08-10 11:00")).Advisories, a => a.Code == "FR-PROOF-01");
        Assert.Single(Evaluate(Fr, Call(PersonIn(Paris), ConsentTo(P("2026-07-01 11:00"))), P("2026-08-11 11:00")).Advisories, a => a.Code == "FR-PROOF-01");

        var lapsedAndRenewed = Evaluate(Fr, Call(PersonIn(Paris), ConsentTo(P("2025-06-02 11:00")), ConsentTo(P("2026-09-01 11:00"))), P("2026-09-08 11:00"));
        Assert.Equal(Utc("2029-09-02T00:00:00Z"), Assert.Single(lapsedAndRenewed.Advisories, a => a.Code == "FR-PROOF-01").Deadline);

        Assert.DoesNotContain(Evaluate(Fr, new ContactRequest(Customer()) { Caller = Acme }, P("2026-09-08 11:00")).Advisories, a => a.Code == "FR-PROOF-01");
    }

    // ---- FR-CONS-01 and FR-LIST-01: newspapers and periodicals (L223-5) ----------------------

    [Theory]
    [InlineData("press", true)]
    [InlineData("press/le-quotidien", true)]
    [InlineData("PRESS/weekly", true)]
    [InlineData("pressure-washers", false)]  // a different code, not a sub-subject of press
    [InlineData(null, false)]                // no subject: the exemption is not assumed
    public void FR_CONS_01_canvassing_for_newspapers_needs_no_consent(string? subject, bool allowed)
    {
        var decision = Evaluate(Fr, new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = subject }, P("2026-09-08 11:00"));
        if (allowed)
        {
            AssertAllowed(decision);
        }
        else
        {
            AssertRefusedBy(decision, "FR-CONS-01");
        }
    }

    // D223-9 still covers newspaper canvassing (Saturday 12 September 2026: refused until Monday
    // 10:00), and so does FR-STOP-01; Bloctel did not (Tuesday 10 March 2026).
    [Fact]
    public void FR_LIST_01_and_D223_9_newspaper_canvassing_is_exempt_from_L223_1_only()
    {
        var press = new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = FranceRules.PressSubject };
        var saturday = Evaluate(Fr, press, P("2026-09-12 11:00"));
        AssertRefusedBy(saturday, "FR-HOURS-01");
        Assert.Equal(P("2026-09-14 10:00"), saturday.NextPermittedAt);
        AssertRefusedBy(Evaluate(Fr, press, P("2026-09-16 11:00"), Attempt(P("2026-09-15 11:00"), AttemptOutcome.Refused)), "FR-STOP-01");

        var onBloctel = new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = "press/weekly", OptOuts = ImmutableArray.Create(Registered(ContactRegistry.Bloctel, P("2025-01-06 12:00"))) };
        AssertAllowed(Evaluate(Fr, onBloctel, P("2026-03-10 11:00")));
        var energy = new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = "energy-supply", OptOuts = onBloctel.OptOuts };
        AssertRefusedBy(Evaluate(Fr, energy, P("2026-03-10 11:00")), "FR-LIST-01");
    }

    // ---- FR-SECT-01: messages since 2 July 2025; R223-4 from 11 August 2026 ------------------

    // A marketing SMS about energy renovation, with a consent to messages: outside the ban until
    // Tuesday 1 July 2025 23:59, banned from Wednesday 2 July 00:00 (L223-8), for good. A call on
    // the same subject was banned already (since 26 July 2020).
    [Fact]
    public void FR_SECT_01_covers_marketing_messages_from_2_July_2025()
    {
        var smsConsent = new ConsentRecord(P("2025-01-06 12:00")) { Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = Acme };
        var sms = new ContactRequest(PersonIn(Paris), ContactChannel.Sms) { Caller = Acme, Subject = "energy-renovation/heat-pumps", Consents = ImmutableArray.Create(smsConsent) };
        AssertAllowed(Evaluate(Fr, sms, P("2025-07-01 23:59")));
        var banned = Evaluate(Fr, sms, P("2025-07-02 00:00"));
        AssertRefusedBy(banned, "FR-SECT-01");
        Assert.Null(banned.NextPermittedAt);

        AssertRefusedBy(Evaluate(Fr, new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = "energy-renovation" }, P("2025-07-01 11:00")), "FR-SECT-01");
    }

    // The consumer asked for information on Monday 7 September 2026. Working days after it:
    // 8, 9, 10, 11 and 14 September, so a call answering it is not canvassing for the ban through
    // Monday 14 September (19:59 allowed), and is banned again from Tuesday 15 September.
    [Theory]
    [InlineData("2026-09-07", "2026-09-07 11:00", true)]
    [InlineData("2026-09-07", "2026-09-14 19:59", true)]
    [InlineData("2026-09-07", "2026-09-15 10:00", false)]
    // Asked on Tuesday 10 November 2026; Wednesday 11 November is Armistice Day, so the five working
    // days are 12, 13, 16, 17 and 18 November.
    [InlineData("2026-11-10", "2026-11-18 19:59", true)]
    [InlineData("2026-11-10", "2026-11-19 10:00", false)]
    public void FR_SECT_01_a_call_answering_the_consumers_own_request_within_five_working_days(string inquiry, string at, bool allowed)
    {
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), LastInquiry = Date(inquiry) };
        var call = new ContactRequest(contact) { Caller = Acme, Subject = "energy-renovation", Consents = ImmutableArray.Create(ConsentTo(P("2026-09-01 11:00"))) };
        var decision = Evaluate(Fr, call, P(at));
        if (allowed)
        {
            AssertAllowed(decision);
        }
        else
        {
            AssertRefusedBy(decision, "FR-SECT-01");
            Assert.Null(decision.NextPermittedAt);
        }
    }

    // R223-4 applies from 11 August 2026: a request of Friday 7 August (working days 10–14 August)
    // does not exempt a call on Monday 10 August, but does from Tuesday 11 August: the ban refuses
    // until 11 August 00:00 and the next permitted instant is 11 August 10:00.
    [Fact]
    public void FR_SECT_01_the_answer_to_a_request_is_exempt_from_11_August_2026_only()
    {
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), LastInquiry = Date("2026-08-07") };
        var call = new ContactRequest(contact) { Caller = Acme, Subject = "renewable-energy", Consents = ImmutableArray.Create(ConsentTo(P("2026-08-01 11:00"))) };
        var monday = Evaluate(Fr, call, P("2026-08-10 11:00"));
        AssertRefusedBy(monday, "FR-SECT-01");
        Assert.Equal(P("2026-08-11 00:00"), Assert.Single(monday.Violations).Until);
        Assert.Equal(P("2026-08-11 10:00"), monday.NextPermittedAt);
    }

    // Only a call answers the request: a message the next day stays banned. Consent never lifts it.
    [Fact]
    public void FR_SECT_01_a_message_does_not_answer_a_request_and_consent_never_lifts_the_ban()
    {
        var contact = new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), LastInquiry = Date("2026-09-07") };
        var smsConsent = new ConsentRecord(P("2026-09-01 11:00")) { Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = Acme };
        var sms = new ContactRequest(contact, ContactChannel.Sms) { Caller = Acme, Subject = "home-adaptation", Consents = ImmutableArray.Create(smsConsent) };
        AssertRefusedBy(Evaluate(Fr, sms, P("2026-09-08 11:00")), "FR-SECT-01");

        var noInquiry = new ContactRequest(PersonIn(Paris)) { Caller = Acme, Subject = "home-adaptation", Consents = ImmutableArray.Create(ConsentTo(P("2026-09-01 11:00"))) };
        AssertRefusedBy(Evaluate(Fr, noInquiry, P("2026-09-08 11:00")), "FR-SECT-01");
    }
}
