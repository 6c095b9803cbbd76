using System;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// How long a cooldown blocks contact after its triggering event: an elapsed duration, a number
/// of whole local dates, or for good.
/// </summary>
public sealed class CooldownSpan
{
    private CooldownSpan(Duration elapsed, int blockedDates, bool permanent, string text, Period? period = null)
    {
        Elapsed = elapsed;
        BlockedDates = blockedDates;
        IsPermanent = permanent;
        Period = period;
        this.text = text;
    }

    private readonly string text;

    /// <summary>The elapsed duration blocked, <c>[e, e+D)</c>; zero for date-based and permanent spans.</summary>
    public Duration Elapsed { get; }

    /// <summary>
    /// The number of local dates blocked, the event's date included; 0 for elapsed and permanent
    /// spans. France's "60 full days after a refusal on day R" blocks 61 dates (R … R+60).
    /// </summary>
    public int BlockedDates { get; }

    /// <summary>True when the cooldown never ends.</summary>
    public bool IsPermanent { get; }

    /// <summary>
    /// For spans made by <see cref="OfPeriodAfter(NodaTime.Period)"/>: the calendar period after the
    /// event's local date through which contact is blocked; null otherwise.
    /// </summary>
    public Period? Period { get; }

    /// <summary>True when the span counts whole local dates in the called person's zone.</summary>
    public bool IsCalendar => BlockedDates > 0 || Period is not null;

    /// <summary>Blocks <c>[e, e+duration)</c> after an event at <c>e</c> (the UK's 72 hours after an abandoned call).</summary>
    /// <param name="duration">The blocked duration; positive.</param>
    /// <returns>The span.</returns>
    public static CooldownSpan OfElapsed(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A cooldown must last longer than zero.");
        }

        return new CooldownSpan(duration, 0, false, Internal.DurationText.Of(duration));
    }

    /// <summary>
    /// Blocks the event's local date and the <paramref name="days"/> full dates after it: an
    /// event on date R blocks R … R+days, and contact is allowed again from R+days+1 (France:
    /// "60 jours calendaires révolus" after a refusal).
    /// </summary>
    /// <param name="days">The number of full days after the event's date; at least 1.</param>
    /// <returns>The span.</returns>
    public static CooldownSpan OfFullDaysAfter(int days)
        => new CooldownSpan(Duration.Zero, Internal.Preconditions.CheckPositive(days, nameof(days)) + 1, false, $"{days} full calendar days after the event's date");

    /// <summary>
    /// Blocks <paramref name="days"/> local dates counting the event's date as day 1: an event
    /// on date C blocks C … C+days-1 (Regulation F: 7 days after a conversation, its date being
    /// day 1).
    /// </summary>
    /// <param name="days">The number of dates blocked, the event's included; at least 1.</param>
    /// <returns>The span.</returns>
    public static CooldownSpan OfDaysCountingEventDay(int days)
        => new CooldownSpan(Duration.Zero, Internal.Preconditions.CheckPositive(days, nameof(days)), false, $"{days} calendar days, the event's date being day 1");

    /// <summary>
    /// Blocks the event's local date R through the date R + <paramref name="period"/> inclusive
    /// (NodaTime period arithmetic; 29 February plus one year is 28 February), and allows again
    /// from the next date. Washington's "no call for at least one year" after a "do not call
    /// again" on 10 March 2025 blocks 10 March 2025 … 10 March 2026 and allows from 11 March 2026.
    /// </summary>
    /// <param name="period">A period of whole years, months, weeks or days; positive.</param>
    /// <returns>The span.</returns>
    public static CooldownSpan OfPeriodAfter(Period period)
    {
        Internal.Preconditions.CheckNotNull(period, nameof(period));
        if (period.HasTimeComponent || period.Normalize().Equals(NodaTime.Period.Zero) || period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A calendar cooldown needs a positive period of whole years, months, weeks or days.");
        }

        return new CooldownSpan(Duration.Zero, 0, false, $"the event's date through {PeriodText(period)} after it", period);
    }

    private static string PeriodText(Period period)
    {
        var parts = new System.Collections.Generic.List<string>();
        void Add(int count, string unit)
        {
            if (count != 0)
            {
                parts.Add(count == 1 ? $"1 {unit}" : $"{count} {unit}s");
            }
        }

        Add(period.Years, "year");
        Add(period.Months, "month");
        Add(period.Weeks, "week");
        Add(period.Days, "day");
        return string.Join(" ", parts);
    }

    /// <summary>
    /// The first local date on which an event on <paramref name="eventDate"/> no longer blocks;
    /// only for calendar spans.
    /// </summary>
    internal LocalDate FirstAllowedDate(LocalDate eventDate)
        => Period is { } period ? eventDate.Plus(period).PlusDays(1) : eventDate.PlusDays(BlockedDates);

    /// <summary>The most days an event can block, for calendar spans: how far back a trigger can lie.</summary>
    internal int MaxBlockedDays
        => Period is { } period ? (period.Years * 366) + (period.Months * 31) + (period.Weeks * 7) + period.Days + 1 : BlockedDates;

    /// <summary>Blocks for good (France from 11 August 2026: no new call after a consumer asked to end one).</summary>
    public static CooldownSpan Permanent { get; } = new CooldownSpan(Duration.Zero, 0, true, "for good");

    /// <inheritdoc />
    public override string ToString() => text;
}
