using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The same French cases evaluated on either side of the law's dates: D223-9 from 1 March 2023;
/// Bloctel until 10 August 2026 inclusive, prior consent and FR-STOP-01 from 11 August 2026
/// (docs/conventions.md, "Law over time").
/// </summary>
public class FranceLawOverTimeTests
{
    private static readonly ContactPolicy Fr = FranceRules.Pack;

    private static Instant P(string local) => Local(local, Paris);

    private static ContactRequest Request(bool onBloctel = false, bool consent = false, bool contract = false)
    {
        var contact = new Contact("c-1")
        {
            TimeZones = ImmutableArray.Create(Paris),
            Contract = contract ? new ContractStatus(true, true) : null,
        };
        return new ContactRequest(contact)
        {
            Caller = Acme,
            OptOuts = onBloctel ? ImmutableArray.Create(Registered(ContactRegistry.Bloctel, P("2025-01-06 12:00"))) : ImmutableArray<OptOut>.Empty,
            Consents = consent ? ImmutableArray.Create(ConsentTo(P("2026-07-01 12:00"))) : ImmutableArray<ConsentRecord>.Empty,
        };
    }

    // Tuesday 28 February 2023 and Wednesday 1 March 2023, 21:00: before D223-9 no hours rule
    // applied; from 1 March the 20:00 closing applies, next permitted Thursday 2 March 10:00.
    [Fact]
    public void FR_HOURS_01_an_evening_call_the_day_before_and_the_day_D223_9_came_into_force()
    {
        AssertAllowed(Evaluate(Fr, Request(), P("2023-02-28 21:00")));
        var decision = Evaluate(Fr, Request(), P("2023-03-01 21:00"));
        AssertRefusedBy(decision, "FR-HOURS-01");
        Assert.Equal(P("2023-03-02 10:00"), decision.NextPermittedAt);
    }

    // Four attempts on 20–23 February 2023. A fifth on Tuesday 28 February is lawful (no cap
    // yet); on Wednesday 1 March the window 31 Jan–1 Mar holds 4, so it is refused until the
    // attempt of 20 February leaves: 20 Feb + 30 days = Wednesday 22 March 2023, 10:00.
    [Fact]
    public void FR_FREQ_01_a_fifth_attempt_the_day_before_and_the_day_the_cap_came_into_force()
    {
        var history = new[]
        {
            Attempt(P("2023-02-20 11:00")), Attempt(P("2023-02-21 11:00")),
            Attempt(P("2023-02-22 11:00")), Attempt(P("2023-02-23 11:00")),
        };
        AssertAllowed(Evaluate(Fr, Request(), P("2023-02-28 11:00"), history));
        var decision = Evaluate(Fr, Request(), P("2023-03-01 11:00"), history);
        AssertRefusedBy(decision, "FR-FREQ-01");
        Assert.Equal(P("2023-03-22 10:00"), decision.NextPermittedAt);
    }

    // A refusal on Wednesday 15 February 2023 (R + 60 = 16 April). Before 1 March no cooldown
    // applied; from 1 March the refusal blocks until the end of 16 April, which is a Sunday:
    // next permitted Monday 17 April 2023 10:00 (Easter Monday was 10 April).
    [Fact]
    public void FR_COOL_01_a_refusal_the_day_before_and_the_day_D223_9_came_into_force()
    {
        var refusal = Attempt(P("2023-02-15 11:00"), AttemptOutcome.Refused);
        AssertAllowed(Evaluate(Fr, Request(), P("2023-02-28 11:00"), refusal));
        var decision = Evaluate(Fr, Request(), P("2023-03-01 11:00"), refusal);
        AssertRefusedBy(decision, "FR-COOL-01");
        Assert.Equal(P("2023-04-17 10:00"), decision.NextPermittedAt);
    }

    // No holiday falls on 28 February or 1 March; the holiday rule is checked on the Easter
    // Mondays either side: 18 April 2022 (before D223-9) and 10 April 2023 (after).
    [Fact]
    public void FR_HOL_01_and_FR_HOL_02_apply_to_holidays_from_1_March_2023_only()
    {
        AssertAllowed(Evaluate(Fr, Request(), P("2022-04-18 11:00")));
        AssertRefusedBy(Evaluate(Fr, Request(), P("2023-04-10 11:00")), "FR-HOL-01");
        var strasbourg = new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), Region = "FR-67" }) { Caller = Acme };
        AssertAllowed(Evaluate(Fr, strasbourg, P("2022-04-15 11:00")));                // Good Friday 2022
        AssertRefusedBy(Evaluate(Fr, strasbourg, P("2023-04-07 11:00")), "FR-HOL-02"); // Good Friday 2023
    }

    // Monday 10 and Tuesday 11 August 2026, 11:00 Paris.
    [Fact]
    public void FR_LIST_01_then_FR_CONS_01_protect_a_Bloctel_registrant_without_consent()
    {
        var monday = Evaluate(Fr, Request(onBloctel: true), P("2026-08-10 11:00"));
        AssertRefusedBy(monday, "FR-LIST-01");

        // Bloctel itself stops at the end of 10 August; the consent rule then refuses for good.
        Assert.Equal(P("2026-08-11 00:00"), Assert.Single(monday.Violations).Until);
        Assert.Null(monday.NextPermittedAt);

        AssertRefusedBy(Evaluate(Fr, Request(onBloctel: true), P("2026-08-11 11:00")), "FR-CONS-01");
    }

    [Fact]
    public void FR_LIST_01_ends_and_FR_CONS_01_lets_a_registrant_who_consented_be_called_from_11_August()
    {
        // Bloctel had no consent exemption; under the new L223-1 the consent is what counts.
        var monday = Evaluate(Fr, Request(onBloctel: true, consent: true), P("2026-08-10 11:00"));
        AssertRefusedBy(monday, "FR-LIST-01");
        Assert.Equal(P("2026-08-11 10:00"), monday.NextPermittedAt);
        AssertAllowed(Evaluate(Fr, Request(onBloctel: true, consent: true), P("2026-08-11 11:00")));
    }

    [Fact]
    public void FR_CONS_01_a_person_not_on_Bloctel_and_without_consent_is_callable_on_10_August_only()
    {
        AssertAllowed(Evaluate(Fr, Request(), P("2026-08-10 11:00")));
        var tuesday = Evaluate(Fr, Request(), P("2026-08-11 11:00"));
        AssertRefusedBy(tuesday, "FR-CONS-01");
        Assert.Null(tuesday.NextPermittedAt);
    }

    [Fact]
    public void FR_LIST_01_and_FR_CONS_01_a_customer_with_a_contract_in_progress_is_callable_under_both_regimes()
    {
        AssertAllowed(Evaluate(Fr, Request(onBloctel: true, contract: true), P("2026-08-10 11:00")));
        AssertAllowed(Evaluate(Fr, Request(onBloctel: true, contract: true), P("2026-08-11 11:00")));
    }

    // A refusal on Tuesday 2 June 2026: FR-COOL-01 blocks 2 June … 1 August. On 10 August the
    // customer is callable again; from 11 August FR-STOP-01 forbids any new call, for good, and
    // even to a customer with a contract in progress.
    [Fact]
    public void FR_STOP_01_a_consumer_who_asked_to_end_a_call_is_callable_on_10_August_and_never_from_11_August()
    {
        var refusal = Attempt(P("2026-06-02 11:00"), AttemptOutcome.Refused);
        AssertAllowed(Evaluate(Fr, Request(contract: true), P("2026-08-10 11:00"), refusal));

        var tuesday = Evaluate(Fr, Request(contract: true), P("2026-08-11 11:00"), refusal);
        AssertRefusedBy(tuesday, "FR-STOP-01");
        Assert.Null(tuesday.NextPermittedAt);

        // A refusal given to another professional does not bind this one.
        var otherCaller = Attempt(P("2026-06-02 11:00"), AttemptOutcome.Refused, caller: "other-brand");
        AssertAllowed(Evaluate(Fr, Request(contract: true), P("2026-08-11 11:00"), otherCaller));
    }

    [Fact]
    public void FR_STOP_01_from_11_August_a_refusal_blocks_for_good_and_FR_COOL_01_is_gone()
    {
        // Refusal on Tuesday 1 September 2026. Décret n° 2026-662 removed the 60-day cooldown from
        // 11 August 2026 (this test used to expect FR-COOL-01 here too, the pre-reform reading):
        // only FR-STOP-01 refuses, the next day and 61+ days later (Tuesday 3 November) alike.
        var refusal = Attempt(P("2026-09-01 11:00"), AttemptOutcome.Refused);
        AssertRefusedBy(Evaluate(Fr, Request(contract: true), P("2026-09-02 11:00"), refusal), "FR-STOP-01");
        AssertRefusedBy(Evaluate(Fr, Request(contract: true), P("2026-11-03 11:00"), refusal), "FR-STOP-01");
    }
}
