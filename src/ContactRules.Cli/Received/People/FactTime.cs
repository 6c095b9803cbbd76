using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Cli.Received.People;

/// <summary>
/// A moment of the person's facts as they know it: a date (a registration receipt, a contract's
/// start) or an exact instant (the time of a refusal on a call).
/// </summary>
internal readonly record struct FactTime(LocalDate? Date, Instant? Instant)
{
    /// <summary>The instant: the instant given, or the start of the date in the person's zone.</summary>
    /// <remarks>
    /// A date is taken at the start of the day: a registration known only by its date protects the
    /// number from the earliest moment it can have been made, the reading that protects the person.
    /// </remarks>
    internal Instant In(DateTimeZone zone) => Instant ?? Date!.Value.AtStartOfDayInZone(zone).ToInstant();

    /// <summary>The local date in the person's zone.</summary>
    internal LocalDate DateIn(DateTimeZone zone) => Date ?? Instant!.Value.InZone(zone).Date;

    /// <summary>As the person wrote it: <c>2025-11-02</c>.</summary>
    internal string Text => Date is { } date ? LocalDatePattern.Iso.Format(date) : InstantPattern.ExtendedIso.Format(Instant!.Value);

    internal static bool TryParse(string text, out FactTime time)
    {
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            time = new FactTime(date.Value, null);
            return true;
        }

        if (Input.InstantText.TryParse(text, out var instant))
        {
            time = new FactTime(null, instant);
            return true;
        }

        time = default;
        return false;
    }

    /// <summary>What a fact time looks like, for error messages.</summary>
    internal static string Expected => "a date such as '2025-11-02' or " + Input.InstantText.Expected;

    public override string ToString() => Text.ToString(CultureInfo.InvariantCulture);
}
