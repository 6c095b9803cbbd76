using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Canada: the CRTC Unsolicited Telecommunications Rules (Telecom Decision CRTC 2007-48 and
/// later): calling hours, the National Do Not Call List and internal do-not-call lists.
/// </summary>
/// <remarks>
/// The rules' start (the National DNCL opened on 30 September 2008) is not verified in the rules
/// catalogue, so the pack applies them at every date. Provincial rules, which may be stricter,
/// are not included.
/// </remarks>
public static class CanadaRules
{
    /// <summary>The citation of the Unsolicited Telecommunications Rules.</summary>
    public const string Utr = "CRTC Unsolicited Telecommunications Rules (Telecom Decision CRTC 2007-48, as amended)";

    /// <summary>Telemarketing calls.</summary>
    public static RuleScope TelemarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>
    /// CA-HOURS-01: telemarketing calls only 09:00–21:30 Monday to Friday and 10:00–18:00 Saturday
    /// and Sunday, in the recipient's local time. No exemption: it binds callers exempt from the
    /// DNCL too.
    /// </summary>
    public static CallingWindow Hours { get; } = new CallingWindow(
        new RuleMetadata("CA-HOURS-01", Utr + ", Part II (Telemarketing Rules)")
        {
            Description = "Telemarketing calls only 09:00–21:30 on weekdays and 10:00–18:00 on Saturdays and Sundays, in the recipient's local time; callers exempt from the DNCL are bound too.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2.",
            Reading = "Applied to exempt callers too; provincial rules, which may be stricter, are not encoded.",
            Scope = TelemarketingCalls,
        },
        WeeklyHours.Weekdays(new LocalTimeInterval(new LocalTime(9, 0), new LocalTime(21, 30)))
            .With(new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday }, LocalTimeInterval.Hours(10, 18)));

    /// <summary>
    /// The existing-business-relationship exemption from the DNCL: a purchase, lease or contract
    /// in the 18 months before the call, or an inquiry in the 6 months before it.
    /// </summary>
    public static RuleExemption EstablishedBusinessRelationship { get; } = new RelationshipExemption(
        18,
        6,
        lostOnCompanyOptOut: true,
        "an existing business relationship: a purchase or contract in the 18 months, or an inquiry in the 6 months, before the call; a request to this company not to be called ends it");

    /// <summary>CA-LIST-01: no telemarketing call to a number 31 days after its registration on the National DNCL.</summary>
    /// <remarks>
    /// Telemarketers must use a version of the list obtained at most 31 days before the call: a
    /// scrub older than that refuses every call. The express-consent and existing-business-
    /// relationship exemptions apply (18 months after a purchase or contract, 6 months after an
    /// inquiry; a request to the company not to be called ends it, as CA-IDNC-01 binds it anyway).
    /// Charities, political calls, newspapers and B2B calls are not modelled.
    /// </remarks>
    public static OptOutSuppression NationalDncl { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("CA-LIST-01", Utr + ", Part III (National DNCL Rules)")
        {
            Description = "No telemarketing call to a number registered on the National Do Not Call List for 31 days, unless the person consented or has an existing business relationship with the caller; the list version used must be at most 31 days old.",
            Verification = VerificationLevel.OfficialText,
            VerificationNote = "Catalogue: V1 (lnnte-dncl.gc.ca).",
            Scope = TelemarketingCalls,
            Exemptions = ImmutableArray.Create(
                new ConsentExemption(false, "the person's express consent to this company's calls"),
                EstablishedBusinessRelationship),
        },
        ContactRegistry.Dncl,
        Duration.FromDays(31),
        maxSnapshotAge: Duration.FromDays(31));

    /// <summary>CA-IDNC-01: no telemarketing call to a person who asked this company not to call, even with an existing business relationship.</summary>
    /// <remarks>
    /// The request takes effect at once; the 14-day processing deadline and 3-year retention seen
    /// in secondary sources are not verified and are never a grace period here.
    /// </remarks>
    public static OptOutSuppression InternalList { get; } = OptOutSuppression.Company(
        new RuleMetadata("CA-IDNC-01", Utr + ", Part II (internal do-not-call lists)")
        {
            Description = "No telemarketing call to a person who asked this company not to call them, even with an existing business relationship; effective at once.",
            Verification = VerificationLevel.Unconfirmed,
            VerificationNote = "Catalogue: R for the 14-day and 3-year parameters; V2 for the override of an existing business relationship.",
            Reading = "Honoured at once and for good, not after the 14 days the rules allow to process it.",
            Scope = TelemarketingCalls,
        });

    /// <summary>The <c>ca</c> pack: CA-HOURS-01, CA-LIST-01, CA-IDNC-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("ca", new ContactRule[] { Hours, NationalDncl, InternalList });
}
