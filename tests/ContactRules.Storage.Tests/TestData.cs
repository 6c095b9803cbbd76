using System.Linq;
using System.Collections.Immutable;
using ContactRules.Jurisdictions;
using ContactRules.Rules;
using NodaTime;
using NodaTime.Testing;

namespace ContactRules.Storage.Tests;

/// <summary>The people, instants, key and policies the storage tests share.</summary>
internal static class TestData
{
    /// <summary>A fixed test key (32 bytes); real deployments draw theirs at random and keep it secret.</summary>
    internal static readonly PhoneNumberHasher Hasher = new PhoneNumberHasher(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    internal const string Number = People.FrenchMobile;

    /// <summary>Tuesday 10 March 2026, 10:30 in Paris: inside the D223-9 hours (Mon-Fri 10-13, 14-20), not a holiday.</summary>
    internal static Instant Tuesday1030 => ParisTime("2026-03-10 10:30");

    /// <summary>
    /// The French pack (which holds Bloctel, FR-LIST-01, and the GDPR objection, EU-OBJ-01) plus the
    /// UK company opt-out rule (UK-IDNC-01): every kind of stored fact the ledger feeds to the gate.
    /// </summary>
    internal static readonly ContactPolicy FactsPolicy = ContactPolicy.Combine(
        FranceRules.Pack,
        new ContactPolicy("facts", new ContactRule[] { UnitedKingdomRules.CompanyOptOut }));

    /// <summary>A policy that needs consent for every contact (Germany, UWG § 7(2) Nr. 1), so that an allowed call relies on one.</summary>
    internal static readonly ContactPolicy ConsentPolicy = new ContactPolicy(
        "de-consent",
        new ContactRule[] { new ConsentRequirement(new RuleMetadata("DE-CONS-01", "UWG § 7(2) Nr. 1")) });

    internal static FakeClock ClockAtTuesday() => new FakeClock(Tuesday1030);

    internal static Contact Person(string id = "c-1", string? number = Number)
        => new Contact(id) { PhoneNumber = number, TimeZones = ImmutableArray.Create(Paris) };

    /// <summary>
    /// The reservation a killed dialer left behind is the first of the 4 attempts that D223-9
    /// allows in 30 days: three more calls today, then a refusal.
    /// </summary>
    internal static void AssertKilledReservationCounts(ContactLedger ledger)
    {
        Xunit.Assert.Equal(AttemptOutcome.Reserved, Xunit.Assert.Single(History(ledger, "c-1").Attempts.ToArray()).Outcome);
        var gate = new ContactGate(FranceRules.Pack, ClockAtTuesday(), ledger);
        Xunit.Assert.True(gate.TryReserve(Call(Person()), out _));
        Xunit.Assert.True(gate.TryReserve(Call(Person()), out _));
        Xunit.Assert.True(gate.TryReserve(Call(Person()), out _));
        Xunit.Assert.False(gate.TryReserve(Call(Person()), out _));
    }

    /// <summary>The attempts the ledger holds for a person now.</summary>
    internal static ContactHistory History(ContactLedger ledger, string contactId) => ledger.Read(new Contact(contactId)).History;

    internal static ConsentProof Proof(string? number = Number)
        => new ConsentProof("web-form", "Yes, acme may call me about its offers.", "form-2026-01")
        {
            EvidenceReferences = ImmutableArray.Create("s3://evidence/c-1/page.png", "ip:203.0.113.7"),
            PhoneNumber = number,
            CollectedBy = "acme",
        };
}
