using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// France: the rules of the Code de la consommation on telephone canvassing, each as it reads in
/// the law.
/// </summary>
/// <remarks>
/// <para>
/// Article D223-9 (décret n° 2022-1313 du 13 octobre 2022, in force 1 March 2023) applies to every
/// commercial canvassing call to a consumer, existing customers included (the decree's notice
/// says so explicitly): Monday to Friday, 10:00–13:00 and 14:00–20:00 in the consumer's zone,
/// never on a public holiday; at most 4 calls or attempts in 30 calendar days per professional,
/// its subcontractors included; nothing for 60 full days after a refusal. Express prior consent
/// lifts the days and hours only. Whether D223-9 survives the 11 August 2026 reform unchanged is
/// not confirmed; the conservative reading keeps applying it.
/// </para>
/// <para>
/// Article L223-1 changes regime on 11 August 2026 (loi n° 2025-594 du 30 juin 2025, art. 13):
/// until 10 August 2026 inclusive, no canvassing of a number on Bloctel (FR-LIST-01); from
/// 11 August 2026, no canvassing without the consumer's prior consent (FR-CONS-01), and no new
/// call after a consumer asked to end one (FR-STOP-01). Both regimes exempt a solicitation made
/// in the execution of a contract in progress and related to its object. The pack also carries
/// the sector ban (FR-SECT-01), consent for automated calls (FR-AUTO-01, CPCE L34-5) and, because
/// the GDPR applies directly in France, the Art. 21 objection (EU-OBJ-01).
/// </para>
/// <para>
/// Overseas departments need nothing special: the hours and dates are those of the consumer's
/// own zone (Indian/Reunion, America/Martinique, America/Guadeloupe, America/Cayenne,
/// Indian/Mayotte). Their abolition-of-slavery days are not in the pack: D223-9 refers to
/// L3133-1 only and their dates are not verified in the rules catalogue.
/// </para>
/// </remarks>
public static class FranceRules
{
    /// <summary>The citation of article D223-9.</summary>
    public const string D223_9 = "Code de la consommation, art. D223-9";

    /// <summary>The date D223-9 came into force.</summary>
    public static readonly LocalDate D223_9InForce = new LocalDate(2023, 3, 1);

    /// <summary>Commercial canvassing by telephone: the calls D223-9 governs.</summary>
    public static RuleScope Canvassing { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>"Sauf consentement exprès et préalable": consent to calls outside the legal days and hours.</summary>
    public static RuleExemption ConsentOutsideHours { get; } = new ConsentExemption(
        outsideHoursOnly: true,
        "the consumer's express and prior consent to be called outside the legal days and hours (D223-9 al. 2)");

    /// <summary>FR-HOURS-01: Monday to Friday, 10:00–13:00 and 14:00–20:00, in the consumer's zone.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("FR-HOURS-01", D223_9 + " al. 1-2 (décret n° 2022-1313)")
        {
            Description = "Canvassing calls only Monday to Friday, 10:00–13:00 and 14:00–20:00 in the consumer's time zone, unless the consumer gave express prior consent.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ConsentOutsideHours),
        },
        WeeklyHours.Weekdays(LocalTimeInterval.Hours(10, 13), LocalTimeInterval.Hours(14, 20)));

    /// <summary>FR-HOL-01: no canvassing call on the public holidays of Code du travail art. L3133-1.</summary>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("FR-HOL-01", D223_9 + " al. 1; Code du travail, art. L3133-1")
        {
            Description = "No canvassing call on the eleven public holidays of Code du travail art. L3133-1, unless the consumer gave express prior consent.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ConsentOutsideHours),
        },
        FrenchHolidays.National);

    /// <summary>FR-FREQ-01: at most 4 calls or attempts per 30 calendar days, per professional and its subcontractors.</summary>
    public static FrequencyCap Frequency { get; } = new FrequencyCap(
        new RuleMetadata("FR-FREQ-01", D223_9 + " al. 3")
        {
            Description = "A professional, directly or through a third party acting for it, may not canvass or attempt to canvass the same consumer more than 4 times in 30 calendar days; every attempt counts, answered or not.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
        },
        maxAttempts: 4,
        FrequencyWindow.OfCalendarDays(30),
        CountingKey.Caller,
        AttemptFilter.Any.OnChannels(ContactChannel.Voice).ForPurposes(ContactPurpose.Marketing));

    /// <summary>FR-COOL-01: no contact or attempt for 60 full calendar days after a refusal during a conversation.</summary>
    public static OutcomeCooldown RefusalCooldown { get; } = new OutcomeCooldown(
        new RuleMetadata("FR-COOL-01", D223_9 + " al. 3")
        {
            Description = "After the consumer refuses the canvassing during a conversation, the professional may not contact or attempt to contact them for 60 full calendar days: a refusal on day R blocks R … R+60.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Refused),
        CooldownSpan.OfFullDaysAfter(60),
        CountingKey.Caller);

    /// <summary>
    /// FR-HOL-02: no canvassing call on Good Friday and 26 December to a consumer in
    /// Alsace-Moselle (regions <c>FR-57</c>, <c>FR-67</c>, <c>FR-68</c>, and <c>FR-6AE</c>).
    /// </summary>
    /// <remarks>
    /// D223-9 excludes only the holidays of L3133-1, so on a literal reading these local holidays
    /// (Code du travail, art. L3134-13, article number not verified) are callable days. The pack
    /// takes the reading that protects the consumer and excludes them for consumers whose
    /// <see cref="Contact.Region"/> is in Alsace-Moselle; a contact without a region is not
    /// covered. <c>FR-6AE</c>, the ISO 3166-2 code of the Collectivité européenne d'Alsace, is
    /// accepted besides the department codes. As for the national holidays, the consumer's
    /// express consent to calls outside the legal days lifts it (D223-9 al. 2).
    /// </remarks>
    public static HolidayExclusion AlsaceMoselleHolidays { get; } = new HolidayExclusion(
        new RuleMetadata("FR-HOL-02", D223_9 + " al. 1 (conservative reading); Code du travail, art. L3134-13 (local law of Alsace-Moselle)")
        {
            Description = "No canvassing call on Good Friday and 26 December to a consumer living in Moselle, Bas-Rhin or Haut-Rhin, unless the consumer gave express prior consent.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing }, regions: new[] { "FR-57", "FR-67", "FR-68", "FR-6AE" }),
            Exemptions = ImmutableArray.Create(ConsentOutsideHours),
        },
        FrenchHolidays.AlsaceMoselle);

    /// <summary>The citation of article L223-1.</summary>
    public const string L223_1 = "Code de la consommation, art. L223-1";

    /// <summary>The last day of the Bloctel regime: 10 August 2026.</summary>
    public static readonly LocalDate BloctelLastDay = new LocalDate(2026, 8, 10);

    /// <summary>The first day of the prior-consent regime (loi n° 2025-594, art. 13, III): 11 August 2026.</summary>
    public static readonly LocalDate ConsentRegimeInForce = new LocalDate(2026, 8, 11);

    /// <summary>
    /// "Sollicitations intervenant dans le cadre de l'exécution d'un contrat en cours": a call in
    /// the execution of a contract in progress and related to its object.
    /// </summary>
    public static RuleExemption ContractInProgress { get; } = new ContractExemption(
        "a solicitation in the execution of a contract in progress and related to its object, ancillary, complementary or upgrade offers included (L223-1)");

    /// <summary>
    /// FR-LIST-01: no canvassing of a consumer whose number is on Bloctel, from the date its
    /// registration takes effect, until 10 August 2026 inclusive.
    /// </summary>
    /// <remarks>
    /// The receipt states the date the registration takes effect, at the latest 30 days after it
    /// is issued (R223-3): give it as <see cref="OptOut.EffectiveAt"/>; when it is not given, the
    /// registration protects the number from <see cref="OptOut.RequestedAt"/> + 30 days. The
    /// contract-in-progress exemption is the one of loi n° 2020-901 (26 July 2020). From 1 June
    /// 2016 to 25 July 2020 the law exempted any pre-existing contractual relationship; the pack
    /// applies the narrower 2020 exemption to those years too, which protects the consumer more.
    /// The newspapers and periodicals exception (L223-5) is not modelled. A consent does not lift
    /// it: the text knows only the contract exemption.
    /// </remarks>
    public static OptOutSuppression Bloctel { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("FR-LIST-01", L223_1 + " al. 2 (loi n° 2014-344; loi n° 2020-901); art. R223-3")
        {
            Description = "No canvassing of a consumer whose number is on the Bloctel opposition list, once the registration is effective (at most 30 days after the receipt), except within a contract in progress and about its object.",
            InForce = InForcePeriod.Between(new LocalDate(2016, 6, 1), BloctelLastDay),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ContractInProgress),
        },
        ContactRegistry.Bloctel,
        Duration.FromDays(30));

    /// <summary>
    /// FR-CONS-01: from 11 August 2026, no canvassing of a consumer who has not previously
    /// consented to telephone prospecting, except within a contract in progress and about its
    /// object.
    /// </summary>
    /// <remarks>
    /// The consent must be free, specific, informed, unambiguous, given by a clear positive act,
    /// and is revocable; the professional bears the burden of proof (new L223-1 al. 2-3). A
    /// <see cref="ConsentRecord"/> with a <see cref="ConsentRecord.RevokedAt"/> stops counting from
    /// that instant. The newspapers exception (L223-5) is not modelled.
    /// </remarks>
    public static ConsentRequirement PriorConsent { get; } = new ConsentRequirement(
        new RuleMetadata("FR-CONS-01", L223_1 + " al. 1-4 as amended by loi n° 2025-594 du 30 juin 2025, art. 13")
        {
            Description = "No canvassing of a consumer without their prior consent to telephone prospecting, except within a contract in progress and about its object.",
            InForce = InForcePeriod.Since(ConsentRegimeInForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ContractInProgress),
        });

    /// <summary>
    /// FR-STOP-01: from 11 August 2026, no new call after a consumer asked to end a call (an
    /// attempt with outcome <see cref="AttemptOutcome.Refused"/>), by the same professional.
    /// </summary>
    /// <remarks>
    /// L221-16 as amended: the professional ends the call and refrains from contacting the
    /// consumer again. The exact text and date of the amendment are not verified; the pack takes
    /// the readings that protect the consumer: the ban starts with the consent regime on
    /// 11 August 2026, it counts refusals recorded before that date too, it has no end, and no
    /// exemption lifts it (neither a contract in progress nor a later consent).
    /// </remarks>
    public static OutcomeCooldown NoCallAfterEndRequest { get; } = new OutcomeCooldown(
        new RuleMetadata("FR-STOP-01", "Code de la consommation, art. L221-16 as amended by loi n° 2025-594 du 30 juin 2025")
        {
            Description = "After a consumer asked to end a canvassing call, the professional may not contact them again.",
            InForce = InForcePeriod.Since(ConsentRegimeInForce),
            Scope = Canvassing,
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Refused),
        CooldownSpan.Permanent,
        CountingKey.Caller);

    /// <summary>Subject code of canvassing for energy-saving equipment or works in housing (FR-SECT-01).</summary>
    public const string EnergyRenovationSubject = "energy-renovation";

    /// <summary>Subject code of canvassing for renewable-energy production equipment or works (FR-SECT-01).</summary>
    public const string RenewableEnergySubject = "renewable-energy";

    /// <summary>Subject code of canvassing for adapting housing to ageing or disability (FR-SECT-01).</summary>
    public const string HomeAdaptationSubject = "home-adaptation";

    /// <summary>
    /// FR-SECT-01: no canvassing for energy renovation, renewable energy or home adaptation to
    /// ageing or disability, except within a contract in progress. Callers name the sector in
    /// <see cref="ContactRequest.Subject"/>: <c>energy-renovation</c>, <c>renewable-energy</c>,
    /// <c>home-adaptation</c>, or a sub-subject such as <c>energy-renovation/insulation</c>.
    /// </summary>
    /// <remarks>
    /// The ban on energy-saving and renewable-energy canvassing dates from loi n° 2020-901
    /// (26 July 2020); loi n° 2025-594 adds adapting housing to ageing or disability, in the
    /// version of L223-1 that takes effect on 11 August 2026 (the exact start of that addition is
    /// not verified). One catalogue id is one rule, so the pack applies the three sectors from
    /// 26 July 2020: for home adaptation between 2020 and the reform this is stricter than the
    /// law, the reading that protects the consumer. Consent does not lift the ban; only a
    /// contract in progress does.
    /// </remarks>
    public static SubjectBan SectorBan { get; } = new SubjectBan(
        new RuleMetadata("FR-SECT-01", L223_1 + " al. 3 (loi n° 2020-901); al. 5 as amended by loi n° 2025-594")
        {
            Description = "No canvassing for energy-saving equipment or works, renewable-energy production, or adapting housing to ageing or disability, except within a contract in progress; the caller names the sector in the request's subject.",
            InForce = InForcePeriod.Since(new LocalDate(2020, 7, 26)),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ContractInProgress),
        },
        new[] { EnergyRenovationSubject, RenewableEnergySubject, HomeAdaptationSubject });

    /// <summary>FR-AUTO-01: no prospecting by automated calling system without the person's prior consent.</summary>
    /// <remarks>
    /// CPCE L34-5 (transposing Directive 2002/58/EC, art. 13(1)), to which C. consom. L223-7
    /// refers. It covers calls without human intervention (<see cref="ContactRequest.Automated"/>),
    /// not predictive-dialled calls that end with an agent. The CNIL accepts existing customers
    /// for analogous products of the same company; that is a regulator's reading of a text whose
    /// soft opt-in is written for e-mail, so the pack does not exempt them. Consent to automated
    /// calls has been required since before any date ContactRules evaluates (LCEN 2004 and its
    /// predecessor), so the rule is in force at every date.
    /// </remarks>
    public static ConsentRequirement AutomatedCallConsent { get; } = new ConsentRequirement(
        new RuleMetadata("FR-AUTO-01", "Code des postes et des communications électroniques, art. L34-5; Code de la consommation, art. L223-7")
        {
            Description = "No direct prospecting by an automated calling system (no live agent) without the person's prior consent.",
            Scope = new RuleScope(purposes: new[] { ContactPurpose.Marketing }, automated: true),
        });

    /// <summary>
    /// The <c>fr</c> pack: D223-9 (FR-HOURS-01, FR-HOL-01, FR-HOL-02, FR-FREQ-01, FR-COOL-01),
    /// L223-1 (FR-LIST-01 until 10 August 2026, FR-CONS-01 from 11 August 2026, FR-SECT-01),
    /// L221-16 (FR-STOP-01), L34-5 (FR-AUTO-01) and the GDPR objection (EU-OBJ-01).
    /// </summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("fr", new ContactRule[]
    {
        Hours, Holidays, AlsaceMoselleHolidays, Frequency, RefusalCooldown,
        Bloctel, PriorConsent, NoCallAfterEndRequest, SectorBan, AutomatedCallConsent,
        EuropeanUnionRules.Objection,
    });
}
