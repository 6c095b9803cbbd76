using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules.Jurisdictions;

/// <summary>
/// Belgium: the "Ne m'appelez plus" / "Bel me niet meer" list (Code de droit économique,
/// art. VI.111–VI.114).
/// </summary>
/// <remarks>
/// The pack carries the GDPR objection (EU-OBJ-01) and consent for automated calls (EU-AUTO-01).
/// </remarks>
public static class BelgiumRules
{
    /// <summary>Direct-marketing calls.</summary>
    public static RuleScope MarketingCalls { get; } = new RuleScope(channels: new[] { ContactChannel.Voice }, purposes: new[] { ContactPurpose.Marketing });

    /// <summary>BE-LIST-01: no direct-marketing call to a number on the DNCM list, unless the person opted in with this company after registering.</summary>
    /// <remarks>
    /// The law gives 5 working days for a registration to take effect. The pack counts 5
    /// calendar days (120 hours), never more than 5 working days, so the number is protected no
    /// later than the law requires; it needs no Belgian holiday calendar. Licensees must
    /// re-download the list at least every 5 days: a scrub older than that refuses every call.
    /// Only an opt-in given after registration lifts the list. Mandatory consultation dates from
    /// the 2014–2015 provisions of the CDE, not verified to the day, so the rule is in force at
    /// every date.
    /// </remarks>
    public static OptOutSuppression DoNotCallMe { get; } = OptOutSuppression.RegistryList(
        new RuleMetadata("BE-LIST-01", "Code de droit économique, art. VI.111–VI.114")
        {
            Description = "No direct-marketing call to a number on the \"Ne m'appelez plus\" list, from 5 days after registration (the law: 5 working days), unless the person opted in with this company after registering; the list must be re-downloaded every 5 days.",
            Verification = VerificationLevel.SecondarySource,
            VerificationNote = "Catalogue: V2 (dncm.be).",
            Reading = "Five working days are read as 5 calendar days (120 hours), never more than 5 working days: the number is protected no later than the law requires.",
            Scope = MarketingCalls,
            Exemptions = ImmutableArray.Create<RuleExemption>(new ConsentExemption(false, "an opt-in with this company given after the registration")
            {
                VoidedByRegistrationOn = ContactRegistry.Dncm,
            }),
        },
        ContactRegistry.Dncm,
        Duration.FromDays(5),
        maxSnapshotAge: Duration.FromDays(5));

    /// <summary>The <c>be</c> pack: BE-LIST-01, EU-OBJ-01, EU-AUTO-01.</summary>
    public static ContactPolicy Pack { get; } = new ContactPolicy("be", new ContactRule[]
    {
        DoNotCallMe, EuropeanUnionRules.Objection, EuropeanUnionRules.AutomatedCallConsent,
    });
}
