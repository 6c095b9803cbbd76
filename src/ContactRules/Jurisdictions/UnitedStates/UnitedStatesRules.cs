using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// United States, federal: the TCPA and the FCC's rules (47 U.S.C. 227; 47 CFR 64.1200) and the
/// FTC's Telemarketing Sales Rule (16 CFR Part 310), each as it reads in the law.
/// </summary>
/// <remarks>
/// <para>
/// Telemarketing (purpose <see cref="ContactPurpose.Marketing"/>, calls and texts alike, since a
/// text is a call under the TCPA): 08:00–21:00 at the called party's location, lifted only by the
/// person's consent to be called outside those hours (US-HOURS-01); no solicitation of a number
/// on the National Do Not Call Registry, effective 31 days after registration, nor with a
/// registry version more than 31 days old, unless the person has an established business
/// relationship (18 months after a purchase, 3 after an inquiry, ended by a company opt-out) or
/// gave permission (US-DNC-01).
/// </para>
/// <para>
/// Every purpose: a company opt-out is honoured at once and for good (US-IDNC-01), and its
/// 10-business-day legal deadline is reported as an advisory (US-IDNC-DEADLINE-01); automated
/// calls and texts need the person's prior express consent (US-CONS-01); automated calls made
/// without consent under an exemption (informational, debt collection) are limited by the
/// TRACED Act rules (US-TRACED-01, US-TRACED-DAY-01).
/// </para>
/// <para>
/// Consent to automated calls and texts: a revocation by any reasonable means ends it at once
/// (US-REVOKE-01, from 11 April 2025, with the 10-business-day deadline as an advisory); from
/// 31 January 2027 a revocation ends every consent to the same caller (US-REVOKE-02); a consent
/// granted up to the number's last permanent disconnection was the previous holder's
/// (US-RND-01, <see cref="Contact.LastPermanentDisconnection"/>).
/// </para>
/// <para>
/// The catalogue gives no start date for the hours, registry and consent rules (in force since
/// the 1992 FCC rules and the 2003 registry): they are applied at every date. Where a catalogue
/// row covers two constraints, the first rule carries the row's id and the second an id of the
/// same pattern naming its part (US-IDNC-DEADLINE-01, US-TRACED-DAY-01): a policy needs one id
/// per rule.
/// </para>
/// </remarks>
public static class UnitedStatesRules
{
    /// <summary>The citation of the FCC's calling-hours rule and the TSR's.</summary>
    public const string HoursCitation = "47 CFR 64.1200(c)(1); 16 CFR 310.4(c)";

    /// <summary>The date the FCC's 10-business-day opt-out deadline came into force (FCC 24-24).</summary>
    public static readonly LocalDate TenBusinessDaysInForce = new LocalDate(2025, 4, 11);

    /// <summary>The date the TRACED Act limits on exempted prerecorded calls came into force (FCC 20-186).</summary>
    public static readonly LocalDate TracedLimitsInForce = new LocalDate(2023, 7, 20);

    /// <summary>Telemarketing: marketing calls and texts.</summary>
    public static RuleScope Telemarketing { get; } = new RuleScope(purposes: new[] { ContactPurpose.Marketing });

    /// <summary>
    /// The calls the TRACED Act limits: artificial or prerecorded voice calls, without consent,
    /// made under an exemption (non-commercial, commercial without telemarketing, debt collection).
    /// Prerecorded telemarketing is not exempt: it needs consent (US-CONS-01).
    /// </summary>
    public static RuleScope ExemptedPrerecordedCalls { get; } = new RuleScope(
        channels: new[] { ContactChannel.Voice },
        purposes: new[] { ContactPurpose.Informational, ContactPurpose.DebtCollection },
        automated: true);

    /// <summary>The person's prior express consent, which takes a call out of the TRACED Act limits.</summary>
    public static RuleExemption PriorExpressConsent { get; } = new ConsentExemption(
        outsideHoursOnly: false,
        "the person's prior express consent to such calls (47 CFR 64.1200(a)(3))");

    /// <summary>US-HOURS-01: telemarketing only 08:00–21:00 at the called party's location.</summary>
    /// <remarks>
    /// The TSR lifts the hours on the person's prior consent; ContactRules accepts only a consent
    /// that names calls outside the legal hours. The FCC rule arguably does not reach calls to
    /// EBR customers (they are not "telephone solicitations"), but the TSR does: no EBR exemption.
    /// </remarks>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-HOURS-01", HoursCitation)
        {
            Description = "No telemarketing call or text before 8:00 a.m. or after 9:00 p.m. local time at the called party's location (every candidate zone), unless the person consented to calls at other hours.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2 (FTC guide, legalclarity).",
            Reading = "Only a consent that names calls outside the legal hours lifts them. No exemption for an established business relationship: the TSR reaches those calls even if the FCC rule may not.",
            Scope = Telemarketing,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(
                outsideHoursOnly: true,
                "the person's prior consent to be called outside 8:00 a.m.–9:00 p.m. (16 CFR 310.4(c))")),
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)));

    /// <summary>
    /// US-DNC-01: no telephone solicitation to a number on the National Do Not Call Registry, from
    /// 31 days after its registration; a registry version older than 31 days refuses every
    /// contact it could cover.
    /// </summary>
    /// <remarks>
    /// Exempt: an established business relationship (a purchase in the 18 months, or an inquiry
    /// in the 3 months, before the call; a company opt-out ends it even if purchases continue),
    /// and the person's prior express invitation or permission (the consent record passed must be
    /// the signed, written agreement the rule asks for).
    /// </remarks>
    public static OptOutSuppression NationalDoNotCall { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("US-DNC-01", "47 CFR 64.1200(c)(2), (f)(5); 16 CFR 310.4(b)(1)(iii)(B)")
        {
            Description = "No telephone solicitation of a number on the National Do Not Call Registry from 31 days after its registration, nor with a registry version more than 31 days old, except to a person with an established business relationship (purchase within 18 months, inquiry within 3 months, ended by a company opt-out) or who gave written permission.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2 (FTC consumer page, legalclarity).",
            Reading = "A registry version older than 31 days refuses every contact the registry could cover.",
            Scope = Telemarketing,
            Exemptions = ImmutableArray.Create<RuleExemption>(
                new RelationshipExemption(
                    purchaseMonths: 18,
                    inquiryMonths: 3,
                    lostOnCompanyOptOut: true,
                    "an established business relationship: a purchase or transaction within the 18 months, or an inquiry or application within the 3 months, before the call; a company do-not-call request ends it (47 CFR 64.1200(f)(5))"),
                new ConsentExemption(
                    outsideHoursOnly: false,
                    "the person's prior express invitation or permission, in a signed written agreement (47 CFR 64.1200(c)(2)(ii))")),
        },
        ContactRegistry.UsDnc,
        legalDelay: Duration.FromDays(31),
        maxSnapshotAge: Duration.FromDays(31));

    /// <summary>
    /// US-IDNC-01: no contact after the person asked this company not to call, from the request on
    /// and for good (the law allows up to 10 business days to process it and requires honouring it
    /// for 5 years; ContactRules honours it at once and never lifts it).
    /// </summary>
    /// <remarks>
    /// Applies to every purpose: the FCC's company-specific list covers telemarketing, exempted
    /// callers must honour opt-outs too (FCC 20-186), and an opt-out does not say which purposes
    /// it meant. An opt-out limited to a channel (<see cref="OptOut.Channel"/>) stops that channel.
    /// </remarks>
    public static OptOutSuppression CompanyDoNotCall { get; } = OptOutSuppression.Company(
        new RuleMetadata("US-IDNC-01", "47 CFR 64.1200(d), as amended by FCC 24-24; 16 CFR 310.4(b)(1)(iii)(A)")
        {
            Description = "No call or text to a person who asked this company not to contact them, from the request on, whatever the relationship.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (govinfo FR 2024-04587).",
            Reading = "Honoured at once and for good (the law: within 10 business days, for 5 years), for every purpose and every caller when the opt-out names none.",
        });

    /// <summary>
    /// US-IDNC-DEADLINE-01: the 10-business-day deadline to honour a company opt-out, reported as
    /// an advisory while it runs (business days: Monday to Friday except federal holidays).
    /// </summary>
    /// <remarks>
    /// The second half of catalogue row US-IDNC-01, under its own id so that ids stay unique in a policy.
    /// The FCC did not define business days; ContactRules' reading excludes weekends and the
    /// federal holidays of 5 U.S.C. 6103 (regulations.md 2.5).
    /// </remarks>
    public static OptOutDeadline CompanyDoNotCallDeadline { get; } = new OptOutDeadline(
        new RuleMetadata("US-IDNC-DEADLINE-01", "47 CFR 64.1200(d)(3) and (a)(10), as amended by FCC 24-24")
        {
            Description = "A do-not-call request must be honoured within a reasonable time not exceeding 10 business days from its receipt; ContactRules refuses at once and reports the deadline.",
            Verification = VerificationLevel.Interpretation,
            VerificationNote = "Catalogue: V1 for the 10 business days; the meaning of business days is ContactRules' interpretation (regulations.md 2.5).",
            Reading = "Business days are Monday to Friday except the federal holidays; the deadline ends at the earliest candidate zone's midnight.",
            InForce = InForcePeriod.Since(TenBusinessDaysInForce),
        },
        businessDays: 10,
        UnitedStatesHolidays.Federal);

    /// <summary>
    /// US-CONS-01: an automated call or text (autodialed, artificial or prerecorded voice) needs
    /// the person's prior express consent (prior express written consent for telemarketing).
    /// </summary>
    /// <remarks>
    /// The statute requires it for wireless numbers and for prerecorded telemarketing to
    /// residential lines. A US number does not tell whether it is wireless (numbers are ported
    /// between lines), so ContactRules requires consent for every automated contact. For
    /// telemarketing, the consent record passed must be a prior express written consent.
    /// </remarks>
    public static ConsentRequirement AutomatedConsent { get; } = new ConsentRequirement(
        new RuleMetadata("US-CONS-01", "47 U.S.C. 227(b)(1); 47 CFR 64.1200(a)(1)-(3), (f)")
        {
            Description = "No autodialed, artificial-voice or prerecorded call or text without the person's prior express consent (written, for telemarketing); any number may be wireless.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            Reading = "A US number does not tell whether it is wireless: every automated contact needs consent.",
            Scope = new RuleScope(automated: true),
        });

    /// <summary>
    /// US-TRACED-01: at most 3 exempted artificial or prerecorded voice calls within any
    /// consecutive 30 days, per caller, unless the person consented.
    /// </summary>
    /// <remarks>
    /// "Any consecutive 30-day period" is read as a rolling 30 × 24 hours, the stricter of the
    /// readings. Every placed call counts, answered or not.
    /// </remarks>
    public static FrequencyCap TracedExemptedCalls { get; } = TracedCap(
        "US-TRACED-01",
        "47 CFR 64.1200(a)(3)(ii)-(iv) (FCC 20-186, TRACED Act s. 8)",
        "A caller may make at most 3 exempted artificial or prerecorded voice calls (non-commercial, commercial without telemarketing, tax-exempt nonprofit) to a residential line within any consecutive 30 days, unless the person consented.",
        maxCalls: 3,
        Duration.FromDays(30),
        "\"Any consecutive 30-day period\" is read as a rolling 30 × 24 hours, the stricter reading; every placed call counts, answered or not.");

    /// <summary>
    /// US-TRACED-DAY-01: at most 1 exempted artificial or prerecorded voice call a day, per caller,
    /// unless the person consented: the health-care limit, applied to every exempted call because
    /// ContactRules cannot tell a HIPAA health-care message from another exempted call.
    /// </summary>
    /// <remarks>
    /// A day is read as a rolling 24 hours (an earlier call exactly 24 hours before no longer
    /// counts), the stricter reading. Together with <see cref="TracedExemptedCalls"/> this allows
    /// only calls that both the general and the health-care limits allow. Health-care callers who
    /// know their messages are HIPAA health-care messages use <see cref="HealthCarePack"/>.
    /// </remarks>
    public static FrequencyCap TracedDaily { get; } = TracedCap(
        "US-TRACED-DAY-01",
        "47 CFR 64.1200(a)(3)(v) (FCC 20-186, TRACED Act s. 8)",
        "At most 1 exempted artificial or prerecorded voice call a day (rolling 24 hours) from a caller to a person, unless the person consented (the HIPAA health-care limit, applied conservatively to every exempted call).",
        maxCalls: 1,
        Duration.FromDays(1),
        "The HIPAA health-care limit of 1 a day is applied to every exempted call (ContactRules cannot tell a health-care message from another), as a rolling 24 hours.");

    /// <summary>
    /// US-TRACED-WEEK-01: at most 3 HIPAA health-care artificial or prerecorded voice calls a week
    /// (rolling 7 × 24 hours), per caller, unless the person consented. Only in <see cref="HealthCarePack"/>.
    /// </summary>
    public static FrequencyCap TracedHealthCareWeekly { get; } = TracedCap(
        "US-TRACED-WEEK-01",
        "47 CFR 64.1200(a)(3)(v) (FCC 20-186, TRACED Act s. 8)",
        "At most 3 HIPAA health-care artificial or prerecorded voice calls a week (rolling 7 days) from a caller to a person, unless the person consented.",
        maxCalls: 3,
        Duration.FromDays(7),
        "A week is read as a rolling 7 × 24 hours.");

    /// <summary>
    /// US-REVOKE-01: a revocation of consent, made by any reasonable means, is honoured from the
    /// instant it is made; the 10-business-day deadline to honour it is reported as an advisory.
    /// </summary>
    /// <remarks>
    /// Names the revocation beside US-CONS-01 when a revoked consent is the only one that would
    /// have covered an automated call or text. The rule took effect on 11 April 2025 (47 CFR
    /// 64.1200(a)(10), FCC 24-24); a consent revoked earlier is no consent either (US-CONS-01).
    /// </remarks>
    public static ConsentRevocation Revocation { get; } = new ConsentRevocation(
        new RuleMetadata("US-REVOKE-01", "47 CFR 64.1200(a)(10) (FCC 24-24)")
        {
            Description = "A person may revoke consent to robocalls and robotexts by any reasonable means (a reply of STOP, QUIT, END, REVOKE, OPT OUT, CANCEL or UNSUBSCRIBE among them); the revocation must be honoured within 10 business days, and ContactRules honours it from the instant it is made.",
            InForce = InForcePeriod.Since(TenBusinessDaysInForce),
            Scope = AutomatedConsent.Scope,
            Reading = "The 10 business days are a deadline to report, never a grace period: no contact relies on a consent after its revocation. Business days are Monday to Friday except the federal holidays (regulations.md 2.5). Whether a reply in other words revokes is left to a person (RevocationReplies reports it as ambiguous), never guessed.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue row 11.3 US-REVOKE-01: V2 (row 8: V1 govinfo for the rule text).",
        },
        revokesAll: false,
        honourWithinBusinessDays: 10,
        UnitedStatesHolidays.Federal);

    /// <summary>The date the FCC's "revoke all" rule takes effect, after two waivers (CGB order DA 26-12, 6 January 2026).</summary>
    public static readonly LocalDate RevokeAllInForce = new LocalDate(2027, 1, 31);

    /// <summary>
    /// US-REVOKE-02: from 31 January 2027, a revocation in answer to one kind of robocall or
    /// robotext ends the person's consent to all of the caller's robocalls and robotexts, on
    /// unrelated matters too ("revoke all").
    /// </summary>
    /// <remarks>
    /// Dated so that it switches on by itself on the called person's local 31 January 2027. The
    /// 2025 rulemaking may still change it; the catalogue's section 8 numbered this part
    /// US-REVOKE-03 and section 11 renumbers it US-REVOKE-02 (section 11 governs).
    /// </remarks>
    public static ConsentRevocation RevokeAll { get; } = new ConsentRevocation(
        new RuleMetadata("US-REVOKE-02", "47 CFR 64.1200(a)(10) (FCC 24-24), revoke-all provision as delayed by CGB order DA 26-12")
        {
            Description = "From 31 January 2027, a revocation of consent to one robocall or robotext ends the person's consent to every robocall and robotext of that caller, on unrelated matters too; a consent given after the revocation counts.",
            InForce = InForcePeriod.Since(RevokeAllInForce),
            Scope = AutomatedConsent.Scope,
            Reading = "A revocation of a consent that names no entity, or a request that names no caller, is taken to concern this caller. Every channel and purpose of the caller is swept, exempted informational calls included (the catalogue's section 8 lists them as exempt; not applied).",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue rows 11.3 US-REVOKE-02 and 8 US-REVOKE-03: V2 (CGB order DA 26-12, law-firm alerts).",
        },
        revokesAll: true);

    /// <summary>
    /// US-RND-01: a consent given by the number's previous holder does not survive the number's
    /// permanent disconnection: names it beside US-CONS-01 when it is the only consent that
    /// would have covered an automated call or text.
    /// </summary>
    /// <remarks>
    /// The Reassigned Numbers Database (47 CFR 64.1200(m)) reports a number's last permanent
    /// disconnection date (<see cref="Contact.LastPermanentDisconnection"/>); every consent
    /// granted up to that date covers nothing, in every pack (<see cref="ConsentRecord.Covers(ContactRequest)"/>):
    /// the DNC permission (US-DNC-01) and the consent to other hours (US-HOURS-01) fall with it.
    /// </remarks>
    public static ReassignedNumberConsent ReassignedNumber { get; } = new ReassignedNumberConsent(
        new RuleMetadata("US-RND-01", "47 CFR 64.1200(m) (Reassigned Numbers Database, FCC 18-177)")
        {
            Description = "A consent given by the number's previous holder does not survive the number's permanent disconnection: a consent granted on or before the last permanent disconnection date the Reassigned Numbers Database reports does not count.",
            InForce = InForcePeriod.Since(new LocalDate(2021, 11, 1)),
            Scope = AutomatedConsent.Scope,
            Reading = "The database gives a date: a consent granted on that date is taken as given by the previous holder, and the date is judged in every candidate zone (UTC-12 when none is known). The safe harbour for a caller who checked and was wrongly told the number was not reassigned is a defence, not a permission: not applied.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue row 11.3 US-RND-01: V2, \"2021 (RND live)\"; the database opened to callers on 1 November 2021 (the day not verified).",
        });

    /// <summary>
    /// The <c>us</c> pack: US-HOURS-01, US-DNC-01, US-IDNC-01, US-IDNC-DEADLINE-01, US-CONS-01,
    /// US-REVOKE-01, US-REVOKE-02, US-RND-01, US-TRACED-01 and US-TRACED-DAY-01.
    /// </summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us", new ContactRule[]
    {
        Hours, NationalDoNotCall, CompanyDoNotCall, CompanyDoNotCallDeadline, AutomatedConsent, Revocation, RevokeAll, ReassignedNumber, TracedExemptedCalls, TracedDaily,
    });

    /// <summary>
    /// The <c>us</c> pack for a caller whose exempted prerecorded calls are HIPAA health-care
    /// messages: the TRACED limits are 1 a day and 3 a week (US-TRACED-DAY-01, US-TRACED-WEEK-01)
    /// instead of 3 in 30 days. Not a pack id of the evaluate contract: select it in code.
    /// </summary>
    public static ContactPolicy HealthCarePack { get; } = new ContactPolicy("us-health-care", new ContactRule[]
    {
        Hours, NationalDoNotCall, CompanyDoNotCall, CompanyDoNotCallDeadline, AutomatedConsent, Revocation, RevokeAll, ReassignedNumber, TracedDaily, TracedHealthCareWeekly,
    });

    // The TRACED limits differ only in their count and window: every placed exempted call of the
    // caller counts, answered or not, and consent takes a call out of them.
    private static FrequencyCap TracedCap(string id, string citation, string description, int maxCalls, Duration window, string reading)
        => new FrequencyCap(
            new RuleMetadata(id, citation)
            {
                Description = description,
                InForce = InForcePeriod.Since(TracedLimitsInForce),
                Scope = ExemptedPrerecordedCalls,
                Exemptions = ImmutableArray.Create(PriorExpressConsent),
                Reading = reading,
                Verification = VerificationLevel.OfficialText,
                VerificationNote = "Catalogue: V1 (FCC 20-186); V2 (manatt).",
            },
            maxCalls,
            FrequencyWindow.OfRollingDuration(window),
            CountingKey.Caller,
            AttemptFilter.Any.OnChannels(ContactChannel.Voice).ForPurposes(ContactPurpose.Informational, ContactPurpose.DebtCollection));
}
