namespace ContactRules.Reports;

/// <summary>One square of a <see cref="CallsPerDayChart"/>: the calls of a row on a local day, and how many of them are marked (broke a rule).</summary>
/// <param name="Calls">The calls of the day.</param>
/// <param name="Marked">Those of them that broke a rule.</param>
internal readonly record struct ChartDay(int Calls, int Marked);
