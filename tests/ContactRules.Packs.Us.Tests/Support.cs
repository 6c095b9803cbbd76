using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Rules;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Packs.Us.Tests;

/// <summary>Small builders that keep the tests close to the law's wording.</summary>
internal static class Support
{
    internal static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    internal static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];
    internal static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    /// <summary>An instant given as the local time in a zone: "2026-03-10 10:00" in New York.</summary>
    internal static Instant Local(string localDateTime, DateTimeZone zone)
    {
        var local = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Parse(localDateTime).Value;
        return zone.AtStrictly(local).ToInstant();
    }

    internal static Instant Ny(string localDateTime) => Local(localDateTime, NewYork);

    internal static Instant Utc(string instant) => InstantPattern.ExtendedIso.Parse(instant).Value;

    internal static LocalDate Date(string date) => LocalDatePattern.Iso.Parse(date).Value;

    internal static Contact Person(params DateTimeZone[] zones)
        => new Contact("c-1") { PhoneNumber = "+12125550123", TimeZones = zones.ToImmutableArray() };

    internal static ContactRequest Marketing(Contact contact, string? subject = null, ContactChannel channel = ContactChannel.Voice)
        => new ContactRequest(contact, channel, ContactPurpose.Marketing) { Caller = "acme", Subject = subject };

    internal static ContactRequest Debt(Contact contact, string debt = "debt-1", ContactChannel channel = ContactChannel.Voice)
        => new ContactRequest(contact, channel, ContactPurpose.DebtCollection) { Caller = "collector", Subject = debt };

    /// <summary>A copy of the request with the given facts replaced.</summary>
    internal static ContactRequest With(
        this ContactRequest r,
        ConsentRecord[]? consents = null,
        OptOut[]? optOuts = null,
        Instant? snapshot = null,
        bool? automated = null)
        => new ContactRequest(r.Contact, r.Channel, r.Purpose)
        {
            Caller = r.Caller,
            Subject = r.Subject,
            Campaign = r.Campaign,
            Automated = automated ?? r.Automated,
            Consents = consents?.ToImmutableArray() ?? r.Consents,
            OptOuts = optOuts?.ToImmutableArray() ?? r.OptOuts,
            RegistrySnapshotAt = snapshot ?? r.RegistrySnapshotAt,
        };

    internal static ContactRequest WithConsents(this ContactRequest r, params ConsentRecord[] consents) => r.With(consents: consents);

    internal static ContactRequest WithOptOuts(this ContactRequest r, params OptOut[] optOuts) => r.With(optOuts: optOuts);

    internal static ContactAttempt Attempt(
        Instant at,
        AttemptOutcome outcome = AttemptOutcome.NoAnswer,
        ContactPurpose purpose = ContactPurpose.Marketing,
        string? subject = null,
        string? caller = "acme",
        ContactChannel channel = ContactChannel.Voice)
        => new ContactAttempt(at, outcome, channel, purpose) { Subject = subject, Caller = caller };

    internal static ContactAttempt DebtAttempt(Instant at, AttemptOutcome outcome = AttemptOutcome.NoAnswer, string? debt = "debt-1", ContactChannel channel = ContactChannel.Voice)
        => Attempt(at, outcome, ContactPurpose.DebtCollection, debt, "collector", channel);

    internal static ContactHistory History(params ContactAttempt[] attempts) => ContactHistory.Create(attempts);

    internal static ContactHistory History(IEnumerable<ContactAttempt> attempts) => ContactHistory.Create(attempts);

    internal static ContactPolicy Only(params ContactRule[] rules) => new ContactPolicy("test", rules);

    internal static IEnumerable<string> Ids(ContactDecision decision) => decision.Violations.Select(v => v.RuleId);

    internal static string Single(ContactDecision decision) => Xunit.Assert.Single(decision.Violations).RuleId;
}
