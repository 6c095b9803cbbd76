using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ContactRules.Cli.Received.Judging;
using ContactRules.Cli.Received.Output;
using ContactRules.Cli.Received.People;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Cli.Tests.Received;

/// <summary>
/// The plain words of <c>received</c> (<see cref="RuleWords"/>) are the rules' own: every id of the
/// table is a rule of some pack, the English words give no figure the rule's metadata does not,
/// and a rule the table does not know is worded by its metadata, never shown as a bare id.
/// </summary>
public class RuleWordsTests
{
    private static readonly Dictionary<string, ContactRules.Rules.ContactRule> EveryRule = RulePacks.Ids
        .SelectMany(id => RulePacks.Get(id).Rules)
        .GroupBy(r => r.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    [Fact]
    public void Every_rule_id_of_the_table_is_a_rule_of_some_pack()
    {
        Assert.NotEmpty(RuleWords.RuleIds);
        Assert.All(RuleWords.RuleIds, id => Assert.True(EveryRule.ContainsKey(id), $"RuleWords lists {id}, which no pack has: renamed or removed?"));
    }

    [Fact]
    public void The_english_words_give_only_figures_the_rule_itself_gives()
    {
        // FR-HOURS-01's 10:00 and 20:00, FR-FREQ-01's 4 calls in 30 days, US-DNC-01's 31 days,
        // UK-LIST-01's 28: each figure of the words is in the rule's description, its citation,
        // or its dates in force (FR-CONS-01, from 11 August 2026).
        foreach (var id in RuleWords.RuleIds)
        {
            var rule = EveryRule[id];
            var dates = new[] { rule.InForce.From, rule.InForce.To }.OfType<LocalDate>().SelectMany(d => new[] { d.Day, d.Year });
            var known = Figures(rule.Metadata.Description).Concat(Figures(rule.Citation)).Concat(dates).ToHashSet();
            var words = RuleWords.Of(id, Language.English)!;

            Assert.All(Figures(words), figure => Assert.True(known.Contains(figure), $"{id}: the words say {figure}, which the rule's metadata does not: \"{words}\""));
        }
    }

    [Fact]
    public void The_words_of_FR_COOL_01_and_US_DNC_01_include_their_last_day()
    {
        // FR-COOL-01: a refusal on day R blocks R ... R+60 (60 full days); US-DNC-01 protects a
        // number from 31 days after its registration: a call on the 60th or the 31st day breaks
        // the rule, so neither may read "less than 60 days" or "more than 31 days".
        Assert.Equal("Called again within 60 full calendar days after you turned the canvassing down on the phone.", RuleWords.Of("FR-COOL-01", Language.English));
        Assert.Equal("A solicitation although your number had been on the National Do Not Call Registry for at least 31 days.", RuleWords.Of("US-DNC-01", Language.English));
        Assert.Contains("60 jours révolus", RuleWords.Of("FR-COOL-01", Language.French), StringComparison.Ordinal);
        Assert.Contains("depuis au moins 31 jours", RuleWords.Of("US-DNC-01", Language.French), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void A_rule_the_table_does_not_know_US_TRACED_01_is_worded_by_its_metadata_with_its_citation(string code)
    {
        var policy = RulePacks.Get("us");
        var rule = policy.Rules.Single(r => r.Id == "US-TRACED-01");
        Assert.Null(RuleWords.Of(rule.Id, Language.English));
        var result = Result(policy);
        var violation = new RuleViolation(rule.Id, rule.Kind, rule.Citation, "the engine's reason", null);

        Assert.Equal(rule.Metadata.Description, CallText.Rule(violation, result, Language.Parse(code)!));
    }

    [Fact]
    public void A_rule_no_pack_knows_is_worded_by_its_reason_and_the_engines_own_refusal_by_what_it_means()
    {
        var result = Result(RulePacks.Get("fr"));
        var unknown = new RuleViolation("XX-NEW-01", RuleKind.Consent, "Some law, art. 1", "No call without consent.", null);
        var zone = new RuleViolation(CoreRules.ZoneUnknownId, RuleKind.Zone, CoreRules.ZoneUnknownCitation, "No time zone is known for contact c1.", null);

        Assert.Equal("No call without consent.", CallText.Rule(unknown, result, Language.French));
        Assert.StartsWith("The called person's time zone was unknown", CallText.Rule(zone, result, Language.French), StringComparison.Ordinal);
    }

    private static ReceivedResult Result(ContactPolicy policy)
        => new(policy, NewYork, new PersonFacts(), null, Array.Empty<Cli.Received.Exports.ExportReading>());

    private static IEnumerable<int> Figures(string text)
        => Regex.Matches(text, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture));
}
