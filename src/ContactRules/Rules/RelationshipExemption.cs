using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact with an established business relationship: a purchase within a number of
/// months before the contact, or an inquiry within a (shorter) number of months (US: 18 and 3;
/// Canada: 18 and 6). Periods are NodaTime month arithmetic on the called person's local dates
/// and end exclusive: a purchase on 15 Jan 2025 exempts until 14 Jul 2026 inclusive.
/// </summary>
/// <remarks>
/// The exemption must hold in every candidate zone, and with no zone it does not hold. When
/// <see cref="LostOnCompanyOptOut"/> is set, a company opt-out ends it (US: a do-not-call request
/// terminates the relationship for do-not-call purposes even if purchases continue).
/// </remarks>
public sealed class RelationshipExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="purchaseMonths">Months after a purchase during which it holds; 0 for none.</param>
    /// <param name="inquiryMonths">Months after an inquiry during which it holds; 0 for none.</param>
    /// <param name="lostOnCompanyOptOut">A company opt-out ends the exemption.</param>
    /// <param name="description">What the exemption is, in plain words.</param>
    public RelationshipExemption(int purchaseMonths, int inquiryMonths, bool lostOnCompanyOptOut, string description)
        : base(description)
    {
        if (purchaseMonths < 0 || inquiryMonths < 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(purchaseMonths), "Relationship periods cannot be negative.");
        }

        PurchaseMonths = purchaseMonths;
        InquiryMonths = inquiryMonths;
        LostOnCompanyOptOut = lostOnCompanyOptOut;
    }

    /// <summary>Months after a purchase during which the exemption holds.</summary>
    public int PurchaseMonths { get; }

    /// <summary>Months after an inquiry during which the exemption holds.</summary>
    public int InquiryMonths { get; }

    /// <summary>A company opt-out ends the exemption.</summary>
    public bool LostOnCompanyOptOut { get; }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
    {
        var request = context.Request;
        var contact = request.Contact;
        if (context.Zones.IsDefaultOrEmpty)
        {
            return null;
        }

        if (LostOnCompanyOptOut)
        {
            foreach (var optOut in request.OptOuts)
            {
                if (optOut.Kind == OptOutKind.Company && optOut.RequestedAt <= instant
                    && (optOut.Entity is null || request.Caller is null || optOut.Entity == request.Caller))
                {
                    return null;
                }
            }
        }

        foreach (var zone in context.Zones)
        {
            var today = instant.InZone(zone).Date;
            var byPurchase = PurchaseMonths > 0 && contact.LastPurchase is { } purchase && purchase <= today && today < purchase.PlusMonths(PurchaseMonths);
            var byInquiry = InquiryMonths > 0 && contact.LastInquiry is { } inquiry && inquiry <= today && today < inquiry.PlusMonths(InquiryMonths);
            if (!byPurchase && !byInquiry)
            {
                return null;
            }
        }

        return instant;
    }
}
