using NodaTime;

namespace ContactRules.Internal;

internal static class DurationText
{
    internal static string Of(Duration duration)
    {
        if (duration.NanosecondOfDay == 0)
        {
            return duration.Days <= 3 ? $"{duration.Days * 24} hours" : $"{duration.Days} days";
        }

        var hours = duration.TotalHours;
        return hours == (long)hours ? $"{(long)hours} hours" : $"{duration.TotalMinutes:0} minutes";
    }
}
