using System;
using System.Globalization;
using NodaTime;

namespace ContactRules.Rules;

/// <summary>
/// A half-open interval of local time within one day, <c>[Start, End)</c>: 10:00–13:00 allows
/// 10:00:00 and 12:59:59 and refuses 13:00:00.
/// </summary>
public readonly struct LocalTimeInterval : IEquatable<LocalTimeInterval>
{
    /// <summary>Creates an interval.</summary>
    /// <param name="start">The first allowed local time.</param>
    /// <param name="end">The first refused local time; after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public LocalTimeInterval(LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"A local time interval must end after it starts; got {start:HH:mm}–{end:HH:mm}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>The first allowed local time.</summary>
    public LocalTime Start { get; }

    /// <summary>The first refused local time.</summary>
    public LocalTime End { get; }

    /// <summary>An interval between whole hours, <c>[startHour:00, endHour:00)</c>.</summary>
    /// <param name="startHour">The first allowed hour, 0–23.</param>
    /// <param name="endHour">The first refused hour, 1–23.</param>
    /// <returns>The interval.</returns>
    public static LocalTimeInterval Hours(int startHour, int endHour)
        => new LocalTimeInterval(new LocalTime(startHour, 0), new LocalTime(endHour, 0));

    /// <summary>True when <paramref name="time"/> lies in <c>[Start, End)</c>.</summary>
    /// <param name="time">A local time.</param>
    /// <returns>Whether the interval contains it.</returns>
    public bool Contains(LocalTime time) => Start <= time && time < End;

    /// <inheritdoc />
    public bool Equals(LocalTimeInterval other) => Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LocalTimeInterval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Start.GetHashCode() * 397) ^ End.GetHashCode());

    /// <summary>Compares two intervals for equality.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(LocalTimeInterval left, LocalTimeInterval right) => left.Equals(right);

    /// <summary>Compares two intervals for inequality.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(LocalTimeInterval left, LocalTimeInterval right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString()
        => $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
