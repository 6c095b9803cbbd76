using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Xunit;
using static ContactRules.Json.Tests.Json;

namespace ContactRules.Json.Tests;

/// <summary>
/// A request written and read back is the same request: every property, every consent and
/// opt-out, the zones by their TZDB ids, instants to the tick.
/// </summary>
public class RequestRoundTripTests
{
    private static ContactRequest FullRequest() => new(
        new Contact("person-42")
        {
            PhoneNumber = "+262692123456",
            // A Réunion number whose holder may be in mainland France: both zones must allow.
            TimeZones = ImmutableArray.Create(Zone("Indian/Reunion"), Zone("Europe/Paris")),
            Region = "FR-974",
            Contract = new ContractStatus(Active: true, RelatedToPurpose: false),
            LastPurchase = new LocalDate(2025, 1, 15),
            LastInquiry = null,
            LastPermanentDisconnection = new LocalDate(2025, 6, 30),
            ReassignedNumbersCheckedAt = Utc("2026-02-15T08:00:00Z"),
        },
        ContactChannel.Voice,
        ContactPurpose.DebtCollection)
    {
        Automated = true,
        Subject = "debt-7",
        Caller = "acme",
        Campaign = null,
        LiveAgentGuaranteed = true,
        Consents = ImmutableArray.Create(
            new ConsentRecord(Utc("2026-02-01T10:00:00Z"))
            {
                Id = "c-1",
                Channel = ContactChannel.Sms,
                Purpose = null,
                Entity = "acme",
                ExpiresAt = Utc("2027-02-01T10:00:00Z"),
                RevokedAt = Instant.FromUnixTimeTicks(17_700_000_000_000_001), // a tick past a second: no rounding
                OutsideHours = true,
                Slot = new Interval(Utc("2026-03-02T09:00:00Z"), Utc("2026-03-02T09:15:00Z")),
                Basis = ConsentBasis.SoftOptIn,
            }),
        OptOuts = ImmutableArray.Create(
            new OptOut(OptOutKind.Registry, Utc("2026-01-05T09:00:00Z")) { Registry = ContactRegistry.Bloctel },
            new OptOut(OptOutKind.Company, Utc("2026-03-01T12:00:00Z")) { EffectiveAt = Utc("2026-03-01T12:00:00Z"), Channel = ContactChannel.Sms, Entity = "acme" },
            new OptOut(OptOutKind.Objection, Utc("2026-03-02T08:00:00.5Z"))),
        RegistrySnapshotAt = Utc("2026-03-01T00:00:00Z"),
    };

    [Fact]
    public void Every_property_of_a_full_request_reads_back_equal()
    {
        var original = FullRequest();
        var read = Read<ContactRequest>(Write(original));

        Assert.Equal("person-42", read.Contact.Id);
        Assert.Equal("+262692123456", read.Contact.PhoneNumber);
        Assert.Equal(new[] { "Indian/Reunion", "Europe/Paris" }, read.Contact.TimeZones.Select(z => z.Id));
        Assert.Same(Zone("Indian/Reunion"), read.Contact.TimeZones[0]);
        Assert.Equal("FR-974", read.Contact.Region);
        Assert.Equal(new ContractStatus(true, false), read.Contact.Contract);
        Assert.Equal(new LocalDate(2025, 1, 15), read.Contact.LastPurchase);
        Assert.Null(read.Contact.LastInquiry);
        Assert.Equal(new LocalDate(2025, 6, 30), read.Contact.LastPermanentDisconnection);
        Assert.Equal(Utc("2026-02-15T08:00:00Z"), read.Contact.ReassignedNumbersCheckedAt);
        Assert.Equal(ContactChannel.Voice, read.Channel);
        Assert.Equal(ContactPurpose.DebtCollection, read.Purpose);
        Assert.True(read.Automated);
        Assert.Equal("debt-7", read.Subject);
        Assert.Equal("acme", read.Caller);
        Assert.Null(read.Campaign);
        Assert.True(read.LiveAgentGuaranteed);
        Assert.Equal(Utc("2026-03-01T00:00:00Z"), read.RegistrySnapshotAt);

        var consent = Assert.Single(read.Consents);
        Assert.Equal("c-1", consent.Id);
        Assert.Equal(ContactChannel.Sms, consent.Channel);
        Assert.Null(consent.Purpose);
        Assert.Equal("acme", consent.Entity);
        Assert.Equal(Utc("2026-02-01T10:00:00Z"), consent.GrantedAt);
        Assert.Equal(Utc("2027-02-01T10:00:00Z"), consent.ExpiresAt);
        Assert.Equal(Instant.FromUnixTimeTicks(17_700_000_000_000_001), consent.RevokedAt);
        Assert.True(consent.OutsideHours);
        Assert.Equal(new Interval(Utc("2026-03-02T09:00:00Z"), Utc("2026-03-02T09:15:00Z")), consent.Slot);
        Assert.Equal(ConsentBasis.SoftOptIn, consent.Basis);

        Assert.Equal(3, read.OptOuts.Length);
        Assert.Equal((OptOutKind.Registry, (ContactRegistry?)ContactRegistry.Bloctel, Utc("2026-01-05T09:00:00Z"), (Instant?)null, (ContactChannel?)null, (string?)null), Facts(read.OptOuts[0]));
        Assert.Equal((OptOutKind.Company, (ContactRegistry?)null, Utc("2026-03-01T12:00:00Z"), (Instant?)Utc("2026-03-01T12:00:00Z"), (ContactChannel?)ContactChannel.Sms, (string?)"acme"), Facts(read.OptOuts[1]));
        Assert.Equal((OptOutKind.Objection, (ContactRegistry?)null, Utc("2026-03-02T08:00:00.5Z"), (Instant?)null, (ContactChannel?)null, (string?)null), Facts(read.OptOuts[2]));
    }

    [Fact]
    public void Writing_what_was_read_gives_the_same_text()
    {
        var once = Write(FullRequest());
        Assert.Equal(once, Write(Read<ContactRequest>(once)));
    }

    [Fact]
    public void A_request_is_written_with_every_property_in_the_contracts_names()
    {
        // Worked out by hand from the request below: every property written, null where the
        // request has none, enums by name, instants ISO in UTC with 'Z', dates yyyy-MM-dd.
        var request = new ContactRequest(new Contact("p1") { TimeZones = ImmutableArray.Create(Zone("Europe/Paris")), LastInquiry = new LocalDate(2026, 2, 28) })
        {
            Consents = ImmutableArray.Create(new ConsentRecord(Utc("2026-02-01T10:00:00Z")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing }),
        };

        Assert.Equal(
            "{\"contact\":{\"id\":\"p1\",\"phone\":null,\"timeZones\":[\"Europe/Paris\"],\"region\":null,\"contract\":null,\"lastPurchase\":null,\"lastInquiry\":\"2026-02-28\","
            + "\"lastPermanentDisconnection\":null,\"reassignedNumbersCheckedAt\":null},"
            + "\"channel\":\"voice\",\"purpose\":\"marketing\",\"automated\":false,\"subject\":null,\"caller\":null,\"campaign\":null,\"liveAgentGuaranteed\":false,"
            + "\"consents\":[{\"id\":null,\"channel\":\"voice\",\"purpose\":\"marketing\",\"entity\":null,\"grantedAt\":\"2026-02-01T10:00:00Z\",\"expiresAt\":null,\"revokedAt\":null,\"outsideHours\":false,\"slot\":null,\"basis\":\"consent\"}],"
            + "\"optOuts\":[],\"registrySnapshotAt\":null}",
            Write(request));
    }

    [Fact]
    public void A_history_reads_back_with_every_attempt_in_order()
    {
        var history = ContactHistory.Create(new[]
        {
            new ContactAttempt(Utc("2026-03-02T09:30:00Z"), AttemptOutcome.NotConnected) { Caller = "acme" },
            new ContactAttempt(Utc("2026-03-05T09:30:00Z"), AttemptOutcome.Refused, ContactChannel.Sms, ContactPurpose.Informational) { Subject = "offer-3" },
        });

        var json = Write(history);
        Assert.Equal(
            "[{\"at\":\"2026-03-02T09:30:00Z\",\"outcome\":\"not-connected\",\"channel\":\"voice\",\"purpose\":\"marketing\",\"subject\":null,\"caller\":\"acme\"},"
            + "{\"at\":\"2026-03-05T09:30:00Z\",\"outcome\":\"refused\",\"channel\":\"sms\",\"purpose\":\"informational\",\"subject\":\"offer-3\",\"caller\":null}]",
            json);
        Assert.Equal(history.Attempts.ToArray(), Read<ContactHistory>(json).Attempts.ToArray());
    }

    [Fact]
    public void Enums_inside_a_services_own_types_are_names()
        => Assert.Equal("{\"Purpose\":\"debt-collection\",\"Registry\":\"us-dnc\"}", Write(new { Purpose = ContactPurpose.DebtCollection, Registry = ContactRegistry.UsDnc }));

    private static (OptOutKind, ContactRegistry?, Instant, Instant?, ContactChannel?, string?) Facts(OptOut o)
        => (o.Kind, o.Registry, o.RequestedAt, o.EffectiveAt, o.Channel, o.Entity);
}
