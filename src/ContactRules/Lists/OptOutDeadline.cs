using System.Collections.Generic;
using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// The legal deadline to honour a company opt-out, counted in business days (Monday to Friday,
/// except the dates of a holiday calendar) after the local date the request was received, and
/// reported as an advisory while it runs. It never refuses: the opt-out itself is honoured at
/// once by an <see cref="OptOutSuppression"/>; the deadline tells the caller by when every one of
/// its systems and subcontractors must have it (US: 10 business days, 47 CFR 64.1200(d)).
/// </summary>
/// <remarks>
/// A request received on local date D must be honoured by the end of the N-th business day after
/// D. Where the person has several candidate zones, the earliest end wins; with none, the date is
/// read at UTC+14, the earliest clock on Earth. The advisory is given while the deadline is ahead.
/// </remarks>
public sealed class OptOutDeadline : ContactRule, IAdvisingRule
{
    /// <summary>Creates the deadline.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="businessDays">The number of business days after the date of receipt; at least 1.</param>
    /// <param name="nonBusinessDays">The holidays that are not business days (weekends never are).</param>
    public OptOutDeadline(RuleMetadata metadata, int businessDays, HolidayCalendar nonBusinessDays)
        : base(metadata, RuleKind.OptOut)
    {
        BusinessDays = Preconditions.CheckPositive(businessDays, nameof(businessDays));
        NonBusinessDays = Preconditions.CheckNotNull(nonBusinessDays, nameof(nonBusinessDays));
    }

    /// <summary>The number of business days after the date of receipt.</summary>
    public int BusinessDays { get; }

    /// <summary>The holidays that are not business days.</summary>
    public HolidayCalendar NonBusinessDays { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => false;

    /// <inheritdoc />
    public override string Parameters => $"honour a company opt-out within {BusinessDays} business days (Mon–Fri except {NonBusinessDays.Name}); reported as an advisory, never a grace period";

    /// <summary>
    /// The end of the <see cref="BusinessDays"/>-th business day after <paramref name="received"/>:
    /// the start of the next local date.
    /// </summary>
    /// <param name="received">The local date the request was received.</param>
    /// <returns>The first local date after the deadline.</returns>
    public LocalDate DayAfterDeadline(LocalDate received) => Internal.BusinessDays.DayAfterDeadline(received, BusinessDays, NonBusinessDays);

    /// <inheritdoc />
    public void AddAdvisories(in EvaluationContext context, Instant instant, ICollection<ContactAdvisory> advisories)
    {
        Preconditions.CheckNotNull(advisories, nameof(advisories));
        var request = context.Request;
        foreach (var optOut in request.OptOuts)
        {
            if (optOut.Kind != OptOutKind.Company || optOut.RequestedAt > instant
                || (optOut.Entity is not null && request.Caller is not null && optOut.Entity != request.Caller))
            {
                continue;
            }

            var deadline = Deadline(optOut.RequestedAt, context);
            if (deadline > instant)
            {
                advisories.Add(new ContactAdvisory(
                    Id,
                    $"The opt-out received at {optOut.RequestedAt} must be recorded and honoured by every system and subcontractor calling for this caller before {deadline} ({BusinessDays} business days; {Citation}). ContactRules refuses contact from the request on.",
                    deadline));
            }
        }
    }

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant) => instant;

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
        => "A deadline to honour an opt-out never refuses a contact by itself.";

    private Instant Deadline(Instant received, in EvaluationContext context)
        => Internal.BusinessDays.Deadline(received, context.Zones, BusinessDays, NonBusinessDays);
}
