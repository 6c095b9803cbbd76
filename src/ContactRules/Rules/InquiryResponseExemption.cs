using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// Exempts a call that answers the person's own request for information, made within a number
/// of working days of the request (France, R223-4 from 11 August 2026: five working days).
/// </summary>
/// <remarks>
/// <para>
/// The request's local date is <see cref="Contact.LastInquiry"/> (D). The call is exempt on the
/// local dates D … W, W being the <see cref="WorkingDays"/>-th working day after D (Monday to
/// Friday, except the dates of <see cref="NonWorkingDays"/>), in every candidate zone; with no
/// zone it is not exempt. Only calls (<see cref="ContactChannel.Voice"/>) are exempt: a message
/// does not answer the request for this exemption.
/// </para>
/// <para>
/// The law also limits the call to the object of the request; ContactRules cannot see what the
/// call is about, so the caller must keep it to that object.
/// </para>
/// </remarks>
public sealed class InquiryResponseExemption : RuleExemption
{
    /// <summary>Creates the exemption.</summary>
    /// <param name="workingDays">The number of working days after the request's date; at least 1.</param>
    /// <param name="nonWorkingDays">The holidays that are not working days (weekends never are).</param>
    /// <param name="description">What the exemption is, in plain words.</param>
    public InquiryResponseExemption(int workingDays, HolidayCalendar nonWorkingDays, string description)
        : base(description)
    {
        WorkingDays = Preconditions.CheckPositive(workingDays, nameof(workingDays));
        NonWorkingDays = Preconditions.CheckNotNull(nonWorkingDays, nameof(nonWorkingDays));
    }

    /// <summary>The number of working days after the request's date.</summary>
    public int WorkingDays { get; }

    /// <summary>The holidays that are not working days.</summary>
    public HolidayCalendar NonWorkingDays { get; }

    /// <summary>The last local date on which a call answering a request made on <paramref name="inquiry"/> is exempt.</summary>
    /// <param name="inquiry">The local date of the person's request.</param>
    /// <returns>The last exempt local date.</returns>
    public LocalDate LastDay(LocalDate inquiry) => BusinessDays.After(inquiry, WorkingDays, NonWorkingDays);

    /// <inheritdoc />
    public override Instant? ExemptFrom(in EvaluationContext context, Instant instant)
    {
        if (context.Request.Channel != ContactChannel.Voice
            || context.Request.Contact.LastInquiry is not { } inquiry
            || !EveryZone.LocalDates(instant, context, out var earliest, out var latest))
        {
            return null;
        }

        var lastDay = LastDay(inquiry);
        if (latest > lastDay)
        {
            return null;
        }

        if (earliest >= inquiry)
        {
            return instant;
        }

        // The request is dated later than today in some zone: exempt once it is that date everywhere.
        var from = instant;
        foreach (var zone in context.Zones)
        {
            var start = ZoneMath.StartOfDay(zone, inquiry);
            from = start > from ? start : from;
        }

        return EveryZone.LocalDates(from, context, out _, out var latestThen) && latestThen <= lastDay ? from : null;
    }
}
