using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// The <c>uk</c> pack read against PECR reg. 19 and 21 and Ofcom's persistent-misuse rules
/// (regulations.md section 3). The UK rules count elapsed time, so instants are given in UTC.
/// </summary>
public class UnitedKingdomTests
{
    private static readonly ContactPolicy Uk = UnitedKingdomRules.Pack;

    private static ContactRequest Request(
        ImmutableArray<OptOut> optOuts = default,
        ImmutableArray<ConsentRecord> consents = default,
        ContactPurpose purpose = ContactPurpose.Marketing,
        bool liveAgent = false,
        bool automated = false,
        ContractStatus? contract = null)
        => new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(London), Contract = contract, LastPurchase = contract is null ? null : Date("2026-01-10") }, ContactChannel.Voice, purpose)
        {
            Caller = Acme,
            OptOuts = optOuts,
            Consents = consents,
            LiveAgentGuaranteed = liveAgent,
            Automated = automated,
        };

    // UK-LIST-01, reg. 21(3): registered Monday 2 March 2026 10:00Z; protected from
    // 2 March + 28 × 24 h = 30 March 2026 10:00Z (11:00 BST, summer time having started on 29 March).
    private static readonly ImmutableArray<OptOut> OnTps = ImmutableArray.Create(Registered(ContactRegistry.Tps, Utc("2026-03-02T10:00:00Z")));

    [Fact]
    public void UK_LIST_01_Tps_protects_a_number_28_days_after_registration()
    {
        AssertRefusedForGoodFrom(Uk, Request(OnTps), Utc("2026-03-30T10:00:00Z"), "UK-LIST-01");
    }

    [Fact]
    public void UK_LIST_01_Tps_does_not_exempt_existing_customers()
    {
        // Existing customers are not exempt: an active contract and a recent purchase change nothing.
        var customer = Request(OnTps, contract: new ContractStatus(true, true));
        AssertRefusedBy(Evaluate(Uk, customer, Utc("2026-04-07T10:00:00Z")), "UK-LIST-01");
    }

    [Fact]
    public void UK_LIST_01_Tps_yields_to_a_notification_of_no_objection_to_this_caller_until_it_is_withdrawn()
    {
        // Reg. 21(4): the subscriber told acme on 1 April 2026 they do not object, for the time being.
        var noObjection = new ConsentRecord(Utc("2026-04-01T09:00:00Z")) { Entity = Acme, RevokedAt = Utc("2026-05-01T09:00:00Z") };
        AssertAllowed(Evaluate(Uk, Request(OnTps, ImmutableArray.Create(noObjection)), Utc("2026-04-07T10:00:00Z")));

        // Reg. 21(5): withdrawn on 1 May 09:00 — refused from that instant.
        AssertAllowed(Evaluate(Uk, Request(OnTps, ImmutableArray.Create(noObjection)), Utc("2026-05-01T08:59:00Z")));
        AssertRefusedBy(Evaluate(Uk, Request(OnTps, ImmutableArray.Create(noObjection)), Utc("2026-05-01T09:00:00Z")), "UK-LIST-01");

        // A notification given to another company does not help acme.
        var toOther = new ConsentRecord(Utc("2026-04-01T09:00:00Z")) { Entity = "other-brand" };
        AssertRefusedBy(Evaluate(Uk, Request(OnTps, ImmutableArray.Create(toOther)), Utc("2026-04-07T10:00:00Z")), "UK-LIST-01");
    }

    [Fact]
    public void UK_LIST_01_Tps_applies_from_11_December_2003()
    {
        // PECR came into force on 11 December 2003 (London is on GMT, so the UTC date is the local one).
        var onTps = ImmutableArray.Create(Registered(ContactRegistry.Tps, Utc("2003-10-01T12:00:00Z")));
        AssertAllowed(Evaluate(Uk, Request(onTps), Utc("2003-12-10T12:00:00Z")));
        AssertRefusedBy(Evaluate(Uk, Request(onTps), Utc("2003-12-11T12:00:00Z")), "UK-LIST-01");
    }

    // UK-IDNC-01, reg. 21(1)(a): a "do not call me" is honoured at once, and only marketing calls are covered.
    [Fact]
    public void UK_IDNC_01_a_do_not_call_request_is_honoured_at_once()
    {
        var told = ImmutableArray.Create(new OptOut(OptOutKind.Company, Utc("2026-04-07T10:00:00Z")) { Entity = Acme });
        AssertAllowed(Evaluate(Uk, Request(told), Utc("2026-04-07T09:59:00Z")));
        var decision = Evaluate(Uk, Request(told), Utc("2026-04-07T10:00:00Z"));
        AssertRefusedBy(decision, "UK-IDNC-01");
        Assert.Null(decision.NextPermittedAt);

        AssertAllowed(Evaluate(Uk, Request(told, purpose: ContactPurpose.Informational), Utc("2026-04-07T10:00:00Z")));
        var toOther = ImmutableArray.Create(new OptOut(OptOutKind.Company, Utc("2026-04-07T10:00:00Z")) { Entity = "other-brand" });
        AssertAllowed(Evaluate(Uk, Request(toOther), Utc("2026-04-08T10:00:00Z")));
    }

    [Fact]
    public void UK_IDNC_01_a_do_not_call_request_binds_from_11_December_2003()
    {
        var told = ImmutableArray.Create(new OptOut(OptOutKind.Company, Utc("2003-11-03T10:00:00Z")));
        AssertAllowed(Evaluate(Uk, Request(told), Utc("2003-12-10T12:00:00Z")));
        AssertRefusedBy(Evaluate(Uk, Request(told), Utc("2003-12-11T12:00:00Z")), "UK-IDNC-01");
    }

    // UK-COOL-01: abandoned call Monday 4 May 2026 10:00Z blocks [10:00Z, 10:00Z + 72 h):
    // last refused minute Thursday 7 May 09:59Z, first allowed 7 May 10:00Z.
    private static readonly ContactAttempt Abandoned = Attempt(Utc("2026-05-04T10:00:00Z"), AttemptOutcome.Abandoned);

    [Theory]
    [InlineData(ContactPurpose.Marketing)]
    [InlineData(ContactPurpose.DebtCollection)] // Ofcom's persistent-misuse policy covers every call
    public void UK_COOL_01_no_repeat_call_for_72_hours_after_an_abandoned_call(ContactPurpose purpose)
    {
        var decision = Evaluate(Uk, Request(purpose: purpose), Utc("2026-05-07T09:59:00Z"), Abandoned);
        AssertRefusedBy(decision, "UK-COOL-01");
        Assert.Equal(Utc("2026-05-07T10:00:00Z"), decision.NextPermittedAt);
        AssertAllowed(Evaluate(Uk, Request(purpose: purpose), Utc("2026-05-07T10:00:00Z"), Abandoned));
    }

    [Fact]
    public void UK_COOL_01_a_guaranteed_live_operator_may_call_back_within_72_hours()
        => AssertAllowed(Evaluate(Uk, Request(liveAgent: true), Utc("2026-05-04T10:05:00Z"), Abandoned));

    [Fact]
    public void UK_COOL_01_an_abandoned_call_by_another_caller_also_counts()
    {
        // "Any repeat call" to the number: read literally, whoever abandoned the call.
        var byOther = Attempt(Utc("2026-05-04T10:00:00Z"), AttemptOutcome.Abandoned, caller: "other-brand");
        AssertRefusedBy(Evaluate(Uk, Request(), Utc("2026-05-05T10:00:00Z"), byOther), "UK-COOL-01");
    }

    // UK-COOL-02: machine detected Monday 4 May 2026 22:00Z blocks until Tuesday 5 May 22:00Z.
    [Fact]
    public void UK_COOL_02_no_repeat_call_for_24_hours_after_a_machine_was_detected()
    {
        var machine = Attempt(Utc("2026-05-04T22:00:00Z"), AttemptOutcome.Machine);
        var decision = Evaluate(Uk, Request(), Utc("2026-05-05T21:59:00Z"), machine);
        AssertRefusedBy(decision, "UK-COOL-02");
        Assert.Equal(Utc("2026-05-05T22:00:00Z"), decision.NextPermittedAt);
        AssertAllowed(Evaluate(Uk, Request(), Utc("2026-05-05T22:00:00Z"), machine));
        AssertAllowed(Evaluate(Uk, Request(liveAgent: true), Utc("2026-05-05T08:00:00Z"), machine));
    }

    [Fact]
    public void UK_COOL_02_machine_rule_applies_from_1_February_2011()
    {
        // Same 2-hour gap on Monday 31 January and Tuesday 1 February 2011.
        AssertAllowed(Evaluate(Uk, Request(), Utc("2011-01-31T12:00:00Z"), Attempt(Utc("2011-01-31T10:00:00Z"), AttemptOutcome.Machine)));
        AssertRefusedBy(Evaluate(Uk, Request(), Utc("2011-02-01T12:00:00Z"), Attempt(Utc("2011-02-01T10:00:00Z"), AttemptOutcome.Machine)), "UK-COOL-02");
    }

    [Fact]
    public void UK_COOL_02_a_voicemail_does_not_start_the_machine_rule()
        => AssertAllowed(Evaluate(Uk, Request(), Utc("2026-05-04T23:00:00Z"), Attempt(Utc("2026-05-04T22:00:00Z"), AttemptOutcome.Voicemail)));

    // UK-AUTO-01, reg. 19.
    [Fact]
    public void UK_AUTO_01_automated_marketing_calls_need_prior_consent_from_11_December_2003()
    {
        AssertAllowed(Evaluate(Uk, Request(automated: true), Utc("2003-12-10T12:00:00Z")));
        AssertRefusedBy(Evaluate(Uk, Request(automated: true), Utc("2003-12-11T12:00:00Z")), "UK-AUTO-01");
        var consent = ImmutableArray.Create(ConsentTo(Utc("2026-01-05T12:00:00Z")));
        AssertAllowed(Evaluate(Uk, Request(consents: consent, automated: true), Utc("2026-04-07T10:00:00Z")));
    }
}
