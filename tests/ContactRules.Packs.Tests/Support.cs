using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Rules;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>Small builders that keep the tests close to the law's wording.</summary>
internal static class Support
{
    internal static readonly DateTimeZone Paris = Zone("Europe/Paris");
    internal static readonly DateTimeZone London = Zone("Europe/London");
    internal static readonly DateTimeZone Berlin = Zone("Europe/Berlin");

    internal const string Acme = "acme";

    internal static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>An instant given as the local time in a zone: "2026-03-10 10:00" in Paris.</summary>
    internal static Instant Local(string localDateTime, DateTimeZone zone)
    {
        var local = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Parse(localDateTime).Value;
        return zone.AtStrictly(local).ToInstant();
    }

    /// <summary>An instant in UTC: "2026-03-10T10:00:00Z".</summary>
    internal static Instant Utc(string instant) => InstantPattern.ExtendedIso.Parse(instant).Value;

    internal static LocalDate Date(string date) => LocalDatePattern.Iso.Parse(date).Value;

    internal static Contact Person(DateTimeZone zone, string? region = null)
        => new Contact("c-1") { TimeZones = ImmutableArray.Create(zone), Region = region };

    internal static ContactRequest Call(Contact contact, params ConsentRecord[] consents)
        => new ContactRequest(contact) { Caller = Acme, Consents = consents.ToImmutableArray() };

    internal static ConsentRecord ConsentTo(Instant grantedAt, string? entity = Acme)
        => new ConsentRecord(grantedAt) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = entity };

    internal static OptOut Registered(ContactRegistry registry, Instant requestedAt)
        => new OptOut(OptOutKind.Registry, requestedAt) { Registry = registry };

    internal static ContactAttempt Attempt(Instant at, AttemptOutcome outcome = AttemptOutcome.NoAnswer, string? caller = Acme)
        => new ContactAttempt(at, outcome) { Caller = caller };

    internal static ContactHistory History(params ContactAttempt[] attempts) => ContactHistory.Create(attempts);

    internal static ContactDecision Evaluate(ContactPolicy pack, ContactRequest request, Instant at, params ContactAttempt[] history)
        => pack.Evaluate(request, at, ContactHistory.Create(history));

    /// <summary>True when the rule alone allows the request at the instant (dates in force, scope and exemptions included).</summary>
    internal static bool RuleAllows(ContactRule rule, ContactRequest request, Instant at, params ContactAttempt[] history)
        => rule.Allows(new EvaluationContext(request, ContactHistory.Create(history)), at);

    internal static Instant? RuleEarliest(ContactRule rule, ContactRequest request, Instant at, params ContactAttempt[] history)
        => rule.EarliestAllowed(new EvaluationContext(request, ContactHistory.Create(history)), at);

    internal static void AssertAllowed(ContactDecision decision)
        => Assert.True(decision.IsAllowed, "expected allowed, got " + decision);

    /// <summary>Asserts that exactly these rules refuse, in any order.</summary>
    internal static void AssertRefusedBy(ContactDecision decision, params string[] ruleIds)
    {
        Assert.False(decision.IsAllowed, "expected a refusal by " + string.Join(", ", ruleIds));
        Assert.Equal(ruleIds.OrderBy(i => i), decision.Violations.Select(v => v.RuleId).OrderBy(i => i));
    }

    /// <summary>
    /// Allowed the minute before <paramref name="from"/>; from it, refused by <paramref name="ruleId"/>
    /// with no next permitted instant (a list or a refusal that does not lapse).
    /// </summary>
    internal static void AssertRefusedForGoodFrom(ContactPolicy pack, ContactRequest request, Instant from, string ruleId)
    {
        AssertAllowed(Evaluate(pack, request, from - Duration.FromMinutes(1)));
        var decision = Evaluate(pack, request, from);
        AssertRefusedBy(decision, ruleId);
        Assert.Null(decision.NextPermittedAt);
    }

    internal static IEnumerable<string> RuleIds(ContactPolicy pack) => pack.Rules.Select(r => r.Id);
}
