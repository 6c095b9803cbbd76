using System.Globalization;
using System.Net;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Reports;

/// <summary>
/// What the HTML reports share (the tool's audit and received reports and the churn replay's, a
/// linked source file in both): a page with readable margins on screen and on paper (text never
/// runs to the edge; wide tables and charts scroll inside the page rather than push it wider),
/// text escaped as HTML, and times written in the called person's zone with the offset, so that a
/// time read in a report is exact.
/// </summary>
internal static class ReportStyle
{
    /// <summary>The style sheet of a report page.</summary>
    internal const string Css =
        "html{background:#f6f6f7}"
        + "body{font-family:system-ui,sans-serif;line-height:1.45;color:#1d1d1f;background:#fff;box-sizing:border-box;max-width:72rem;margin:1.5rem auto;padding:2rem 3rem}"
        + "@media (max-width:60rem){body{margin:0;padding:1.25rem 1.5rem}}"
        + "@page{margin:2cm}@media print{html{background:#fff}body{margin:0;padding:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}"
        + "h1,h2,h3,p{max-width:60rem}p,td,th{overflow-wrap:break-word}td.wrap{overflow-wrap:anywhere}td.id{white-space:nowrap}"
        + "table{border-collapse:collapse;margin:1rem 0;max-width:100%}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}"
        + ".scroll{overflow-x:auto;max-width:100%}a{color:inherit;white-space:nowrap}td.time{white-space:nowrap}"
        + ".note{color:#555}h2{margin-top:2.5rem}td.n{text-align:right}.bad{color:#b00020;font-weight:600}.ok,.good{color:#0a7d32;font-weight:600}";

    private static readonly OffsetDateTimePattern Offset = OffsetDateTimePattern.CreateWithInvariantCulture("o<+HH:mm>");

    /// <summary><paramref name="value"/> as HTML text or attribute value: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes escaped, so that a field of a log never becomes markup.</summary>
    internal static string Text(string value) => WebUtility.HtmlEncode(value);

    /// <summary>"Tue 2026-03-10 10:30 +01:00": the local time in <paramref name="zone"/> and its offset.</summary>
    internal static string LocalTime(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        return $"{local.LocalDateTime.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {Offset.Format(local.ToOffsetDateTime())}";
    }
}
