using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Australia: the Do Not Call Register Act 2006 and the Telecommunications (Telemarketing and
/// Research Calls) Industry Standard 2017.
/// </summary>
/// <remarks>
/// Consent, for the Act and the standard, is express or inferred; express consent not stated to
/// be for a period lapses after 3 months (Sch. 2 cl. 3). ContactRules cannot tell an express
/// consent from an inferred one, so every <see cref="ConsentRecord"/> without
/// <see cref="ConsentRecord.ExpiresAt"/> lapses 3 months after its grant (counted on the UTC
/// calendar): the reading that protects the called person. Research calls (other hours) are not
/// modelled.
/// </remarks>
public static class AustraliaRules
{
    /// <summary>The citation of the industry standard.</summary>
    public const string IndustryStandard = "Telecommunications (Telemarketing and Research Calls) Industry Standard 2017 (before 29 March 2017: Telemarketing and Research Industry Standard 2007)";

    /// <summary>The citation of the Do Not Call Register Act 2006.</summary>
    public const string DncrAct = "Do Not Call Register Act 2006";

    /// <summary>The date Part 2 of the Do Not Call Register Act 2006, and with it the first industry standard, commenced: 31 May 2007.</summary>
    public static readonly LocalDate DncrInForce = new LocalDate(2007, 5, 31);

    /// <summary>Telemarketing calls.</summary>
    public static RuleScope TelemarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>Sch. 2 cl. 3: express consent not stated to be for a period lapses after 3 months.</summary>
    public static Period ConsentDefaultTerm { get; } = Period.FromMonths(3);

    /// <summary>The consumer's express consent to calls at other times (lapsing 3 months after its grant when no period is stated).</summary>
    public static RuleExemption ConsentToOtherTimes { get; } = new ConsentExemption(
        outsideHoursOnly: true,
        "the consumer's express consent to be called at other times (lapsing 3 months after its grant when it states no period)")
    {
        ConsentReading = new ConsentReading { DefaultTerm = ConsentDefaultTerm },
    };

    /// <summary>
    /// AU-HOURS-01: telemarketing calls only 09:00–20:00 on weekdays and 09:00–17:00 on Saturday,
    /// never on Sunday, in the called person's local time.
    /// </summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("AU-HOURS-01", IndustryStandard + ", calling times")
        {
            Description = "Telemarketing calls only 09:00–20:00 Monday to Friday and 09:00–17:00 on Saturday, never on Sunday, in the called person's local time, unless the consumer expressly consented to another time.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2 (donotcall.gov.au).",
            Reading = "A consent to another time lapses 3 months after its grant when it states no period (Sch. 2 cl. 3 applied by analogy). Research calls, with other hours, are not distinguished: the telemarketing hours apply to every marketing call.",
            InForce = InForcePeriod.Since(DncrInForce),
            Scope = TelemarketingCalls,
            Exemptions = ImmutableArray.Create(ConsentToOtherTimes),
        },
        WeeklyHours.Weekdays(LocalTimeInterval.Hours(9, 20)).With(IsoDayOfWeek.Saturday, LocalTimeInterval.Hours(9, 17)));

    /// <summary>AU-HOL-01: no telemarketing call on a national public holiday, in the called person's local date.</summary>
    /// <remarks>
    /// The rules catalogue lists this under AU-HOURS-01; one id names one rule, so the holiday
    /// part is its own rule, as France's FR-HOL-01 is beside FR-HOURS-01. The list is
    /// <see cref="AustralianHolidays.National"/>.
    /// </remarks>
    public static HolidayExclusion Holidays { get; } = new HolidayExclusion(
        new RuleMetadata("AU-HOL-01", IndustryStandard + ", calling times")
        {
            Description = "No telemarketing call on a national public holiday (with weekend substitute days), unless the consumer expressly consented to be called then.",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: the Standard's list of national public holidays was not seen (R); section 11.4 confirms weekend substitutes are included.",
            Reading = "The national public holidays are taken as the days every state and territory observes, with their weekend substitute days.",
            InForce = InForcePeriod.Since(DncrInForce),
            Scope = TelemarketingCalls,
            Exemptions = ImmutableArray.Create(ConsentToOtherTimes),
        },
        AustralianHolidays.National);

    /// <summary>AU-LIST-01: no telemarketing call to a number on the Do Not Call Register without consent.</summary>
    /// <remarks>
    /// A registration the caller knows of is honoured at once (the Act gives no delay); the
    /// defence of a wash done within the last 30 days is modelled by the freshness rule: a scrub
    /// (<see cref="ContactRequest.RegistrySnapshotAt"/>) older than 30 days refuses every call.
    /// Consent lapses 3 months after its grant when it states no period.
    /// </remarks>
    public static OptOutSuppression Register { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("AU-LIST-01", DncrAct + ", s. 11 and Sch. 2")
        {
            Description = "No telemarketing call to a number on the Do Not Call Register without the account holder's consent; consent not stated to be for a period lapses after 3 months; a register wash is valid 30 days.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V1 (AustLII, Sch. 2); wash validity V2.",
            InForce = InForcePeriod.Since(DncrInForce),
            Scope = TelemarketingCalls,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(false, "the account holder's consent (lapsing 3 months after its grant when it states no period, Sch. 2 cl. 3)")
            {
                ConsentReading = new ConsentReading { DefaultTerm = ConsentDefaultTerm },
            }),
        },
        ContactRegistry.Dncr,
        Duration.Zero,
        maxSnapshotAge: Duration.FromDays(30));

    /// <summary>The <c>au</c> pack: AU-HOURS-01, AU-HOL-01, AU-LIST-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("au", new ContactRule[] { Hours, Holidays, Register });
}
