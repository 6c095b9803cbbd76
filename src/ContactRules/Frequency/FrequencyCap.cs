using ContactRules.Internal;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// At most <see cref="MaxAttempts"/> attempts in a <see cref="FrequencyWindow"/>: a contact is
/// refused when that many counted attempts already fall in the window that ends with it.
/// </summary>
/// <remarks>
/// Calendar windows: a contact on local date <c>d</c> is refused when at least N attempts fall on
/// dates <c>d-(D-1)</c> … <c>d</c> in the called person's zone (every candidate zone is checked).
/// Rolling windows: an attempt at <c>a</c> occupies <c>[a, a+D)</c>; one exactly D earlier no
/// longer counts. Reservations count as attempts.
/// </remarks>
public sealed class FrequencyCap : ContactRule, IZoneAnswer
{
    /// <summary>Creates a frequency cap.</summary>
    /// <param name="metadata">The rule's id, citation, dates, scope and exemptions.</param>
    /// <param name="maxAttempts">The most attempts allowed in a window; at least 1.</param>
    /// <param name="window">The window counted in.</param>
    /// <param name="key">What is counted together besides the person.</param>
    /// <param name="filter">Which attempts count.</param>
    public FrequencyCap(RuleMetadata metadata, int maxAttempts, FrequencyWindow window, CountingKey key, AttemptFilter filter)
        : base(metadata, RuleKind.Frequency)
    {
        MaxAttempts = Preconditions.CheckPositive(maxAttempts, nameof(maxAttempts));
        Window = Preconditions.CheckNotNull(window, nameof(window));
        Key = key;
        Filter = filter;
    }

    /// <summary>The most attempts allowed in a window.</summary>
    public int MaxAttempts { get; }

    /// <summary>The window counted in.</summary>
    public FrequencyWindow Window { get; }

    /// <summary>Which attempts count.</summary>
    public AttemptFilter Filter { get; }

    /// <summary>What is counted together besides the person.</summary>
    public CountingKey Key { get; }

    /// <summary>
    /// When set, attempts placed within this consent period are not counted (Regulation F,
    /// 1006.14(b)(3)(i)); put the same exemption in the rule's exemptions so that a contact made
    /// under the consent is not refused either. Null by default: every matching attempt counts.
    /// </summary>
    public ConsentPeriodExemption? UncountedUnderConsent { get; init; }

    /// <inheritdoc />
    public override bool DependsOnZone => Window.IsCalendar;

    /// <inheritdoc />
    public override string Parameters => $"at most {MaxAttempts} per {Window}, counted per person{KeyText}; counts {Filter}";

    private string KeyText
        => ((Key & CountingKey.Caller) != 0 ? " and caller" : string.Empty)
            + ((Key & CountingKey.Subject) != 0 ? " and subject" : string.Empty)
            + ((Key & CountingKey.Channel) != 0 ? " and channel" : string.Empty);

    /// <inheritdoc />
    protected override Instant? EarliestAllowedCore(in EvaluationContext context, Instant instant)
    {
        if (!Window.IsCalendar)
        {
            return EarliestRolling(context, instant);
        }

        return EveryZone.Earliest(this, context, instant);
    }

    /// <inheritdoc />
    public override string ExplainRefusal(in EvaluationContext context, Instant instant)
    {
        if (!Window.IsCalendar)
        {
            var from = instant - Window.Rolling;
            var count = Count(context, context.History.FirstIndexAfter(from), instant, inclusiveEnd: true);
            return $"{count} counted attempts already in the {DurationText.Of(Window.Rolling)} before {instant}; the limit is {MaxAttempts} per {Window}.";
        }

        if (EveryZone.FirstRefusing(this, context, instant) is { } zone)
        {
            var date = ZoneMath.DateOf(instant, zone);
            var first = date.PlusDays(-(Window.CalendarDays - 1));
            var start = ZoneMath.StartOfDay(zone, first);
            var end = ZoneMath.StartOfDay(zone, date.PlusDays(1));
            var count = Count(context, context.History.FirstIndexAtOrAfter(start), end, inclusiveEnd: false);
            return $"{count} counted attempts already on {ZoneMath.Format(first)} … {ZoneMath.Format(date)} (local dates in {zone.Id}); the limit is {MaxAttempts} per {Window}.";
        }

        return "The called person's time zone is unknown, so the calendar days cannot be counted.";
    }

    private Instant? EarliestRolling(in EvaluationContext context, Instant instant)
    {
        var first = context.History.FirstIndexAfter(instant - Window.Rolling);
        var count = Count(context, first, instant, inclusiveEnd: true);
        if (count < MaxAttempts)
        {
            return instant;
        }

        // The window drops below the cap when the (count - N + 1)-th oldest attempt in it leaves.
        var leaving = NthCounted(context, first, count - MaxAttempts + 1);
        return leaving.At + Window.Rolling;
    }

    Instant? IZoneAnswer.EarliestInZone(in EvaluationContext context, Instant instant, DateTimeZone zone)
    {
        var date = ZoneMath.DateOf(instant, zone);
        var start = ZoneMath.StartOfDay(zone, date.PlusDays(-(Window.CalendarDays - 1)));
        var first = context.History.FirstIndexAtOrAfter(start);
        var end = ZoneMath.StartOfDay(zone, date.PlusDays(1));
        var count = Count(context, first, end, inclusiveEnd: false);
        if (count < MaxAttempts)
        {
            return instant;
        }

        var leaving = NthCounted(context, first, count - MaxAttempts + 1);
        var leavingDate = ZoneMath.DateOf(leaving.At, zone);
        return ZoneMath.StartOfDay(zone, leavingDate.PlusDays(Window.CalendarDays));
    }

    private int Count(in EvaluationContext context, int first, Instant end, bool inclusiveEnd)
    {
        var attempts = context.History.Attempts;
        var count = 0;
        for (var i = first; i < attempts.Length; i++)
        {
            ref readonly var attempt = ref attempts[i];
            if (inclusiveEnd ? attempt.At > end : attempt.At >= end)
            {
                break;
            }

            if (Counts(context, attempt))
            {
                count++;
            }
        }

        return count;
    }

    private ContactAttempt NthCounted(in EvaluationContext context, int first, int n)
    {
        var attempts = context.History.Attempts;
        for (var i = first; i < attempts.Length; i++)
        {
            ref readonly var attempt = ref attempts[i];
            if (Counts(context, attempt) && --n == 0)
            {
                return attempt;
            }
        }

        throw new System.InvalidOperationException("Counted attempts vanished between two scans of an immutable history.");
    }

    private bool Counts(in EvaluationContext context, in ContactAttempt attempt)
        => Filter.Matches(attempt) && Counting.SameKey(Key, context.Request, attempt)
            && (UncountedUnderConsent is not { } consent || !consent.CoversAttempt(context, attempt));
}
