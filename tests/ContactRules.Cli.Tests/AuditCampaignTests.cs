using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// The campaign-level abandoned-call rate in <c>contactrules audit</c>, on logs whose figures are
/// worked out by hand from the law (docs/regulations.md US-ABN-01, UK-ABN-01). Every call goes to
/// a different person inside the hours, so that no per-call rule is broken and every violation
/// comes from the campaign rule.
/// </summary>
public class AuditCampaignTests
{
    private const string Header = "line,instant,localTime,number,contactId,caller,subcontractor,campaign,subject,outcome,rules,reasons,nextPermittedAt";

    private static CliRun Audit(string log, string folder, string policy)
        => CliRun.Run(string.Empty, null, "audit", TestFiles.Fixture(log), "--policy", policy, "--out", folder);

    /// <summary>
    /// fixtures/calls-us-abandoned.csv, all at 10:00–10:40 New York time (EDT, UTC−4), inside the
    /// 08:00–21:00 of US-HOURS-01. US-ABN-01 (47 CFR 64.1200(a)(7)): at most 3% of the calls
    /// answered by a live person abandoned, per campaign, over each successive 30-day period from
    /// the first call; answering machines, no-answers and non-telemarketing calls are left out.
    /// <list type="bullet">
    /// <item>spring, period 1 = [2 June 14:00Z, 2 July 14:00Z): 33 conversations and 1 abandoned
    /// call (line 35): 1 / 34 = 2.94%, within. The 2 abandoned debt-collection calls (lines 36,
    /// 37) are not telemarketing: counted, they would make 3 / 36 = 8.3%.</item>
    /// <item>spring, period 2 = [2 July 14:00Z, 1 August 14:00Z): it starts at the abandoned call of
    /// line 79 (exactly 30 × 24 h after the first call: periods are half-open, so it is period 2's),
    /// then 30 conversations, 2 machine answers and 3 no-answers: 1 / (1 + 30) = 3.23% &gt; 3%: a
    /// breach, and line 79 lost the safe harbour. Counted in period 1 instead, period 1 would be
    /// 2 / 35 = 5.7% and period 2 0%.</item>
    /// <item>summer: 40 conversations, 1 abandoned: 1 / 41 = 2.44%, within.</item>
    /// </list>
    /// </summary>
    [Fact]
    public void A_US_campaign_above_3_percent_in_a_30_day_period_is_a_violation_of_its_abandoned_calls()
    {
        using var folder = new TempFolder();

        var run = Audit("calls-us-abandoned.csv", folder.Path, "us");

        Assert.Equal(1, run.ExitCode);
        var violations = File.ReadAllLines(folder.File("violations.csv"), Encoding.UTF8);
        Assert.Equal(Header, violations[0]);
        var row = Assert.Single(violations.Skip(1));
        Assert.StartsWith("79,2026-07-02T14:00:00Z,2026-07-02T10:00:00-04:00,+12125550078,U-78,acme,dial-us,spring,offer,abandoned,US-ABN-01,", row, StringComparison.Ordinal);
        Assert.Contains(
            "US-ABN-01: campaign 'spring' abandoned 1 of 31 calls answered by a person in the 30-day period from 2026-07-02T14:00:00Z to 2026-08-01T14:00:00Z (exclusive): a rate of 3.23%, above the 3% allowed.",
            row,
            StringComparison.Ordinal);
        Assert.Contains("(47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4)(i))", row, StringComparison.Ordinal);

        // Waiting does not make an abandoned call lawful: no next permitted instant.
        Assert.EndsWith("\",", row, StringComparison.Ordinal);

        Assert.Contains("Campaign 'spring' breached US-ABN-01 (47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4)(i))", string.Join("\n", run.Lines), StringComparison.Ordinal);
        var html = File.ReadAllText(folder.File("audit-report.html"));
        Assert.Contains("<tr data-rule=\"US-ABN-01\"><td class=\"id\">US-ABN-01</td><td>spring</td><td>2026-07-02T14:00:00Z</td><td>2026-08-01T14:00:00Z</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"lines\" data-calls=\"1\">79</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-metric=\"campaign-findings\"><td>campaign-level findings</td><td class=\"n value bad\">1</td>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// fixtures/calls-uk-abandoned.csv, Tue 6 October 2026 (BST, UTC+1). UK-ABN-01 (Ofcom): at most
    /// 3% abandoned of abandoned + live calls per campaign over 24 hours, judged here over the 24
    /// hours up to each call (t − 24 h, t]; no AMD estimate (the default 0).
    /// <list type="bullet">
    /// <item>autumn: 20 conversations 09:00–09:19Z, then an abandoned call at 09:20Z (line 22):
    /// 1 / 21 = 4.76%: a breach, the window (5 Oct 09:20Z, 6 Oct 09:20Z].</item>
    /// <item>winter: 10 conversations 09:00–09:09Z, an abandoned call at 10:00Z (line 33): 1 / 11 =
    /// 9.09%; then conversations at 11:00Z, 11:01Z, ...: at 11:0k the window holds 11 + k
    /// conversations, and 1 / (12 + k) &gt; 3% while 12 + k ≤ 33, that is up to 11:21Z (1 / 33 =
    /// 3.03%); at 11:22Z 1 / 34 = 2.94% is within. One run of breaching windows: from
    /// (10:00Z − 24 h) = 5 Oct 10:00Z to 6 Oct 11:21Z, worst 9.09%.</item>
    /// </list>
    /// </summary>
    [Fact]
    public void A_UK_campaign_above_3_percent_over_24_hours_is_a_violation_of_its_abandoned_calls()
    {
        using var folder = new TempFolder();

        var run = Audit("calls-uk-abandoned.csv", folder.Path, "uk");

        Assert.Equal(1, run.ExitCode);
        var rows = File.ReadAllLines(folder.File("violations.csv"), Encoding.UTF8).Skip(1).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("22,2026-10-06T09:20:00Z,2026-10-06T10:20:00+01:00,+447946000021,K-21,brit,dial-uk,autumn,offer,abandoned,UK-ABN-01,", rows[0], StringComparison.Ordinal);
        Assert.Contains("campaign 'autumn' abandoned 1 of 21 calls answered by a person in the 24 hours from 2026-10-05T09:20:00Z (exclusive) to 2026-10-06T09:20:00Z", rows[0], StringComparison.Ordinal);
        Assert.Contains("a rate of 4.76%, above the 3% allowed", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("33,2026-10-06T10:00:00Z,2026-10-06T11:00:00+01:00,+447946000032,K-32,brit,dial-uk,winter,offer,abandoned,UK-ABN-01,", rows[1], StringComparison.Ordinal);
        Assert.Contains("campaign 'winter' abandoned 1 of 11 calls answered by a person in the 24 hours from 2026-10-05T10:00:00Z (exclusive) to 2026-10-06T10:00:00Z, the worst of the windows above the limit between 2026-10-05T10:00:00Z and 2026-10-06T11:21:00Z: a rate of 9.09%", rows[1], StringComparison.Ordinal);

        var html = File.ReadAllText(folder.File("audit-report.html"));
        Assert.Contains("<td>winter</td><td>2026-10-05T10:00:00Z</td><td>2026-10-06T11:21:00Z</td>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same UK log with an AMD false-positive estimate: autumn has no machine answers, so its
    /// figures do not move; the option is read and bounded.
    /// </summary>
    [Fact]
    public void The_AMD_estimate_must_be_a_share()
    {
        using var folder = new TempFolder();

        var run = CliRun.Run(string.Empty, null, "audit", TestFiles.Fixture("calls-uk-abandoned.csv"), "--policy", "uk", "--out", folder.Path, "--amd-false-positive-rate", "1.5");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("contactrules audit: --amd-false-positive-rate: 1.5 is not a share; expected a number between 0 and 1", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The fr pack defines no campaign-level rule: the US log's abandoned calls are no finding under it.</summary>
    [Fact]
    public void A_policy_without_a_campaign_rule_reports_none()
    {
        using var folder = new TempFolder();

        var run = Audit("calls-us-abandoned.csv", folder.Path, "fr");

        Assert.DoesNotContain("ABN", File.ReadAllText(folder.File("violations.csv")), StringComparison.Ordinal);
        Assert.Contains("defines none.", File.ReadAllText(folder.File("audit-report.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("breached", string.Join("\n", run.Lines), StringComparison.Ordinal);
    }
}
