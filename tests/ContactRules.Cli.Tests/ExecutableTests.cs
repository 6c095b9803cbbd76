using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// The real built tool, run through <c>dotnet</c> on samples/cases.jsonl, against
/// approved/cases.decisions.jsonl.
/// </summary>
/// <remarks>
/// Each approved line was worked out by hand from D223-9 and docs/conventions.md (Paris UTC+1
/// until 29 March 2026, UTC+2 after; Réunion UTC+4):
/// <list type="number">
/// <item>fr-weekday-morning: Tue 10 March 10:30 Paris, inside [10:00, 13:00): allowed.</item>
/// <item>fr-saturday: Sat 7 March 11:00 Paris: FR-HOURS-01 until Mon 9 March 10:00 Paris = 09:00Z.</item>
/// <item>fr-lunch-break: Thu 12 March 13:00 Paris, the gap is [13:00, 14:00): until 14:00 Paris = 13:00Z.</item>
/// <item>fr-labour-day: Fri 1 May 11:00 Paris: FR-HOL-01 until Sat 2 May 00:00 Paris = 1 May 22:00Z; then the
/// weekend: every rule allows from Mon 4 May 10:00 Paris = 08:00Z.</item>
/// <item>fr-fifth-attempt: attempts 2, 5, 10, 20 March, fifth on Fri 27 March: FR-FREQ-01 until 1 April
/// 00:00 Paris = 31 March 22:00Z; next permitted Wed 1 April 10:00 Paris = 08:00Z. The contract in
/// progress exempts from Bloctel only, never from D223-9.</item>
/// <item>fr-after-thirty-days: the same person on Wed 1 April 10:00 Paris: the window 3 March–1 April holds 3: allowed.</item>
/// <item>fr-refusal-cooldown: refusal Tue 3 March; 60 full days block 3 March … 2 May: FR-COOL-01 until Sun
/// 3 May 00:00 Paris = 2 May 22:00Z; next permitted Mon 4 May 10:00 Paris = 08:00Z.</item>
/// <item>fr-reunion-evening: Mon 9 March 19:30 Paris = 22:30 Réunion: FR-HOURS-01 until Tue 10 March 10:00
/// Réunion = 06:00Z.</item>
/// <item>fr-consent-outside-hours: Sat 7 March 11:00 Paris with express prior consent outside hours: allowed.</item>
/// <item>fr-no-zone: a lead with neither zone nor number: CORE-ZONE-01, until and next permitted null.</item>
/// </list>
/// </remarks>
public class ExecutableTests
{
    [Fact]
    public async Task The_built_tool_decides_the_sample_cases_as_approved()
    {
        var folder = AppContext.BaseDirectory;
        var tool = Path.Combine(folder, "ContactRules.Cli.dll");
        var samples = Path.Combine(folder, "samples", "cases.jsonl");
        var approved = File.ReadAllLines(Path.Combine(folder, "approved", "cases.decisions.jsonl"), Encoding.UTF8);
        Assert.True(File.Exists(tool), $"the tool was built next to the tests: {tool}");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add("evaluate");
        start.ArgumentList.Add(samples);

        using var process = Process.Start(start)!;
        var stderrRead = process.StandardError.ReadToEndAsync();
        var stdoutRead = process.StandardOutput.ReadToEndAsync();

        // A guard against a hung process, not a speed assertion.
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            try
            {
                await process.WaitForExitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("contactrules evaluate did not finish");
            }
        }

        var stdout = await stdoutRead;
        Assert.Equal(string.Empty, await stderrRead);
        Assert.Equal(0, process.ExitCode);
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(approved, lines.Select(CliRun.WithoutReason));
        new CliRun(process.ExitCode, lines, string.Empty).AssertEveryViolationExplained();
    }
}
