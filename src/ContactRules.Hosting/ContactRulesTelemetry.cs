using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContactRules.Hosting;

/// <summary>
/// Logs, counts and traces every decision of the gate, ready for OpenTelemetry: the meter and the
/// activity source are both named <see cref="Name"/>. Logs and tags carry the contact id, the
/// policy and the rule ids, never a phone number.
/// </summary>
/// <remarks>
/// Instruments: <c>contactrules.decisions</c> (counter; tags <c>operation</c> = check|reserve,
/// <c>allowed</c>), <c>contactrules.refusals</c> (counter, one per refusing rule; tag <c>rule</c>),
/// <c>contactrules.reservation.duration</c> (histogram, milliseconds) and
/// <c>contactrules.permits.completed</c> (counter; tag <c>outcome</c>).
/// </remarks>
public sealed class ContactRulesTelemetry : IContactGateObserver, IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "ContactRules";

    private readonly ILogger logger;
    private readonly Meter meter;
    private readonly ActivitySource activities;
    private readonly Counter<long> decisions;
    private readonly Counter<long> refusals;
    private readonly Histogram<double> reservationDuration;
    private readonly Counter<long> completed;

    /// <summary>Creates the telemetry.</summary>
    /// <param name="logger">Where decisions are logged.</param>
    public ContactRulesTelemetry(ILogger<ContactRulesTelemetry> logger)
    {
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        meter = new Meter(Name, typeof(ContactRulesTelemetry).Assembly.GetName().Version?.ToString());
        activities = new ActivitySource(Name, typeof(ContactRulesTelemetry).Assembly.GetName().Version?.ToString());
        decisions = meter.CreateCounter<long>("contactrules.decisions", "{decision}", "Decisions taken by the contact gate.");
        refusals = meter.CreateCounter<long>("contactrules.refusals", "{refusal}", "Refusing rules, by rule id.");
        reservationDuration = meter.CreateHistogram<double>("contactrules.reservation.duration", "ms", "Time to decide and record a reservation, store included.");
        completed = meter.CreateCounter<long>("contactrules.permits.completed", "{permit}", "Permits completed, by outcome.");
    }

    /// <inheritdoc />
    public void Decided(ContactRequest request, Instant at, ContactDecision decision, bool reservation, TimeSpan elapsed)
    {
        var operation = reservation ? "reserve" : "check";
        decisions.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("allowed", decision.IsAllowed));
        foreach (var violation in decision.Violations)
        {
            refusals.Add(1, new KeyValuePair<string, object?>("rule", violation.RuleId));
        }

        if (reservation)
        {
            reservationDuration.Record(elapsed.TotalMilliseconds);
        }

        if (activities.HasListeners())
        {
            // Reported after the fact: the span starts now and lasts as long as the gate took.
            using var activity = activities.StartActivity($"contactrules.{operation}", ActivityKind.Internal);
            if (activity is not null)
            {
                activity.SetTag("contactrules.contact.id", request.Contact.Id);
                activity.SetTag("contactrules.allowed", decision.IsAllowed);
                activity.SetTag("contactrules.rules", string.Join(",", RuleIds(decision)));
                activity.SetEndTime(activity.StartTimeUtc + elapsed);
            }
        }

        if (decision.IsAllowed)
        {
            logger.LogDebug("Contact {ContactId} allowed ({Operation} at {At})", request.Contact.Id, operation, at);
        }
        else
        {
            logger.LogInformation(
                "Contact {ContactId} refused ({Operation} at {At}) by {Rules}; next permitted {NextPermittedAt}",
                request.Contact.Id,
                operation,
                at,
                string.Join(", ", RuleIds(decision)),
                decision.NextPermittedAt?.ToString() ?? "never");
        }
    }

    /// <inheritdoc />
    public void Completed(ContactPermit permit, AttemptOutcome outcome)
    {
        completed.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        logger.LogDebug("Attempt {AttemptId} to contact {ContactId} completed as {Outcome}", permit.AttemptId, permit.Request.Contact.Id, outcome);
    }

    /// <summary>Releases the meter and the activity source.</summary>
    public void Dispose()
    {
        meter.Dispose();
        activities.Dispose();
    }

    private static IEnumerable<string> RuleIds(ContactDecision decision)
    {
        foreach (var violation in decision.Violations)
        {
            yield return violation.RuleId;
        }
    }
}
