using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using Xunit;
using static ContactRules.Json.Tests.Json;

namespace ContactRules.Json.Tests;

/// <summary>
/// Decisions of the real <c>fr</c> pack, written and read back, and the exact text of a decision.
/// Expected instants are worked out by hand from docs/conventions.md and regulations.md.
/// </summary>
public class DecisionTests
{
    private static ContactRequest ParisCall() => new(new Contact("p1") { TimeZones = ImmutableArray.Create(Zone("Europe/Paris")) });

    private static ContactHistory Attempts(AttemptOutcome outcome, params string[] parisTimes)
        => ContactHistory.Create(parisTimes.Select(t => new ContactAttempt(ParisTime(t), outcome)));

    [Fact]
    public void A_fifth_attempt_refused_by_FR_FREQ_01_is_written_with_its_rule_and_instants()
    {
        // Conventions, "Windows of time": attempts on 2, 5, 10, 20 March; a fifth on Friday
        // 27 March 2026 at 11:00 in Paris (inside the 10:00-13:00 window) is refused by FR-FREQ-01
        // alone. The window of local date d holds d-29 ... d; 2 March leaves it on 1 April,
        // whose 00:00 CEST (UTC+2 since 29 March) is 31 March 22:00Z: the rule's "until".
        // 1 April 2026 is a Wednesday; D223-9 allows from 10:00 CEST = 08:00Z: nextPermittedAt.
        var decision = FranceRules.Pack.Evaluate(
            ParisCall(),
            ParisTime("2026-03-27 11:00"),
            Attempts(AttemptOutcome.NoAnswer, "2026-03-02 10:30", "2026-03-05 10:30", "2026-03-10 10:30", "2026-03-20 10:30"));
        Assert.Equal(Utc("2026-04-01T08:00:00Z"), decision.NextPermittedAt);

        var json = Write(decision);
        Assert.StartsWith(
            "{\"allowed\":false,\"violations\":[{\"rule\":\"FR-FREQ-01\",\"kind\":\"frequency\",\"citation\":\"Code de la consommation, art. D223-9 al. 3\",\"until\":\"2026-03-31T22:00:00Z\",\"reason\":\"",
            json);
        Assert.EndsWith("\"}],\"nextPermittedAt\":\"2026-04-01T08:00:00Z\"}", json);

        AssertSame(decision, Read<ContactDecision>(json));
    }

    [Fact]
    public void A_call_in_the_60_days_after_a_refusal_is_written_with_FR_COOL_01_and_reads_back_equal()
    {
        // FR-COOL-01: a refusal on Monday 2 March 2026 blocks local dates 2 March ... 1 May
        // (R+60) and allows from 2 May (R+61), 00:00 CEST = 1 May 22:00Z. 2 May is a Saturday,
        // so D223-9's days allow from Monday 4 May 10:00 CEST = 08:00Z.
        var decision = FranceRules.Pack.Evaluate(ParisCall(), ParisTime("2026-03-03 11:00"), Attempts(AttemptOutcome.Refused, "2026-03-02 10:30"));

        var violation = Assert.Single(decision.Violations);
        Assert.Equal("FR-COOL-01", violation.RuleId);
        Assert.Equal(Utc("2026-05-01T22:00:00Z"), violation.Until);
        Assert.Equal(Utc("2026-05-04T08:00:00Z"), decision.NextPermittedAt);

        var read = Read<ContactDecision>(Write(decision));
        AssertSame(decision, read);
        Assert.Equal(Write(decision), Write(read));
    }

    [Fact]
    public void A_small_decision_is_written_exactly()
    {
        var decision = ContactDecision.Refuse(
            ImmutableArray.Create(new RuleViolation("FR-COOL-01", RuleKind.Cooldown, "Code de la consommation, art. D223-9 al. 3", "Refused on 2 March.", Utc("2026-05-01T22:00:00Z"))),
            Utc("2026-05-04T08:00:00Z"),
            ImmutableArray.Create(new ContactAdvisory("DE-PROOF-01", "Keep the proof.", deadline: null)));

        // Written by hand: the evaluate contract's decision line, without its id.
        Assert.Equal(
            "{\"allowed\":false,"
            + "\"violations\":[{\"rule\":\"FR-COOL-01\",\"kind\":\"cooldown\",\"citation\":\"Code de la consommation, art. D223-9 al. 3\",\"until\":\"2026-05-01T22:00:00Z\",\"reason\":\"Refused on 2 March.\"}],"
            + "\"nextPermittedAt\":\"2026-05-04T08:00:00Z\","
            + "\"advisories\":[{\"code\":\"DE-PROOF-01\",\"message\":\"Keep the proof.\",\"deadline\":null}]}",
            Write(decision));
        AssertSame(decision, Read<ContactDecision>(Write(decision)));
    }

    [Fact]
    public void An_allowed_decision_is_three_properties_and_reads_back_as_the_shared_instance()
    {
        Assert.Equal("{\"allowed\":true,\"violations\":[],\"nextPermittedAt\":null}", Write(ContactDecision.Allowed));
        Assert.Same(ContactDecision.Allowed, Read<ContactDecision>("{\"allowed\":true,\"violations\":[],\"nextPermittedAt\":null}"));
    }

    [Fact]
    public void A_violation_alone_reads_back_equal()
    {
        // A rule that waiting does not help (an opt-out): until is null.
        var violation = new RuleViolation("FR-BLOCTEL-01", RuleKind.Registry, "Code de la consommation, art. L223-1", "On Bloctel.", until: null);
        var json = Write(violation);
        Assert.Equal("{\"rule\":\"FR-BLOCTEL-01\",\"kind\":\"registry\",\"citation\":\"Code de la consommation, art. L223-1\",\"until\":null,\"reason\":\"On Bloctel.\"}", json);
        AssertSame(violation, Read<RuleViolation>(json));
    }

    private static void AssertSame(ContactDecision expected, ContactDecision actual)
    {
        Assert.Equal(expected.IsAllowed, actual.IsAllowed);
        Assert.Equal(expected.NextPermittedAt, actual.NextPermittedAt);
        Assert.Equal(expected.Violations.Length, actual.Violations.Length);
        for (var i = 0; i < expected.Violations.Length; i++)
        {
            AssertSame(expected.Violations[i], actual.Violations[i]);
        }

        Assert.Equal(
            expected.Advisories.Select(a => (a.Code, a.Message, a.Deadline)),
            actual.Advisories.Select(a => (a.Code, a.Message, a.Deadline)));
    }

    private static void AssertSame(RuleViolation expected, RuleViolation actual)
        => Assert.Equal(
            (expected.RuleId, expected.Kind, expected.Citation, expected.Reason, expected.Until),
            (actual.RuleId, actual.Kind, actual.Citation, actual.Reason, actual.Until));
}
