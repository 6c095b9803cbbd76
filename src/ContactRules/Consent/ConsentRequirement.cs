using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact without a consent of the person that covers it (channel, purpose, entity) and
/// holds at the instant of the contact. Exemptions (a contract in progress, for example) come
/// from the rule's metadata.
/// </summary>
public sealed class ConsentRequirement : ContactRule
{
    /// <summary>Creates a consent requirement.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    public ConsentRequirement(RuleMetadata metadata)
        : base(metadata, RuleKind.Consent)
    {
    }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => "a valid consent covering the channel, purpose and caller";

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
        => Internal.ConsentSearch.EarliestCovered(context.Request, instant, outsideHoursOnly: false);

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        foreach (var consent in request.Consents)
        {
            if (consent.Covers(request) && consent.GrantedAt > instant)
            {
                return $"The person's consent is granted only from {consent.GrantedAt}.";
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

        return $"No consent of the person covers a {request.Channel.ToString().ToLowerInvariant()} contact for {Internal.EnumText.Of(request.Purpose)}"
            + (request.Caller is { } caller ? $" by {caller}." : ".");
    }
}
