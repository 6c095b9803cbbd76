using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// France: the rules of the Code de la consommation on telephone canvassing, each as it reads in
/// the law on the date of the contact, and the CPCE's rule on marketing messages.
/// </summary>
/// <remarks>
/// <para>
/// Article D223-9 (décret n° 2022-1313 du 13 octobre 2022, in force 1 March 2023) applies to every
/// commercial canvassing call to a consumer, existing customers and newspaper canvassing (L223-5)
/// included: Monday to Friday, 10:00–13:00 and 14:00–20:00 in the consumer's zone, never on a
/// public holiday; at most 4 calls or attempts in 30 calendar days per professional, its
/// subcontractors included. Décret n° 2026-662 du 23 juillet 2026 rewrote it from 11 August 2026:
/// the days, hours and cap stay; the 60-day cooldown after a refusal (FR-COOL-01) ends on
/// 10 August 2026; and only a consent to be called at a precisely specified date and time (a slot
/// consent) lifts the days and hours, inside its slot, where until 10 August 2026 any express
/// prior consent to other times did.
/// </para>
/// <para>
/// Article L223-1 changes regime on 11 August 2026 (loi n° 2025-594 du 30 juin 2025, art. 13):
/// until 10 August 2026 inclusive, no canvassing of a number on Bloctel (FR-LIST-01); from
/// 11 August 2026, no canvassing without the consumer's prior consent (FR-CONS-01), a consent that
/// counts for at most 365 days from its collection (FR-CONS-02, R223-1), is withdrawn by a refusal
/// during a call (FR-WDRW-01, R223-3) and whose proof is kept 3 years (FR-PROOF-01, R223-2); and no
/// new call after a consumer asked to end one (FR-STOP-01). Both regimes exempt a solicitation made
/// in the execution of a contract in progress and related to its object, and canvassing for
/// newspapers and periodicals (L223-5, request subject <c>press</c>). The pack also carries the
/// sector ban (FR-SECT-01, messages included since 2 July 2025), consent for automated calls
/// (FR-AUTO-01) and for marketing messages (FR-EMSG-01, CPCE L34-5) and, because the GDPR applies
/// directly in France, the Art. 21 objection (EU-OBJ-01).
/// </para>
/// <para>
/// Overseas departments are judged in the consumer's own zone (Indian/Reunion,
/// America/Martinique, America/Guadeloupe, America/Cayenne, Indian/Mayotte), and their
/// abolition-of-slavery days are days without calls there (FR-HOL-02), on the conservative
/// reading of D223-9, which names only the holidays of L3133-1.
/// </para>
/// </remarks>
public static class FranceRules
{
    /// <summary>The citation of article D223-9.</summary>
    public const string D223_9 = "Code de la consommation, art. D223-9";

    /// <summary>The citation of décret n° 2026-662, which rewrote D223-9 and the R223 articles from 11 August 2026.</summary>
    public const string Decree2026_662 = "décret n° 2026-662 du 23 juillet 2026";

    /// <summary>The date D223-9 came into force.</summary>
    public static readonly LocalDate D223_9InForce = new LocalDate(2023, 3, 1);

    /// <summary>The citation of article L223-1.</summary>
    public const string L223_1 = "Code de la consommation, art. L223-1";

    /// <summary>The last day of the Bloctel regime, and of the 60-day cooldown: 10 August 2026.</summary>
    public static readonly LocalDate BloctelLastDay = new LocalDate(2026, 8, 10);

    /// <summary>
    /// The first day of the prior-consent regime (loi n° 2025-594, art. 13, III) and of décret
    /// n° 2026-662: 11 August 2026.
    /// </summary>
    public static readonly LocalDate ConsentRegimeInForce = new LocalDate(2026, 8, 11);

    /// <summary>Commercial canvassing by telephone: the calls D223-9 and L223-1 govern.</summary>
    public static RuleScope Canvassing { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>
    /// How the French rules read a consent to telephone canvassing: from 11 August 2026 it counts
    /// for at most 365 × 24 hours from its grant, whatever its own expiry or grant date (R223-1
    /// I 3°: one year from collection, no tacit renewal; a consent given before 11 August 2026 is
    /// not grandfathered), and a refusal during a call by this professional withdraws it at that
    /// instant (R223-3: withdrawal may be oral); at every date a company opt-out or an objection
    /// made after it ends it.
    /// </summary>
    public static ConsentReading CanvassingConsent { get; } = new ConsentReading
    {
        TermLimit = Duration.FromDays(365),
        WithdrawnByRefusal = true,
        LimitsFrom = ConsentRegimeInForce,
        EndedByOptOuts = true,
    };

    /// <summary>
    /// "Sauf consentement exprès et préalable" (D223-9 al. 2 before décret n° 2026-662): until
    /// 10 August 2026, a consent to calls outside the legal days and hours lifts them.
    /// </summary>
    /// <remarks>
    /// From 11 August 2026 such a consent without a slot no longer lifts the days and hours (it is
    /// still a consent to canvassing for FR-CONS-01). The exemption holds only while the local date
    /// is 10 August 2026 or earlier in every candidate zone: where the zone is uncertain, the
    /// stricter reading wins.
    /// </remarks>
    public static RuleExemption ConsentOutsideHours { get; } = new ConsentExemption(
        outsideHoursOnly: true,
        "until 10 August 2026, the consumer's express and prior consent to be called outside the legal days and hours (D223-9 al. 2 before décret n° 2026-662)")
    {
        InForce = new InForcePeriod(null, BloctelLastDay),
        ConsentReading = CanvassingConsent,
    };

    /// <summary>
    /// A consent to be called "à une date et à un horaire précisément spécifiés" (L223-1 al. 6;
    /// D223-9 as rewritten by décret n° 2026-662): it lifts the days and hours inside its slot
    /// only, in both regimes.
    /// </summary>
    /// <remarks>
    /// Before 11 August 2026 a slot consent is an express consent to that time, so it lifts the
    /// days and hours inside its slot then too; outside its slot it is no consent at all.
    /// </remarks>
    public static RuleExemption SlotConsent { get; } = new ConsentExemption(
        outsideHoursOnly: false,
        "a consent to be called at a precisely specified date and time, inside that slot only (L223-1 al. 6; D223-9 as rewritten by décret n° 2026-662)")
    {
        SlotOnly = true,
        ConsentReading = CanvassingConsent,
    };

    /// <summary>FR-HOURS-01: Monday to Friday, 10:00–13:00 and 14:00–20:00, in the consumer's zone.</summary>
    /// <remarks>
    /// Unchanged by décret n° 2026-662 except for the consent that lifts it: until 10 August 2026
    /// any express prior consent to other times (<see cref="ConsentOutsideHours"/>), from
    /// 11 August 2026 only a slot consent inside its slot (<see cref="SlotConsent"/>).
    /// </remarks>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("FR-HOURS-01", D223_9 + " al. 1-2 (décret n° 2022-1313)")
        {
            Description = "Canvassing calls only Monday to Friday, 10:00–13:00 and 14:00–20:00 in the consumer's time zone; until 10 August 2026 an express prior consent to other times lifts this, from 11 August 2026 only a consent to a precise slot, inside it.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ConsentOutsideHours, SlotConsent),
            Verification = VerificationLevel.QuotedOfficialText,
            VerificationNote = "Days and hours: V1 (Légifrance JORFTEXT000046421823). The slot-consent exemption from 11 August 2026: F-quoted (décret n° 2026-662).",
            Reading = "Windows are half-open, [10:00, 13:00) and [14:00, 20:00) in the consumer's zone. An outside-hours consent lifts them only while every candidate zone is on or before 10 August 2026; a slot consent lifts them inside its slot only, before and after that date.",
        },
        WeeklyHours.Weekdays(LocalTimeInterval.Hours(10, 13), LocalTimeInterval.Hours(14, 20)));

    /// <summary>FR-HOL-01: no canvassing call on the public holidays of Code du travail art. L3133-1.</summary>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("FR-HOL-01", D223_9 + " al. 1; Code du travail, art. L3133-1")
        {
            Description = "No canvassing call on the eleven public holidays of Code du travail art. L3133-1; until 10 August 2026 an express prior consent to other days lifts this, from 11 August 2026 only a consent to a precise slot, inside it.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ConsentOutsideHours, SlotConsent),
            Verification = VerificationLevel.QuotedOfficialText,
            VerificationNote = "Holidays: V1 (L3133-1). The slot-consent exemption from 11 August 2026: F-quoted (décret n° 2026-662).",
            Reading = "Judged on the consumer's local date in every candidate zone. An outside-hours consent lifts the holidays only until 10 August 2026; a slot consent inside its slot only.",
        },
        FrenchHolidays.National);

    /// <summary>
    /// FR-HOL-02: no canvassing call on the local holidays of the consumer's place: Good Friday and
    /// 26 December in Alsace-Moselle (regions <c>FR-57</c>, <c>FR-67</c>, <c>FR-68</c>,
    /// <c>FR-6AE</c>), and the abolition-of-slavery day of each overseas department.
    /// </summary>
    /// <remarks>
    /// <para>
    /// D223-9 excludes only the holidays of L3133-1, so on a literal reading these local holidays
    /// are callable days. The pack takes the reading that protects the consumer and excludes them,
    /// from 1 March 2023 like the rest of D223-9.
    /// </para>
    /// <para>
    /// Alsace-Moselle (Code du travail, art. L3134-13, local law; the article number is not
    /// verified): for consumers whose <see cref="Contact.Region"/> is <c>FR-57</c>, <c>FR-67</c>,
    /// <c>FR-68</c> or <c>FR-6AE</c> (the Collectivité européenne d'Alsace); Europe/Paris does not
    /// place a person there, so a contact without a region is not covered.
    /// </para>
    /// <para>
    /// Overseas departments (loi n° 83-550; décret n° 83-1003): Guadeloupe 27 May, Martinique
    /// 22 May, Guyane 10 June, La Réunion 20 December, Mayotte 27 April, when the region
    /// (<c>FR-971</c>, <c>FR-972</c>, <c>FR-973</c>, <c>FR-974</c>, <c>FR-976</c>; then on every
    /// candidate zone's local date) or a candidate zone (America/Guadeloupe, America/Martinique,
    /// America/Cayenne, Indian/Reunion, Indian/Mayotte; then on that zone's own local date) places
    /// the consumer there. Saint-Pierre-et-Miquelon (<c>FR-975</c>) has none. Good Friday and
    /// Mi-Carême in the Antilles are customary, not statutory, and are not excluded. The
    /// consents that lift the national holidays lift these too.
    /// </para>
    /// </remarks>
    public static HolidayExclusion LocalHolidays { get; } = new HolidayExclusion(
        new RuleMetadata("FR-HOL-02", D223_9 + " al. 1 (conservative reading); Code du travail, art. L3134-13 (local law of Alsace-Moselle); loi n° 83-550 and décret n° 83-1003 (abolition of slavery days)")
        {
            Description = "No canvassing call on the local holidays of the consumer's place: Good Friday and 26 December in Moselle, Bas-Rhin and Haut-Rhin; the abolition-of-slavery day in Guadeloupe (27 May), Martinique (22 May), Guyane (10 June), La Réunion (20 December) and Mayotte (27 April); the consents that lift the national holidays lift these.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ConsentOutsideHours, SlotConsent),
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Alsace-Moselle days V2, their article (L3134-13) R; overseas abolition days V2 (loi n° 83-550, décret n° 83-1003; they match python-holidays); applying them under D223-9 is ContactRules' interpretation (I).",
            Reading = "D223-9 names only the L3133-1 holidays; these local days are excluded too, which protects the consumer. Alsace-Moselle by region only; an overseas department by region (every zone's date) or by candidate zone (that zone's own date); none for Saint-Pierre-et-Miquelon.",
        },
        new[]
        {
            new HolidayArea(FrenchHolidays.AlsaceMoselle, regions: new[] { "FR-57", "FR-67", "FR-68", "FR-6AE" }),
            new HolidayArea(FrenchHolidays.GuadeloupeAbolition, new[] { "FR-971" }, new[] { Tz("America/Guadeloupe") }),
            new HolidayArea(FrenchHolidays.MartiniqueAbolition, new[] { "FR-972" }, new[] { Tz("America/Martinique") }),
            new HolidayArea(FrenchHolidays.GuyaneAbolition, new[] { "FR-973" }, new[] { Tz("America/Cayenne") }),
            new HolidayArea(FrenchHolidays.ReunionAbolition, new[] { "FR-974" }, new[] { Tz("Indian/Reunion") }),
            new HolidayArea(FrenchHolidays.MayotteAbolition, new[] { "FR-976" }, new[] { Tz("Indian/Mayotte") }),
        });

    /// <summary>FR-FREQ-01: at most 4 calls or attempts per 30 calendar days, per professional and its subcontractors.</summary>
    /// <remarks>Unchanged by décret n° 2026-662 (D223-9 al. 2 in the new numbering); no consent lifts it.</remarks>
    public static FrequencyCap Frequency { get; } = new FrequencyCap(
        new RuleMetadata("FR-FREQ-01", D223_9 + " al. 3")
        {
            Description = "A professional, directly or through a third party acting for it, may not canvass or attempt to canvass the same consumer more than 4 times in 30 calendar days; every attempt counts, answered or not.",
            InForce = InForcePeriod.Since(D223_9InForce),
            Scope = Canvassing,
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (D223-9); unchanged by décret n° 2026-662 (F-quoted).",
            Reading = "\"30 calendar days\" is any 30 consecutive local dates ending with the call's (d-29 … d); every attempt counts, unanswered, silent and not connected ones included; subcontractors aggregate to the professional; a call of unknown caller counts.",
        },
        maxAttempts: 4,
        FrequencyWindow.OfCalendarDays(30),
        CountingKey.Caller,
        AttemptFilter.Any.OnChannels(ContactChannel.Voice).ForPurposes(ContactPurpose.Marketing));

    /// <summary>
    /// FR-COOL-01: no contact or attempt for 60 full calendar days after a refusal during a
    /// conversation, from 1 March 2023 until 10 August 2026 inclusive.
    /// </summary>
    /// <remarks>
    /// Décret n° 2026-662 removed the cooldown from D223-9 with effect 11 August 2026; from that day
    /// a refusal ends the consumer's consent (FR-WDRW-01) and bars any new call by that
    /// professional (FR-STOP-01) instead.
    /// </remarks>
    public static OutcomeCooldown RefusalCooldown { get; } = new OutcomeCooldown(
        new RuleMetadata("FR-COOL-01", D223_9 + " al. 3")
        {
            Description = "After the consumer refuses the canvassing during a conversation, the professional may not contact or attempt to contact them for 60 full calendar days: a refusal on day R blocks R … R+60. Until 10 August 2026.",
            InForce = InForcePeriod.Between(D223_9InForce, BloctelLastDay),
            Scope = Canvassing,
            Verification = VerificationLevel.QuotedOfficialText,
            VerificationNote = "The cooldown: V1 (D223-9). Its removal from 11 August 2026: F-quoted (décret n° 2026-662, art. 4).",
            Reading = "\"60 full days\" after a refusal on local date R blocks R … R+60. In force while any candidate zone is on or before 10 August 2026.",
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Refused),
        CooldownSpan.OfFullDaysAfter(60),
        CountingKey.Caller);

    /// <summary>
    /// "Sollicitations intervenant dans le cadre de l'exécution d'un contrat en cours": a call in
    /// the execution of a contract in progress and related to its object.
    /// </summary>
    public static RuleExemption ContractInProgress { get; } = new ContractExemption(
        "a solicitation in the execution of a contract in progress and related to its object, ancillary, complementary or upgrade offers included (L223-1)");

    /// <summary>Subject code of canvassing for newspapers, periodicals or magazines (L223-5), and its sub-subjects such as <c>press/weekly-magazine</c>.</summary>
    public const string PressSubject = "press";

    /// <summary>
    /// L223-5: the L223-1 prohibitions (Bloctel, then prior consent) do not apply to canvassing for
    /// the supply of newspapers, periodicals or magazines. The caller says so in
    /// <see cref="ContactRequest.Subject"/>: <c>press</c> or a sub-subject such as <c>press/le-quotidien</c>.
    /// </summary>
    /// <remarks>D223-9 still covers these calls (days, hours, cap), and so do FR-STOP-01 and the GDPR objection.</remarks>
    public static RuleExemption NewspapersAndPeriodicals { get; } = new SubjectExemption(
        new[] { PressSubject },
        "canvassing for newspapers, periodicals or magazines, declared with the subject 'press' or a sub-subject such as 'press/weekly' (L223-5)");

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
    /// Canvassing for newspapers and periodicals is exempt (L223-5). A consent does not lift it:
    /// the text knows only these exemptions. Bloctel's articles were abrogated with effect
    /// 11 August 2026 and no list replaces it.
    /// </remarks>
    public static OptOutSuppression Bloctel { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("FR-LIST-01", L223_1 + " al. 2 (loi n° 2014-344; loi n° 2020-901); art. R223-3; art. L223-5")
        {
            Description = "No canvassing of a consumer whose number is on the Bloctel opposition list, once the registration is effective (at most 30 days after the receipt), except within a contract in progress and about its object, or for newspapers and periodicals.",
            InForce = InForcePeriod.Between(new LocalDate(2016, 6, 1), BloctelLastDay),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ContractInProgress, NewspapersAndPeriodicals),
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (doctrine.fr, circulaire.legifrance); L223-5 V1; the end on 10 August 2026 F-quoted (décret n° 2026-662).",
            Reading = "The 2020 contract-in-progress exemption is applied to 2016–2020 too, narrower than the law then; without a stated effective date, a registration protects from its receipt + 30 days.",
        },
        ContactRegistry.Bloctel,
        Duration.FromDays(30));

    private const string ConsentCitation = L223_1 + " al. 1-4 as amended by loi n° 2025-594 du 30 juin 2025, art. 13";

    /// <summary>
    /// FR-CONS-01: from 11 August 2026, no canvassing of a consumer who has not previously
    /// consented to telephone prospecting, except within a contract in progress and about its
    /// object, or for newspapers and periodicals (L223-5).
    /// </summary>
    /// <remarks>
    /// The consent must be free, specific, informed, unambiguous, given by a clear positive act,
    /// and is revocable; the professional bears the burden of proof (new L223-1 al. 2-3). It is
    /// read with <see cref="CanvassingConsent"/>: it counts for at most 365 days from its grant
    /// (FR-CONS-02 names that cause), a refusal during a call withdraws it (FR-WDRW-01 names that
    /// cause), a company opt-out or an objection ends it, and its own expiry or revocation ends it.
    /// A slot consent counts inside its slot only; an <see cref="ConsentRecord.OutsideHours"/>
    /// consent without a slot still counts here. A soft opt-in never counts for a call.
    /// </remarks>
    public static ConsentRequirement PriorConsent { get; } = new ConsentRequirement(
        new RuleMetadata("FR-CONS-01", ConsentCitation)
        {
            Description = "No canvassing of a consumer without their prior consent to telephone prospecting, except within a contract in progress and about its object, or for newspapers and periodicals.",
            InForce = InForcePeriod.Since(ConsentRegimeInForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ContractInProgress, NewspapersAndPeriodicals),
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "L223-1 as amended: V1 (tricoteuses LEGIARTI000051830285); its date V2, confirmed by décret n° 2026-662 (F-quoted); the newspapers exemption (L223-5) F-quoted.",
            Reading = "A consent counts 365 × 24 hours from its grant at most (FR-CONS-02), is withdrawn by a refused call (FR-WDRW-01) and ended by a later STOP or objection; a slot consent counts inside its slot only; a soft opt-in never counts for a call. Newspapers are exempt only when the request's subject says so (press).",
        })
    {
        ConsentReading = CanvassingConsent,
    };

    /// <summary>
    /// FR-CONS-02: from 11 August 2026, a consent to telephone canvassing counts for at most one
    /// year (365 × 24 hours) from its collection, whatever its own expiry, and is never renewed
    /// tacitly; reported beside FR-CONS-01 when a consent that lapsed this way is why no consent
    /// counts.
    /// </summary>
    /// <remarks>
    /// R223-1 I 3° and last paragraph (décret n° 2026-662). A consent counts at instants in
    /// <c>[grantedAt, min(expiresAt, grantedAt + 365 × 24 h))</c>; consents given before
    /// 11 August 2026 are not grandfathered: one granted more than a year before that day has
    /// lapsed on it. A renewal is a new consent record with a new grant. The rule refuses only
    /// when FR-CONS-01 refuses and a consent that would still count by its own record lapsed by
    /// this limit (a consent ended by its own expiry or revocation leaves FR-CONS-01 alone); when
    /// another consent counts or an exemption applies, it does not refuse.
    /// </remarks>
    public static ConsentRequirement ConsentTermLimit { get; } = new ConsentRequirement(
        new RuleMetadata("FR-CONS-02", "Code de la consommation, art. R223-1 I 3° and last al. (" + Decree2026_662 + ")")
        {
            Description = "A consent to telephone canvassing counts for one year (365 days) from its collection at most, whatever its own expiry, and is never renewed tacitly; consents given before 11 August 2026 are not grandfathered.",
            InForce = InForcePeriod.Since(ConsentRegimeInForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ContractInProgress, NewspapersAndPeriodicals),
            Verification = VerificationLevel.QuotedOfficialText,
            VerificationNote = "Catalogue: F-quoted (R223-1 I 3°); 365 days also in the demarchage-consent package.",
            Reading = "One year is 365 × 24 hours of elapsed time from the grant, whatever the consent's own expiry; consents given before 11 August 2026 are not grandfathered. Reported only beside FR-CONS-01, when a consent that lapsed this way is why none counts.",
        })
    {
        ConsentReading = CanvassingConsent,
        ReportsEnding = ConsentEnding.TermLimit,
    };

    /// <summary>
    /// FR-WDRW-01: from 11 August 2026, a consumer may withdraw their consent at any time, orally
    /// included: a refusal during a call (an attempt with outcome <see cref="AttemptOutcome.Refused"/>)
    /// withdraws, at that instant, every consent of that person to that professional for telephone
    /// canvassing; reported beside FR-CONS-01 when such a withdrawal is why no consent counts.
    /// </summary>
    /// <remarks>
    /// R223-3 (décret n° 2026-662): withdrawal is possible at any time, no harder than the grant,
    /// and may be oral. Every refusal on record counts, those before 11 August 2026 included, as
    /// for FR-STOP-01 (which refuses every later call as well). A refusal of unknown caller is
    /// taken as this professional's. A consent granted after the refusal is a new consent (it
    /// still does not lift FR-STOP-01).
    /// </remarks>
    public static ConsentRequirement ConsentWithdrawal { get; } = new ConsentRequirement(
        new RuleMetadata("FR-WDRW-01", "Code de la consommation, art. R223-3 (" + Decree2026_662 + ")")
        {
            Description = "A consumer withdraws their consent to telephone canvassing at any time, orally included: a refusal during a call withdraws every consent they gave this professional, at that instant.",
            InForce = InForcePeriod.Since(ConsentRegimeInForce),
            Scope = Canvassing,
            Exemptions = ImmutableArray.Create(ContractInProgress, NewspapersAndPeriodicals),
            Verification = VerificationLevel.QuotedOfficialText,
            VerificationNote = "Catalogue: F-quoted (R223-3).",
            Reading = "A refused outcome is an oral withdrawal of every consent to canvassing given to that professional before it; every refusal on record counts, those before 11 August 2026 included, and one of unknown caller is taken as this professional's.",
        })
    {
        ConsentReading = CanvassingConsent,
        ReportsEnding = ConsentEnding.WithdrawnInCall,
    };

    /// <summary>
    /// FR-PROOF-01: from 11 August 2026, an advisory on every decision where a consent to
    /// canvassing counts: keep the proof of that consent 3 years from its collection.
    /// </summary>
    /// <remarks>
    /// R223-2 (décret n° 2026-662): the proof (the information given, the date and time, the slot
    /// if any) is kept 3 years from collection and given free on a durable medium on request (not
    /// a customer account). The advisory's deadline is the end of the UTC date 3 years after the
    /// grant. Unlike UWG § 7a, the clock does not restart at each use.
    /// </remarks>
    public static ConsentProofRetention ConsentProof { get; } = new ConsentProofRetention(
        new RuleMetadata("FR-PROOF-01", "Code de la consommation, art. R223-2 (" + Decree2026_662 + ")")
        {
            Description = "Advisory: the proof of the consent relied on (information given, date and time, slot if any) must be kept 3 years from its collection and given to the consumer free on a durable medium on request.",
            InForce = InForcePeriod.Since(ConsentRegimeInForce),
            Scope = Canvassing,
            Verification = VerificationLevel.QuotedOfficialText,
            VerificationNote = "Catalogue: F-quoted (R223-2).",
            Reading = "The advisory's deadline is the end of the UTC date 3 years after the grant; it does not restart at each use.",
        },
        retentionYears: 3)
    {
        FromEachUse = false,
        ConsentReading = CanvassingConsent,
    };

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
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: V2 (ocso, cnacim); the exact text and date of the amended L221-16 R.",
            Reading = "In force from 11 August 2026 with the consent regime; counts refusals recorded before that date; never ends; no exemption lifts it, neither a contract in progress nor a later consent.",
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

    /// <summary>The first day electronic messages fall under the sector ban (L223-8, loi n° 2025-594): 2 July 2025.</summary>
    public static readonly LocalDate SectorBanOnMessages = new LocalDate(2025, 7, 2);

    /// <summary>
    /// R223-4 (décret n° 2026-662), from 11 August 2026: a call answering the consumer's own
    /// request for information (<see cref="Contact.LastInquiry"/>) on a local date no later than
    /// the fifth working day after the request is not canvassing for the sector ban.
    /// </summary>
    /// <remarks>
    /// Working days are Monday to Friday except the national public holidays of L3133-1: not
    /// counting the local holidays ends the five days no later than counting them would. The law
    /// limits the call to the request's object, which ContactRules cannot see: the caller must.
    /// </remarks>
    public static RuleExemption AnswerToOwnRequest { get; } = new InquiryResponseExemption(
        5,
        FrenchHolidays.National,
        "from 11 August 2026, a call answering the consumer's own request for information, on a local date no later than the fifth working day (Monday to Friday, L3133-1 holidays excluded) after the request, limited to its object (R223-4)")
    {
        InForce = InForcePeriod.Since(ConsentRegimeInForce),
    };

    /// <summary>Before 2 July 2025, messages were outside the sector ban: L223-8 did not yet exist.</summary>
    public static RuleExemption MessagesBeforeL223_8 { get; } = new ChannelExemption(
        ContactChannel.Sms,
        "an electronic message before 2 July 2025, when L223-8 extended the ban to messages")
    {
        InForce = new InForcePeriod(null, SectorBanOnMessages.PlusDays(-1)),
    };

    /// <summary>
    /// FR-SECT-01: no canvassing call for energy renovation, renewable energy or home adaptation
    /// to ageing or disability, and since 2 July 2025 no electronic message either, except within
    /// a contract in progress and, from 11 August 2026, a call answering the consumer's own
    /// request within five working days. Callers name the sector in
    /// <see cref="ContactRequest.Subject"/>: <c>energy-renovation</c>, <c>renewable-energy</c>,
    /// <c>home-adaptation</c>, or a sub-subject such as <c>energy-renovation/insulation</c>.
    /// </summary>
    /// <remarks>
    /// The ban on energy-saving and renewable-energy canvassing calls dates from loi n° 2020-901
    /// (26 July 2020); loi n° 2025-594 adds adapting housing to ageing or disability, and extends
    /// the ban to electronic messages (SMS, MMS, e-mail, messaging) from 2 July 2025 (L223-8; the
    /// start date is from a secondary source). One catalogue id is one rule, so the pack applies
    /// the three sectors to calls from 26 July 2020: for home adaptation between 2020 and the
    /// reform this is stricter than the law, the reading that protects the consumer. Consent never
    /// lifts the ban; only a contract in progress and, for calls from 11 August 2026, R223-4's
    /// answer to the consumer's own request do.
    /// </remarks>
    public static SubjectBan SectorBan { get; } = new SubjectBan(
        new RuleMetadata("FR-SECT-01", L223_1 + " al. 3 (loi n° 2020-901); al. 5 as amended by loi n° 2025-594; art. L223-8 (messages); art. R223-4 (" + Decree2026_662 + ")")
        {
            Description = "No canvassing call, and since 2 July 2025 no marketing message, for energy-saving equipment or works, renewable-energy production, or adapting housing to ageing or disability, except within a contract in progress or, from 11 August 2026, a call answering the consumer's own request within five working days; the caller names the sector in the request's subject.",
            InForce = InForcePeriod.Since(new LocalDate(2020, 7, 26)),
            Scope = new RuleScope(channels: new[] { ContactChannel.Voice, ContactChannel.Sms }, purposes: new[] { ContactPurpose.Marketing }),
            Exemptions = ImmutableArray.Create(ContractInProgress, MessagesBeforeL223_8, AnswerToOwnRequest),
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Calls: V1 (L223-1 al. 3 and 5). Messages (L223-8) and the answer to a request (R223-4): F-quoted; the 2 July 2025 start of L223-8 from a weaker source.",
            Reading = "The three sectors are banned for calls from 26 July 2020 (home adaptation earlier than the law); the caller declares the sector in the subject; R223-4 counts working days without the local holidays, so its five days end no later than the law's, and only a call answers a request.",
        },
        new[] { EnergyRenovationSubject, RenewableEnergySubject, HomeAdaptationSubject });

    /// <summary>FR-AUTO-01: no prospecting call by automated calling system without the person's prior consent.</summary>
    /// <remarks>
    /// CPCE L34-5 (transposing Directive 2002/58/EC, art. 13(1)), to which C. consom. L223-7
    /// refers. It covers calls without human intervention (<see cref="ContactRequest.Automated"/>),
    /// not predictive-dialled calls that end with an agent. The CNIL accepts existing customers
    /// for analogous products of the same company; that is a regulator's reading of a text whose
    /// soft opt-in is written for electronic mail, so the pack does not exempt them. Automated
    /// messages fall under FR-EMSG-01, the same article's rule for messages. Consent to automated
    /// calls has been required since before any date ContactRules evaluates (LCEN 2004 and its
    /// predecessor), so the rule is in force at every date.
    /// </remarks>
    public static ConsentRequirement AutomatedCallConsent { get; } = new ConsentRequirement(
        new RuleMetadata("FR-AUTO-01", "Code des postes et des communications électroniques, art. L34-5; Code de la consommation, art. L223-7")
        {
            Description = "No direct prospecting call by an automated calling system (no live agent) without the person's prior consent.",
            Scope = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing }, automated: true),
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (L34-5, L223-7); the CNIL customer reading V2, not applied.",
            Reading = "Existing customers are not exempt (the CNIL's reading of a soft opt-in written for electronic mail); calls only, messages are FR-EMSG-01's; in force at every date.",
        });

    /// <summary>
    /// FR-EMSG-01: no marketing message (SMS, MMS, e-mail, messaging) to a natural person without
    /// their prior consent to messages, live or automated; the soft opt-in counts for the
    /// caller's own similar products.
    /// </summary>
    /// <remarks>
    /// CPCE L34-5 (LCEN 2004, transposing Directive 2002/58/EC art. 13(1)–(2)), read with
    /// <see cref="EuropeanUnionRules.MessageConsent"/>: a consent to messages (a voice consent never
    /// covers a message; a consent that names no channel cannot show it was given for messages), or
    /// a soft opt-in (<see cref="ConsentBasis.SoftOptIn"/>); a STOP or an objection ends either,
    /// and a refusal is reported here (and under EU-OBJ-01 for an objection). In force at every
    /// date: L34-5 and its predecessor predate any date ContactRules evaluates.
    /// </remarks>
    public static ConsentRequirement MarketingMessageConsent { get; } = EuropeanUnionRules.MessageConsentRequirement(
        "FR-EMSG-01",
        "Code des postes et des communications électroniques, art. L34-5",
        "No marketing message (SMS, MMS, e-mail, messaging) without the person's prior consent to messages, live or automated; the soft opt-in counts for the caller's own similar products; a STOP or objection ends it.",
        VerificationLevel.QuotedOfficialText,
        "Catalogue: F-quoted (L34-5 text).");

    /// <summary>
    /// The <c>fr</c> pack: D223-9 (FR-HOURS-01, FR-HOL-01, FR-HOL-02, FR-FREQ-01, FR-COOL-01 until
    /// 10 August 2026), L223-1 (FR-LIST-01 until 10 August 2026; FR-CONS-01, FR-CONS-02, FR-WDRW-01,
    /// FR-PROOF-01 from 11 August 2026; FR-SECT-01), L221-16 (FR-STOP-01), L34-5 (FR-AUTO-01,
    /// FR-EMSG-01) and the GDPR objection (EU-OBJ-01).
    /// </summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("fr", new ContactRule[]
    {
        Hours, Holidays, LocalHolidays, Frequency, RefusalCooldown,
        Bloctel, PriorConsent, ConsentTermLimit, ConsentWithdrawal, ConsentProof, NoCallAfterEndRequest,
        SectorBan, AutomatedCallConsent, MarketingMessageConsent,
        EuropeanUnionRules.Objection,
    });

    private static DateTimeZone Tz(string id) => DateTimeZoneProviders.Tzdb[id];
}
