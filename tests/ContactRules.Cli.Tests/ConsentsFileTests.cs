using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ContactRules.Cli.Tests;

/// <summary>
/// <c>--consents FILE</c> for audit and scrub. From 11 August 2026 France forbids canvassing a
/// consumer without their prior consent (FR-CONS-01, art. L223-1 as amended by loi 2025-594): a
/// log or list of French calls after that date is refused on every row unless the consents the
/// company holds reach the engine.
/// </summary>
/// <remarks>
/// Tue 1 September 2026 10:30 in Paris (08:30Z, UTC+2) is within D223-9's hours (10:00–13:00), so
/// that consent is the only question. A consent covers a call when its channel and purpose are the
/// call's, it was granted before the call and has not lapsed, and it names no professional or the
/// call's (docs/conventions.md).
/// </remarks>
public class ConsentsFileTests
{
    private const string LogHeader = "instant,number,outcome,caller,subcontractor,campaign,subject,contactId,timeZones\n";
    private const string ConsentsHeader = "contactId,number,caller,channel,purpose,grantedAt,expiresAt,revokedAt,slotFrom,slotTo,basis\n";

    private static string Log()
        => LogHeader
            + "2026-09-01T08:30:00Z,+33612345678,no-answer,acme,d1,c,s,A-1,Europe/Paris\n"
            + "2026-09-01T08:30:00Z,+33612345679,no-answer,acme,d1,c,s,,Europe/Paris\n"
            + "2026-09-01T08:30:00Z,+33612345680,no-answer,acme,d1,c,s,C-3,Europe/Paris\n"
            + "2026-09-01T08:30:00Z,+33612345681,no-answer,acme,d1,c,s,D-4,Europe/Paris\n";

    [Fact]
    public void Without_consents_every_French_canvassing_call_after_11_August_2026_breaks_FR_CONS_01()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("log.csv"), Log());

        var run = CliRun.Run(string.Empty, null, "audit", folder.File("log.csv"), "--policy", "fr", "--out", folder.File("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(4, File.ReadAllLines(folder.File(Path.Combine("out", "violations.csv"))).Skip(1).Count(l => l.Contains(",FR-CONS-01,", StringComparison.Ordinal)));
    }

    [Fact]
    public void FR_CONS_01_consents_joined_by_contact_id_or_number_cover_their_calls_and_no_other()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("log.csv"), Log());

        // A-1 by contact id; the second person by number (the log gives no contact id); C-3's
        // consent was given to another professional, 'bank'; D-4's for SMS only.
        File.WriteAllText(folder.File("consents.csv"), ConsentsHeader
            + "A-1,,acme,voice,marketing,2026-08-20T10:00:00Z,,,,,\n"
            + ",+33612345679,,voice,marketing,2026-08-20T10:00:00+02:00,,,,,consent\n"
            + "C-3,,bank,voice,marketing,2026-08-20T10:00:00Z,,,,,\n"
            + "D-4,,,sms,marketing,2026-08-20T10:00:00Z,,,,,soft-opt-in\n");

        var run = CliRun.Run(string.Empty, null, "audit", folder.File("log.csv"), "--policy", "fr", "--out", folder.File("out"), "--consents", folder.File("consents.csv"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var lines = File.ReadAllLines(folder.File(Path.Combine("out", "violations.csv"))).Skip(1).Select(l => l.Split(',')[0] + ":" + l.Split(',')[10]).ToArray();
        Assert.Equal(new[] { "4:FR-CONS-01", "5:FR-CONS-01" }, lines);
    }

    [Fact]
    public void A_consent_row_in_error_is_named_its_consent_unused_and_the_verdict_not_a_clean_one()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("log.csv"), LogHeader + "2026-09-01T08:30:00Z,+33612345678,no-answer,acme,d1,c,s,A-1,Europe/Paris\n");
        var consents = folder.File("consents.csv");
        File.WriteAllText(consents, ConsentsHeader
            + "A-1,,acme,voice,marketing,2026-08-32T10:00:00Z,,,,,\n"
            + "A-1,,acme,voice,marketing,2026-08-20T10:00:00Z,,,2026-09-01T08:00:00Z,,\n"
            + ",,acme,voice,marketing,2026-08-20T10:00:00Z,,,,,\n"
            + "A-1,,acme,fax,marketing,2026-08-20T10:00:00Z,,,,,\n");

        var run = CliRun.Run(string.Empty, null, "audit", folder.File("log.csv"), "--policy", "fr", "--out", folder.File("out"), "--consents", consents);

        Assert.Equal(2, run.ExitCode);
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"contactrules audit: {consents}, line 2, column 6 'grantedAt': '2026-08-32T10:00:00Z' is not a valid instant (there is no day 32 in month 8 of 2026); expected an ISO-8601 instant with 'Z' or an offset, such as '2026-03-10T09:30:00Z' or '2026-03-10T10:30:00+01:00'", errors[0]);
        Assert.Equal($"contactrules audit: {consents}, line 3, column 10 'slotTo': is empty while slotFrom is given; expected both ends of the slot, or neither", errors[1]);
        Assert.Equal($"contactrules audit: {consents}, line 4, column 2 'number': no person: contactId and number are both empty or absent; expected the person's contact id, or their E.164 number", errors[2]);
        Assert.Equal($"contactrules audit: {consents}, line 5, column 4 'channel': unknown value 'fax'; expected one of voice, sms", errors[3]);

        // None of the four was used: the call is judged without a consent, and the verdict says so.
        Assert.Contains(",FR-CONS-01,", File.ReadAllLines(folder.File(Path.Combine("out", "violations.csv")))[1], StringComparison.Ordinal);
        Assert.StartsWith("Verdict: NOT JUDGED IN FULL: 4 rows of the consents file were not read", run.Lines.Single(l => l.StartsWith("Verdict:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_joins_the_consents_to_its_rows()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("list.csv"), "number,contactId,timeZones,caller\n+33612345678,A-1,Europe/Paris,acme\n+33612345679,B-2,Europe/Paris,acme\n");
        File.WriteAllText(folder.File("consents.csv"), "contactId,channel,purpose,grantedAt\nA-1,voice,marketing,2026-08-20T10:00:00Z\n");

        var run = CliRun.Run(string.Empty, null, "scrub", folder.File("list.csv"), "--policy", "fr", "--at", "2026-09-01T08:30:00Z", "--consents", folder.File("consents.csv"), "--out", folder.File("out.csv"));

        Assert.Equal(0, run.ExitCode);
        var rows = File.ReadAllLines(folder.File("out.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Take(4))).ToArray();
        Assert.Equal(new[] { "2,+33612345678,A-1,allowed", "3,+33612345679,B-2,refused" }, rows);
    }

    [Fact]
    public void A_consents_file_without_a_required_column_stops_the_run()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("list.csv"), "number\n+33612345678\n");
        File.WriteAllText(folder.File("consents.csv"), "contactId,channel,grantedAt\nA-1,voice,2026-08-20T10:00:00Z\n");

        var run = CliRun.Run(string.Empty, null, "scrub", folder.File("list.csv"), "--policy", "fr", "--consents", folder.File("consents.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"contactrules scrub: --consents: {folder.File("consents.csv")}, line 1 (the header row): missing column 'purpose'; expected a header row naming at least channel, purpose, grantedAt", run.Stderr.TrimEnd('\n'));
    }
}
