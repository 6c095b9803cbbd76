using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace ContactRules.Cli.Scrub;

/// <summary>
/// Shows a scrub's progress on standard error: a bar redrawn in place on a terminal, a plain line
/// at every tenth of the file when standard error is redirected (a log keeps ten lines, not a
/// flood of carriage returns).
/// </summary>
internal sealed class ScrubProgress
{
    private const int BarWidth = 30;

    private readonly TextWriter error;
    private readonly bool terminal;
    private readonly long totalBytes;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDraw = -1;
    private int lastTenth;

    internal ScrubProgress(TextWriter error, bool terminal, long totalBytes)
    {
        this.error = error;
        this.terminal = terminal;
        this.totalBytes = totalBytes;
    }

    /// <summary>The time since the scrub started.</summary>
    internal TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Reports <paramref name="rows"/> rows done, <paramref name="bytes"/> bytes of the list read.</summary>
    internal void Report(long rows, long bytes)
    {
        var fraction = totalBytes > 0 ? Math.Min(1.0, (double)bytes / totalBytes) : 1.0;
        if (terminal)
        {
            var now = clock.ElapsedMilliseconds;
            if (lastDraw >= 0 && now - lastDraw < 200 && fraction < 1.0)
            {
                return;
            }

            lastDraw = now;
            var filled = (int)(fraction * BarWidth);
            error.Write($"\rscrub [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction.ToString("P0", CultureInfo.InvariantCulture),4} {rows.ToString("N0", CultureInfo.InvariantCulture)} rows, {Rate(rows)} rows/s ");
            error.Flush();
            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth > lastTenth && tenth < 10)
        {
            lastTenth = tenth;
            error.WriteLine($"contactrules scrub: {(tenth * 10).ToString(CultureInfo.InvariantCulture)}% of the list read, {rows.ToString("N0", CultureInfo.InvariantCulture)} rows decided");
        }
    }

    /// <summary>Ends the bar's line on a terminal.</summary>
    internal void Finish()
    {
        if (terminal)
        {
            error.WriteLine();
        }
    }

    /// <summary>Rows per second so far.</summary>
    internal string Rate(long rows)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        return seconds <= 0 ? "-" : (rows / seconds).ToString("N0", CultureInfo.InvariantCulture);
    }
}
