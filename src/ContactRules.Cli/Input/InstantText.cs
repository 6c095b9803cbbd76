using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Cli.Input;

/// <summary>
/// The one reading of an instant that every command accepts: ISO-8601 with <c>Z</c> or an
/// offset, seconds and fraction optional. A local time without offset is refused: it would have
/// to be guessed in someone's zone.
/// </summary>
internal static class InstantText
{
    /// <summary>What an instant looks like, for error messages.</summary>
    internal const string Expected = "an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'";

    // "2026-03-10T10:00:00Z", "2026-03-10T11:00:00.5+01:00"; seconds may be omitted, as ISO-8601 allows.
    private static readonly OffsetDateTimePattern[] Patterns =
    {
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    };

    /// <summary>Parses <paramref name="text"/> as an instant.</summary>
    internal static bool TryParse(string text, out Instant instant)
    {
        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                instant = result.Value.ToInstant();
                return true;
            }
        }

        instant = default;
        return false;
    }

    /// <summary>What is wrong with <paramref name="text"/>, which <see cref="TryParse"/> refused, and what was expected.</summary>
    internal static string Problem(string text) => $"'{ValueText.Shorten(text)}' is not a valid instant{OutOfRange(text)}; expected {Expected}";

    /// <summary>
    /// For a value of the right shape with an impossible part ("2026-02-30", "25:00"), which part
    /// is out of range, in words; empty otherwise (the shape expected is then the useful answer).
    /// </summary>
    private static string OutOfRange(string text)
    {
        var message = Patterns[0].Parse(text).Exception.Message;
        var day = Regex.Match(message, @"The day (\d+) is out of range in month (\d+) of year (-?\d+)");
        if (day.Success)
        {
            return $" (there is no day {day.Groups[1].Value} in month {day.Groups[2].Value} of {day.Groups[3].Value})";
        }

        var field = Regex.Match(message, @"The value (-?\d+) is out of range for the field '(\w+)'");
        if (!field.Success)
        {
            return string.Empty;
        }

        var name = field.Groups[2].Value switch
        {
            "uuuu" => "year",
            "MM" => "month",
            "dd" => "day",
            "HH" or "H" => "hour",
            "mm" => "minute",
            "ss" => "second",
            _ => "a part",
        };
        return $" ({name} {field.Groups[1].Value} is out of range)";
    }
}
