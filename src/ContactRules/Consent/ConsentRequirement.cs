using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact without a consent of the person that covers it (channel, purpose, entity) and
/// counts at the instant of the contact under the rule's <see cref="ConsentReading"/>. Exemptions (a
/// contract in progress, for example) come from the rule's metadata.
/// </summary>
/// <remarks>
/// A requirement with a <see cref="ReportsEnding"/> refuses exactly when the plain requirement
/// would and, besides, a consent that would count by its own record was ended by that cause: it
/// names why the person's consent no longer counts (France: FR-CONS-02 for the one-year limit,
/// FR-WDRW-01 for a withdrawal in a call, each beside FR-CONS-01).
/// </remarks>
public sealed class ConsentRequirement : ContactRule, IReadsConsents
{
    /// <summary>Creates a consent requirement.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    public ConsentRequirement(RuleMetadata metadata)
        : base(metadata, RuleKind.Consent)
    {
    }

    /// <summary>How the rule reads the person's consents; <see cref="ConsentReading.Plain"/> by default.</summary>
    public ConsentReading ConsentReading { get; init; } = ConsentReading.Plain;

    /// <summary>
    /// When not <see cref="ConsentEnding.None"/>, the rule refuses only when no consent counts and
    /// a consent was ended by this cause; it then reports that cause.
    /// </summary>
    public ConsentEnding ReportsEnding { get; init; }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => ReportsEnding switch
    {
        ConsentEnding.TermLimit => $"reported when no consent counts and one lapsed {Internal.DurationText.Of(ConsentReading.TermLimit ?? Duration.Zero)} after its grant",
        ConsentEnding.WithdrawnInCall => "reported when no consent counts and one was withdrawn by a refusal during a call",
        ConsentEnding.OptOut => "reported when no consent counts and one was ended by an opt-out or objection",
        _ => "a valid consent covering the channel, purpose and caller"
            + (ConsentReading.ChannelMustBeNamed ? " (naming the channel)" : string.Empty)
            + (ConsentReading.SoftOptInCounts ? "; the soft opt-in counts" : string.Empty)
            + (ConsentReading.TermLimit is { } term ? $"; at most {Internal.DurationText.Of(term)} from its grant" : string.Empty)
            + (ConsentReading.WithdrawnByRefusal ? "; withdrawn by a refusal during a call" : string.Empty)
            + (ConsentReading.EndedByOptOuts ? "; ended by a later opt-out or objection" : string.Empty),
    };

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        var earliest = ConsentReading.EarliestCounting(context, instant, ConsentFilter.Any);
        if (earliest == instant || ReportsEnding == ConsentEnding.None)
        {
            return earliest;
        }

        return ConsentReading.EndedBy(context, instant, ConsentFilter.Any, ReportsEnding, out _) is null ? instant : earliest;
    }

    /// <inheritdoc />
    ConsentStanding IReadsConsents.StandingOf(ConsentRecord consent, in EvaluationContext context, Instant instant)
        => ConsentReading.StandingAt(consent, context, instant, ConsentFilter.Any);

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        foreach (var ending in new[] { ReportsEnding, ConsentEnding.WithdrawnInCall, ConsentEnding.TermLimit, ConsentEnding.OptOut })
        {
            if (ending == ConsentEnding.None || ConsentReading.EndedBy(context, instant, ConsentFilter.Any, ending, out var endedAt) is not { } ended)
            {
                continue;
            }

            var which = ended.Id is { } id ? $"consent '{id}'" : $"consent granted at {ended.GrantedAt}";
            return ending switch
            {
                ConsentEnding.TermLimit => $"The person's {which} lapsed at {endedAt}: it counts for at most {Internal.DurationText.Of(ConsentReading.TermLimit ?? Duration.Zero)} from its grant, and is never renewed tacitly.",
                ConsentEnding.WithdrawnInCall => $"The person withdrew their {which} at {endedAt} by refusing a call.",
                _ => $"The person's {which} ended at {endedAt}, when they opted out or objected.",
            };
        }

        foreach (var consent in request.Consents)
        {
            if (consent.Covers(request) && consent.GrantedAt > instant)
            {
                return $"The person's consent is granted only from {consent.GrantedAt}.";
            }
        }

        foreach (var consent in request.Consents)
        {
            if (consent.Covers(request) && consent.Slot is { } slot && consent.GrantedAt <= instant && !slot.Contains(instant))
            {
                return $"The person consented to a call only in the slot {slot.Start} – {slot.End}; outside it that consent is no consent.";
            }
        }

        foreach (var consent in request.Consents)
        {
            if (consent.Covers(request) && consent.EndsAt is { } end && end <= instant)
            {
                return consent.RevokedAt is { } revoked && revoked <= instant
                    ? $"The person withdrew their consent at {revoked}."
                    : $"The person's consent expired at {end}.";
            }
        }

        if (ConsentReading.ChannelMustBeNamed)
        {
            foreach (var consent in request.Consents)
            {
                if (consent.Covers(request) && consent.Channel is null)
                {
                    return $"No consent of the person names {request.Channel.ToString().ToLowerInvariant()} as its channel: a consent that names no channel cannot show the person agreed to be contacted this way.";
                }
            }
        }

        return $"No consent of the person covers a {request.Channel.ToString().ToLowerInvariant()} contact for {Internal.EnumText.Of(request.Purpose)}"
            + (request.Caller is { } caller ? $" by {caller}." : ".");
    }
}
