using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// No contact for a span after an attempt with a triggering outcome: France's 60 days after a
/// refusal, the UK's 72 hours after an abandoned call, Regulation F's 7 days after a
/// conversation.
/// </summary>
public sealed class OutcomeCooldown : ContactRule, IZoneAnswer
{
    /// <summary>Creates a cooldown.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="trigger">The attempts that start the cooldown (by outcome, channel, purpose).</param>
    /// <param name="span">How long contact is blocked after each triggering attempt.</param>
    /// <param name="key">Whose attempts trigger it besides the person's (for example per caller).</param>
    public OutcomeCooldown(RuleMetadata metadata, AttemptFilter trigger, CooldownSpan span, CountingKey key)
        : base(metadata, RuleKind.Cooldown)
    {
        Trigger = trigger;
        Span = Preconditions.CheckNotNull(span, nameof(span));
        Key = key;
    }

    /// <summary>The attempts that start the cooldown.</summary>
    public AttemptFilter Trigger { get; }

    /// <summary>How long contact is blocked after each triggering attempt.</summary>
    public CooldownSpan Span { get; }

    /// <summary>Whose attempts trigger the cooldown besides the person's.</summary>
    public CountingKey Key { get; }

    /// <inheritdoc />
    public override bool DependsOnZone => Span.IsCalendar;

    /// <inheritdoc />
    public override string Parameters => Span.IsPermanent ? $"after an attempt with {Trigger}: no contact ever again" : $"after an attempt with {Trigger}: no contact for {Span}";

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        if (!Trigger.CouldMatchAnyOf(context.History.OutcomeMask))
        {
            return instant;
        }

        if (Span.IsPermanent)
        {
            return FindLatestTrigger(context, 0, instant) is null ? instant : null;
        }

        if (!Span.IsCalendar)
        {
            var attempts = context.History.Attempts;
            Instant? end = instant;
            for (var i = context.History.FirstIndexAfter(instant - Span.Elapsed); i < attempts.Length && attempts[i].At <= instant; i++)
            {
                if (Triggers(context, attempts[i]))
                {
                    end = Later(end, attempts[i].At + Span.Elapsed);
                }
            }

            return end;
        }

        return EveryZone.Earliest(this, context, instant);
    }

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        var trigger = FindLatestTrigger(context, 0, instant);
        if (trigger is not { } t)
        {
            return "The called person's time zone is unknown, so the cooldown's calendar days cannot be counted.";
        }

        // Times in the called person's zone, as every other reason gives them (never UTC beside local).
        var zones = context.Zones;
        string When(Instant at) => zones.IsDefaultOrEmpty ? $"{at} (UTC)" : ZoneMath.Format(at, zones[0]);
        var what = $"a {OutcomeText(t.Outcome)} attempt on {When(t.At)}";
        if (Span.IsPermanent)
        {
            return $"After {what}, this person may not be contacted again.";
        }

        var until = EarliestAllowedCore(context, instant);
        return $"After {what}, no contact is allowed for {Span}" + (until is { } u ? $", that is before {When(u)}." : ".");
    }

    Instant? IZoneAnswer.EarliestInZone(in EvaluationContext context, Instant instant, DateTimeZone zone)
    {
        var attempts = context.History.Attempts;

        // A trigger can only block this instant if its date is at most MaxBlockedDays dates earlier;
        // two extra days cover any offset between the zone and UTC.
        var from = instant - Duration.FromDays(Span.MaxBlockedDays + 2);
        Instant? earliest = instant;
        for (var i = context.History.FirstIndexAtOrAfter(from); i < attempts.Length && attempts[i].At <= instant; i++)
        {
            if (!Triggers(context, attempts[i]))
            {
                continue;
            }

            var blockedUntil = ZoneMath.StartOfDay(zone, Span.FirstAllowedDate(ZoneMath.DateOf(attempts[i].At, zone)));
            if (blockedUntil > instant)
            {
                earliest = Later(earliest, blockedUntil);
            }
        }

        return earliest;
    }

    private ContactAttempt? FindLatestTrigger(in EvaluationContext context, int first, Instant instant)
    {
        var attempts = context.History.Attempts;
        ContactAttempt? latest = null;
        for (var i = first; i < attempts.Length && attempts[i].At <= instant; i++)
        {
            if (Triggers(context, attempts[i]))
            {
                latest = attempts[i];
            }
        }

        return latest;
    }

    private bool Triggers(in EvaluationContext context, in ContactAttempt attempt)
        => Trigger.Matches(attempt) && Counting.SameKey(Key, context.Request, attempt);

    private static string OutcomeText(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.NoAnswer => "no-answer",
        AttemptOutcome.NotConnected => "not-connected",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
