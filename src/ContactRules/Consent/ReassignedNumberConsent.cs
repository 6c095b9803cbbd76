using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Names, under its own id, a consent that no longer counts because the number changed hands:
/// refuses a contact that a consent would otherwise have covered, when that consent was granted
/// before the number's last permanent disconnection (<see cref="Contact.LastPermanentDisconnection"/>,
/// from the FCC's Reassigned Numbers Database) and no other consent covers it (US-RND-01).
/// </summary>
/// <remarks>
/// Such a consent covers nothing under any rule (<see cref="ConsentRecord.Covers(ContactRequest)"/>):
/// it was given by the number's previous holder. A <see cref="ConsentRequirement"/> therefore
/// refuses too; this rule says why, and never refuses when another consent covers the contact.
/// Give it the scope of the consent requirement it explains.
/// </remarks>
public sealed class ReassignedNumberConsent : ContactRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    public ReassignedNumberConsent(RuleMetadata metadata)
        : base(metadata, RuleKind.Consent)
    {
    }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => "a consent granted on or before the number's last permanent disconnection date (Reassigned Numbers Database) was given by its previous holder and does not count";

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        var voided = new EndedConsents();
        foreach (var consent in request.Consents)
        {
            if (!consent.CoversScope(request) || !consent.IsValidAt(instant))
            {
                continue;
            }

            if (!request.Contact.IsBeforeReassignment(consent.GrantedAt))
            {
                return instant;
            }

            voided.Add(consent.EndsAt);
        }

        // The rule refuses while a voided consent would otherwise hold: until a consent of the
        // present holder holds, or every voided one would have ended anyway.
        return voided.Any ? Earlier(ConsentReading.Plain.EarliestCounting(context, instant, ConsentFilter.Any), voided.LastEnd) : instant;
    }

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        var contact = context.Request.Contact;
        return $"The number was permanently disconnected on {Internal.ZoneMath.Format(contact.LastPermanentDisconnection!.Value)} (Reassigned Numbers Database) and has changed hands since: "
            + "every consent granted up to that date was given by its previous holder, and no consent of the present holder covers this contact.";
    }
}
