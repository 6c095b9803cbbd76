using System;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a contact with a customer, or a recent former customer, about the object of their
/// contract (Netherlands: customers and, by the industry's self-regulation, former customers for
/// 3 years; Spain, AEPD: customers and former customers for 1 year, similar products of the same
/// company).
/// </summary>
/// <remarks>
/// The exemption holds when <see cref="Contact.Contract"/> says the contact concerns the
/// contract's object (<see cref="ContractStatus.RelatedToPurpose"/>) and either the contract is
/// in progress, or the person's <see cref="Contact.LastPurchase"/> lies less than
/// <see cref="MonthsAfterLastPurchase"/> months before the contact's local date in every
/// candidate zone (month arithmetic on local dates, end exclusive). The law counts from the end
/// of the relationship; the last purchase is never later than that end, so counting from it ends
/// the exemption no later than the law does. Without a related contract, or without a zone for
/// a former customer, it does not hold.
/// </remarks>
public sealed class CustomerExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="monthsAfterLastPurchase">Months after the last purchase during which a former customer stays exempt; 0 for current customers only.</param>
    /// <param name="description">What the exemption is, in plain words.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="monthsAfterLastPurchase"/> is negative.</exception>
    public CustomerExemption(int monthsAfterLastPurchase, string description)
        : base(description)
    {
        if (monthsAfterLastPurchase < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(monthsAfterLastPurchase), monthsAfterLastPurchase, "A former-customer period cannot be negative.");
        }

        MonthsAfterLastPurchase = monthsAfterLastPurchase;
    }

    /// <summary>Months after the last purchase during which a former customer stays exempt.</summary>
    public int MonthsAfterLastPurchase { get; }

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
    {
        var contact = context.Request.Contact;
        if (contact.Contract is not { RelatedToPurpose: true } contract)
        {
            return null;
        }

        if (contract.Active)
        {
            return instant;
        }

        if (MonthsAfterLastPurchase == 0 || contact.LastPurchase is not { } purchase
            || !EveryZone.LocalDates(instant, context, out var earliestToday, out var latestToday))
        {
            return null;
        }

        return purchase <= earliestToday && latestToday < purchase.PlusMonths(MonthsAfterLastPurchase) ? instant : null;
    }
}
