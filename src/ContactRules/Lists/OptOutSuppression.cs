using System;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact to a person who opted out: a company opt-out (at once), a national registry entry
/// (from its effective instant, or its registration plus the register's legal delay), or a GDPR
/// objection to direct marketing (every marketing purpose, every channel). Waiting never lifts
/// an opt-out.
/// </summary>
/// <remarks>
/// A company opt-out and an objection are honoured from <see cref="OptOut.RequestedAt"/>, whatever
/// <see cref="OptOut.EffectiveAt"/> says: only a registry entry waits for its effective instant.
/// </remarks>
public sealed class OptOutSuppression : ContactRule
{
    private OptOutSuppression(RuleMetadata metadata, RuleKind kind, OptOutKind optOutKind, ContactRegistry? registry, Duration legalDelay, Duration? maxSnapshotAge)
        : base(metadata, kind)
    {
        OptOutKind = optOutKind;
        Registry = registry;
        LegalDelay = legalDelay;
        MaxSnapshotAge = maxSnapshotAge;
    }

    /// <summary>The kind of opt-out honoured.</summary>
    public OptOutKind OptOutKind { get; }

    /// <summary>The register, for registry suppression.</summary>
    public ContactRegistry? Registry { get; }

    /// <summary>
    /// The time a registration takes to protect a number when the list operator states no
    /// effective date (Bloctel 30 days, US DNC 31 days, TPS 28 days).
    /// </summary>
    public Duration LegalDelay { get; }

    /// <summary>
    /// The oldest registry version a caller may scrub against (US National DNC: 31 days), or null
    /// when the law sets none. With an older version, every contact is refused: the caller cannot
    /// know the number is not registered.
    /// </summary>
    public Duration? MaxSnapshotAge { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => OptOutKind switch
    {
        OptOutKind.Registry => $"numbers on {Registry} from registration{(LegalDelay == Duration.Zero ? string.Empty : " + " + DurationText.Of(LegalDelay))}"
            + (MaxSnapshotAge is { } age ? $"; registry version at most {DurationText.Of(age)} old" : string.Empty),
        OptOutKind.Objection => "no marketing after a GDPR Art. 21 objection",
        _ => "no contact after a company opt-out, at once",
    };

    /// <summary>Honours company opt-outs ("do not call me", STOP) from the instant they are made.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <returns>The rule.</returns>
    public static OptOutSuppression Company(RuleMetadata metadata)
        => new OptOutSuppression(metadata, RuleKind.OptOut, OptOutKind.Company, null, Duration.Zero, null);

    /// <summary>Honours GDPR Art. 21 objections to direct marketing.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <returns>The rule.</returns>
    public static OptOutSuppression Objection(RuleMetadata metadata)
        => new OptOutSuppression(metadata, RuleKind.Objection, OptOutKind.Objection, null, Duration.Zero, null);

    /// <summary>Honours a national registry.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="registry">The register.</param>
    /// <param name="legalDelay">The delay after registration when the operator states no effective date.</param>
    /// <param name="maxSnapshotAge">The oldest registry version the caller may rely on, or null.</param>
    /// <returns>The rule.</returns>
    public static OptOutSuppression RegistryList(RuleMetadata metadata, ContactRegistry registry, Duration legalDelay, Duration? maxSnapshotAge = null)
    {
        if (legalDelay < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(legalDelay), legalDelay, "A registration delay cannot be negative.");
        }

        return new OptOutSuppression(metadata, RuleKind.Registry, OptOutKind.Registry, registry, legalDelay, maxSnapshotAge);
    }

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        if (MaxSnapshotAge is { } maxAge && request.RegistrySnapshotAt is { } snapshot && instant - snapshot > maxAge)
        {
            return null;
        }

        foreach (var optOut in request.OptOuts)
        {
            if (Honours(optOut, request) && EffectiveAt(optOut) <= instant)
            {
                return null;
            }
        }

        return instant;
    }

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        if (MaxSnapshotAge is { } maxAge && request.RegistrySnapshotAt is { } snapshot && instant - snapshot > maxAge)
        {
            return $"The {Registry} version scrubbed against dates from {snapshot}, more than {DurationText.Of(maxAge)} before the contact: the number may have been registered since.";
        }

        foreach (var optOut in request.OptOuts)
        {
            if (Honours(optOut, request) && EffectiveAt(optOut) <= instant)
            {
                return OptOutKind switch
                {
                    OptOutKind.Registry => $"The number is on {Registry}, effective {EffectiveAt(optOut)}.",
                    OptOutKind.Objection => $"The person objected to direct marketing at {optOut.RequestedAt}.",
                    _ => $"The person asked not to be contacted at {optOut.RequestedAt}.",
                };
            }
        }

        return "The person opted out.";
    }

    private bool Honours(OptOut optOut, ContactRequest request)
        => optOut.Kind == OptOutKind
            // A registry entry that does not say which register it is from could be from this one:
            // taken as on every register (fail closed), never as on none.
            && (OptOutKind != OptOutKind.Registry || optOut.Registry is null || optOut.Registry == Registry)
            && optOut.Reaches(request);

    // Only a registry entry waits for its effective instant (the list operator's date, else the
    // register's legal delay). A company opt-out or an objection takes effect when the person
    // asks, even when its record carries a later EffectiveAt: a legal honouring delay (US: 10
    // business days) is a deadline for the caller, never a grace period (docs/conventions.md).
    private Instant EffectiveAt(OptOut optOut)
        => OptOutKind == OptOutKind.Registry ? optOut.EffectiveAt ?? optOut.RequestedAt + LegalDelay : optOut.RequestedAt;
}
