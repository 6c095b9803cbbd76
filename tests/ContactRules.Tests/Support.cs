using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Tests;

/// <summary>Small builders that keep the tests close to the law's wording.</summary>
internal static class Support
{
    internal static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    internal static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    internal static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];
    internal static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    internal static readonly DateTimeZone Reunion = DateTimeZoneProviders.Tzdb["Indian/Reunion"];
    internal static readonly DateTimeZone Martinique = DateTimeZoneProviders.Tzdb["America/Martinique"];

    /// <summary>An instant given as the local time in a zone: "2026-03-10 10:00" in Paris.</summary>
    internal static Instant Local(string localDateTime, DateTimeZone zone)
    {
        var local = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Parse(localDateTime).Value;
        return zone.AtStrictly(local).ToInstant();
    }

    internal static Instant Paris_(string localDateTime) => Local(localDateTime, Paris);

    /// <summary>The four rules of art. D223-9 alone, without the rest of the fr pack (lists, consent, sector bans).</summary>
    internal static readonly ContactPolicy D223_9 = new ContactPolicy(
        "d223-9",
        new ContactRules.Rules.ContactRule[] { FranceRules.Hours, FranceRules.Holidays, FranceRules.Frequency, FranceRules.RefusalCooldown });

    internal static Instant Utc(string instant) => InstantPattern.ExtendedIso.Parse(instant).Value;

    internal static Contact Person(params DateTimeZone[] zones)
        => new Contact("c-1") { PhoneNumber = "+33612345678", TimeZones = zones.ToImmutableArray() };

    internal static ContactRequest Call(Contact contact, string? caller = "acme")
        => new ContactRequest(contact) { Caller = caller };

    internal static ContactAttempt Attempt(Instant at, AttemptOutcome outcome = AttemptOutcome.NoAnswer, string? caller = "acme")
        => new ContactAttempt(at, outcome) { Caller = caller };

    internal static ContactHistory History(params ContactAttempt[] attempts) => ContactHistory.Create(attempts);

    internal static ContactHistory History(IEnumerable<ContactAttempt> attempts) => ContactHistory.Create(attempts);
}
