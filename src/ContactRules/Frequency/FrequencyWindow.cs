using System;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// The window a <see cref="FrequencyCap"/> counts in: whole local dates (France's "30 calendar
/// days", Regulation F's "7 consecutive days") or a rolling duration (Florida's "24 hours").
/// </summary>
public sealed class FrequencyWindow
{
    private FrequencyWindow(int calendarDays, Duration rolling)
    {
        CalendarDays = calendarDays;
        Rolling = rolling;
    }

    /// <summary>
    /// The number of local dates in the window (an attempt on date <c>d</c> counts the attempts
    /// on dates <c>d-(D-1)</c> … <c>d</c>), or 0 for a rolling window.
    /// </summary>
    public int CalendarDays { get; }

    /// <summary>The length of a rolling window (an attempt at <c>a</c> occupies <c>[a, a+D)</c>), or zero for a calendar window.</summary>
    public Duration Rolling { get; }

    /// <summary>True for a window of whole local dates, judged in the called person's zone.</summary>
    public bool IsCalendar => CalendarDays > 0;

    /// <summary>A window of <paramref name="days"/> local dates, the date of the contact included.</summary>
    /// <param name="days">The number of dates; at least 1.</param>
    /// <returns>The window.</returns>
    public static FrequencyWindow OfCalendarDays(int days)
        => new FrequencyWindow(Internal.Preconditions.CheckPositive(days, nameof(days)), Duration.Zero);

    /// <summary>A rolling window: an attempt exactly <paramref name="duration"/> earlier no longer counts.</summary>
    /// <param name="duration">The length; positive.</param>
    /// <returns>The window.</returns>
    public static FrequencyWindow OfRollingDuration(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A rolling window must be longer than zero.");
        }

        return new FrequencyWindow(0, duration);
    }

    /// <inheritdoc />
    public override string ToString()
        => IsCalendar ? $"{CalendarDays} calendar days" : $"any {Internal.DurationText.Of(Rolling)}";
}
