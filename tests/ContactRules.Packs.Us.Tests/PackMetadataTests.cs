using System;
using System.Collections.Generic;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;
using static ContactRules.Packs.Us.Tests.UsCalls;

namespace ContactRules.Packs.Us.Tests;

/// <summary>
/// Every US rule carries its catalogue id (regulations.md section 8, a second id of the same pattern where one row holds
/// two rules), a citation, a description and the in-force date the catalogue gives.
/// </summary>
public class PackMetadataTests
{
    // Catalogue dates: Reg F 30 Nov 2021; FL SB 1120 1 Jul 2021; OK HB 3168 1 Nov 2022; MD SB 90
    // 1 Jan 2024; WA HB 1497 9 Jun 2022; CT PA 23-98 1 Oct 2023; TRACED limits 20 Jul 2023; FCC
    // 24-24 10 business days 11 Apr 2025; section 11.3: revoke all 31 Jan 2027 (DA 26-12), RND 2021
    // (the database opened 1 Nov 2021), Texas SB 140 1 Sep 2025, Virginia SB 1339 1 Jan 2026, Maine
    // LD 2234 16 Jul 2024; New York 399-z(5-a) 18 Dec 2019. Rows without a date are in force at
    // every date.
    public static TheoryData<string, string, string?> Rules => new()
    {
        { "us", "US-HOURS-01", null },
        { "us", "US-DNC-01", null },
        { "us", "US-IDNC-01", null },
        { "us", "US-IDNC-DEADLINE-01", "2025-04-11" },
        { "us", "US-CONS-01", null },
        { "us", "US-REVOKE-01", "2025-04-11" },
        { "us", "US-REVOKE-02", "2027-01-31" },
        { "us", "US-RND-01", "2021-11-01" },
        { "us", "US-TRACED-01", "2023-07-20" },
        { "us", "US-TRACED-DAY-01", "2023-07-20" },
        { "us-regf", "US-REGF-HOURS-01", "2021-11-30" },
        { "us-regf", "US-REGF-FREQ-01", "2021-11-30" },
        { "us-regf", "US-REGF-COOL-01", "2021-11-30" },
        { "us-regf", "US-REGF-MED-01", "2021-11-30" },
        { "us-fl", "US-FL-01", "2021-07-01" },
        { "us-fl", "US-FL-02", "2021-07-01" },
        { "us-ok", "US-OK-01", "2022-11-01" },
        { "us-ok", "US-OK-FREQ-01", "2022-11-01" },
        { "us-md", "US-MD-01", "2024-01-01" },
        { "us-md", "US-MD-FREQ-01", "2024-01-01" },
        { "us-wa", "US-WA-01", "2022-06-09" },
        { "us-wa", "US-WA-COOL-01", "2022-06-09" },
        { "us-ct", "US-CT-01", "2023-10-01" },
        { "us-ct", "US-CT-CONS-01", "2023-10-01" },
        { "us-tx", "US-TX-01", null },
        { "us-tx", "US-TX-02", "2025-09-01" },
        { "us-ms", "US-MS-01", null },
        { "us-la", "US-LA-01", null },
        { "us-la", "US-LA-HOL-01", null },
        { "us-la", "US-LA-EMERG-01", null },
        { "us-va", "US-VA-01", null },
        { "us-va", "US-VA-STOP-01", "2026-01-01" },
        { "us-ny", "US-NY-01", null },
        { "us-ny", "US-NY-EMERG-01", "2019-12-18" },
        { "us-me", "US-ME-RND-01", "2024-07-16" },
        { "us-al", "US-AL-01", null },
        { "us-al", "US-AL-HOL-01", null },
        { "us-ri", "US-RI-01", null },
        { "us-ri", "US-RI-HOL-01", null },
        { "us-ut", "US-UT-01", null },
        { "us-ut", "US-UT-HOL-01", null },
    };

    private static readonly string[] UsPacks = { "us", "us-regf", "us-fl", "us-ok", "us-md", "us-wa", "us-ct", "us-tx", "us-ms", "us-la", "us-va", "us-ny", "us-me", "us-al", "us-ri", "us-ut" };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_carries_its_id_citation_and_dates(string pack, string id, string? inForceFrom)
    {
        var rule = Assert.Single(RulePacks.Get(pack).Rules, r => r.Id == id);

        // The catalogue's id pattern: country, kind words, two-digit number.
        Assert.Matches("^[A-Z]{2}(-[A-Z]+)+-[0-9]{2}$", rule.Id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Citation));
        Assert.False(string.IsNullOrWhiteSpace(rule.Metadata.Description));
        Assert.Equal(inForceFrom is null ? null : Date(inForceFrom), rule.InForce.From);
        Assert.Null(rule.InForce.To);
    }

    [Fact]
    public void The_packs_hold_exactly_the_listed_rules()
    {
        var listed = new HashSet<(string, string)>(Rules.Select(row => ((string)row[0], (string)row[1])));
        var actual = UsPacks
            .SelectMany(pack => RulePacks.Get(pack).Rules.Select(r => (pack, r.Id)));
        Assert.Equal(listed.OrderBy(x => x), actual.OrderBy(x => x));
    }

    [Fact]
    public void The_us_packs_combine_without_id_clashes()
    {
        Assert.True(RulePacks.TryResolve(string.Join("+", UsPacks), out var all, out var error), error);
        Assert.Equal(41, all!.Rules.Length);
    }

    [Fact]
    public void An_allowed_check_of_the_us_pack_allocates_nothing()
    {
        // The deadline advisory makes the us pack an advising policy; an allowed check with
        // nothing to advise must still allocate nothing (the advisory buffer is reused).
        var request = Marketing(AmericanPerson(NewYork));
        var at = NewYorkTime("2026-03-10 12:00");
        var history = History(Attempt(NewYorkTime("2026-03-09 12:00")));
        Assert.True(UnitedStatesRules.Pack.Evaluate(request, at, history).IsAllowed);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var decision = UnitedStatesRules.Pack.Evaluate(request, at, history);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(decision.IsAllowed);
        Assert.Equal(0, allocated);
    }
}
