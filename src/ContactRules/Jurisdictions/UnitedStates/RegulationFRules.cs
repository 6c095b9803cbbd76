using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// United States, debt collection: the CFPB's Regulation F (12 CFR Part 1006, implementing the
/// FDCPA), in force 30 November 2021, for third-party debt collectors.
/// </summary>
/// <remarks>
/// <para>
/// No communication or attempt before 08:00 or after 21:00 at the consumer's location
/// (US-REGF-HOURS-01). A collector is presumed to violate the ban on repeated calls if, about a
/// particular debt, it calls a person more than 7 times within 7 consecutive days
/// (US-REGF-FREQ-01), or within 7 consecutive days after a telephone conversation with them
/// about it, the conversation's date being day 1 (US-REGF-COOL-01). Calls that did not connect
/// to the dialed number are not counted; calls placed within 7 days of the person's prior
/// consent given directly to the collector (its date being day 1) are neither counted nor
/// refused. No use of a medium the person asked the collector not to use (US-REGF-MED-01).
/// </para>
/// <para>
/// Counting is per person (the contact, all numbers together) and per debt (the request's and
/// attempts' <see cref="ContactRequest.Subject"/>; an unknown debt counts for every debt). A
/// conversation about several debts counts for each: record one attempt per debt discussed.
/// The presumptions are rebuttable in law; ContactRules applies them as limits.
/// </para>
/// </remarks>
public static class RegulationFRules
{
    /// <summary>The date Regulation F came into force.</summary>
    public static readonly LocalDate InForceFrom = new LocalDate(2021, 11, 30);

    /// <summary>Debt collection: every channel.</summary>
    public static RuleScope DebtCollection { get; } = new RuleScope(purposes: new[] { ContactPurpose.DebtCollection });

    /// <summary>Debt-collection telephone calls: the calls the frequency presumptions count.</summary>
    public static RuleScope DebtCollectionCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.DebtCollection });

    /// <summary>
    /// Calls placed within 7 consecutive days after the person's prior consent given directly to
    /// the collector, the consent's date being day 1 (1006.14(b)(3)(i)).
    /// </summary>
    public static ConsentPeriodExemption DirectPriorConsent { get; } = new ConsentPeriodExemption(
        days: 7,
        "calls placed with the person's prior consent given directly to the debt collector, within 7 consecutive days of receiving it, its date being day 1 (12 CFR 1006.14(b)(3)(i))");

    /// <summary>US-REGF-HOURS-01: no communication or attempt before 08:00 or after 21:00 at the consumer's location.</summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("US-REGF-HOURS-01", "12 CFR 1006.6(b)(1)(i)")
        {
            Description = "No debt-collection communication or attempt (call, text) before 8:00 a.m. or after 9:00 p.m. local time at the consumer's location (every candidate zone), unless the consumer said other times are convenient.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (rule quote); all candidate zones R.",
            Reading = "Every candidate zone must allow (the CFPB commentary's approach, R).",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = DebtCollection,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(
                outsideHoursOnly: true,
                "the consumer's statement that a time outside 8:00 a.m.–9:00 p.m. is convenient (12 CFR 1006.6(b)(1), (d)(1))")),
        },
        WeeklyHours.EveryDay(LocalTimeInterval.Hours(8, 21)));

    /// <summary>
    /// US-REGF-FREQ-01: at most 7 telephone calls within 7 consecutive days per person and debt;
    /// not-connected calls and calls under direct prior consent are not counted.
    /// </summary>
    /// <remarks>
    /// Consecutive days are the consumer's local dates: an eighth call on date d is refused when
    /// 7 counted calls fall on d-6 … d (in every candidate zone).
    /// </remarks>
    public static FrequencyCap Frequency { get; } = new FrequencyCap(
        new RuleMetadata("US-REGF-FREQ-01", "12 CFR 1006.14(b)(2)(i)(A), (b)(3), (b)(4)")
        {
            Description = "A debt collector may place at most 7 telephone calls to a person about a particular debt within 7 consecutive days; calls not connected to the dialed number and calls within 7 days of the person's direct prior consent are not counted.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (rule quote); V2.",
            Reading = "Without a subject, every debt-collection attempt of the person counts together.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = DebtCollectionCalls,
            Exemptions = ImmutableArray.Create<RuleExemption>(DirectPriorConsent),
        },
        maxAttempts: 7,
        FrequencyWindow.OfCalendarDays(7),
        CountingKey.Subject,
        AttemptFilter.Any.OnChannels(ContactChannel.Voice).ForPurposes(ContactPurpose.DebtCollection).Excluding(AttemptOutcome.NotConnected))
    {
        UncountedUnderConsent = DirectPriorConsent,
    };

    /// <summary>
    /// US-REGF-COOL-01: no telephone call within 7 consecutive days after a telephone conversation
    /// about the debt, the conversation's date being day 1: a conversation on date C blocks C … C+6.
    /// </summary>
    public static OutcomeCooldown ConversationCooldown { get; } = new OutcomeCooldown(
        new RuleMetadata("US-REGF-COOL-01", "12 CFR 1006.14(b)(2)(i)(B), (b)(3)")
        {
            Description = "After a telephone conversation with a person about a particular debt, a debt collector may not call them about it within 7 consecutive days, the conversation's date being day 1, except with their direct prior consent.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (rule quote).",
            Reading = "A conversation about any debt cools them all when the request names no subject.",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = DebtCollectionCalls,
            Exemptions = ImmutableArray.Create<RuleExemption>(DirectPriorConsent),
        },
        AttemptFilter.WithOutcomes(AttemptOutcome.Conversation, AttemptOutcome.Refused).OnChannels(ContactChannel.Voice).ForPurposes(ContactPurpose.DebtCollection),
        CooldownSpan.OfDaysCountingEventDay(7),
        CountingKey.Subject);

    /// <summary>
    /// US-REGF-MED-01: no communication through a medium the person asked the collector not to
    /// use: a company opt-out limited to a channel (<see cref="OptOut.Channel"/>) stops that
    /// channel, one without a channel stops every medium.
    /// </summary>
    public static OptOutSuppression MediumOptOut { get; } = OptOutSuppression.Company(
        new RuleMetadata("US-REGF-MED-01", "12 CFR 1006.14(h)")
        {
            Description = "A debt collector may not communicate through a medium (call, text) the person asked it not to use, from the request on.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (rule quote).",
            InForce = InForcePeriod.Since(InForceFrom),
            Scope = DebtCollection,
        });

    /// <summary>The <c>us-regf</c> pack: US-REGF-HOURS-01, US-REGF-FREQ-01, US-REGF-COOL-01, US-REGF-MED-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("us-regf", new ContactRule[] { Hours, Frequency, ConversationCooldown, MediumOptOut });
}
