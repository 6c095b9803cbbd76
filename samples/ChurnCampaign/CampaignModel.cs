using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules;
using NodaTime;

namespace ChurnCampaign;

/// <summary>
/// The seeded, reproducible world of the replay: a French operator's churn-risk customers and a
/// predictive dialer run by two subcontractors that tries 2–5 calls a day per customer, Monday to
/// Saturday, between 08:00 and 21:00 on the call centre's (Paris) clock, for three weeks.
/// </summary>
internal sealed class CampaignModel
{
    public const string Operator = "operator";
    public static readonly string[] Subcontractors = { "callcenter-a", "callcenter-b" };

    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    // Overseas departments: the dialer's Paris clock is the wrong clock for them.
    private static readonly (string Zone, string Region)[] Overseas =
    {
        ("Indian/Reunion", "FR-974"), ("America/Martinique", "FR-972"), ("America/Guadeloupe", "FR-971"),
        ("America/Cayenne", "FR-973"), ("Indian/Mayotte", "FR-976"),
    };

    private CampaignModel(LocalDate start, int days, ImmutableArray<Customer> customers, ProposedCall[] proposals)
    {
        Start = start;
        Days = days;
        Customers = customers;
        Proposals = proposals;
    }

    public LocalDate Start { get; }

    public int Days { get; }

    public ImmutableArray<Customer> Customers { get; }

    /// <summary>Every call the dialer wants to place, in time order.</summary>
    public ProposedCall[] Proposals { get; }

    public static DateTimeZone CallCentreZone => Paris;

    public static CampaignModel Create(int customerCount, int seed, LocalDate start, int days)
    {
        var random = new Random(seed);
        var customers = ImmutableArray.CreateBuilder<Customer>(customerCount);
        for (var i = 0; i < customerCount; i++)
        {
            customers.Add(NewCustomer(i, random));
        }

        var proposals = new List<ProposedCall>(customerCount * days * 4);
        for (var day = 0; day < days; day++)
        {
            var date = start.PlusDays(day);
            if (date.DayOfWeek == IsoDayOfWeek.Sunday)
            {
                continue;
            }

            for (var c = 0; c < customerCount; c++)
            {
                var calls = random.Next(2, 6);
                for (var k = 0; k < calls; k++)
                {
                    var minute = random.Next(8 * 60, 21 * 60);
                    var at = Paris.AtLeniently(date.AtMidnight().PlusMinutes(minute)).ToInstant() + Duration.FromSeconds(random.Next(60));
                    var subcontractor = Subcontractors[random.Next(Subcontractors.Length)];
                    proposals.Add(new ProposedCall(c, at, subcontractor, DrawOutcome(random, customers[c].RefusalChance)));
                }
            }
        }

        var ordered = proposals.OrderBy(p => p.At).ThenBy(p => p.Customer).ToArray();
        return new CampaignModel(start, days, customers.MoveToImmutable(), ordered);
    }

    private static Customer NewCustomer(int index, Random random)
    {
        var overseas = random.NextDouble() < 0.05 ? Overseas[random.Next(Overseas.Length)] : default;
        var zone = overseas.Zone is null ? Paris : DateTimeZoneProviders.Tzdb[overseas.Zone];
        var region = overseas.Region ?? (random.NextDouble() < 0.03 ? "FR-67" : "FR-75");
        var isCustomer = random.NextDouble() < 0.85;
        var contact = new Contact($"cust-{index + 1:D5}")
        {
            PhoneNumber = $"+336{random.Next(10_000_000, 99_999_999)}",
            TimeZones = ImmutableArray.Create(zone),
            Region = region,
            Contract = new ContractStatus(Active: isCustomer, RelatedToPurpose: isCustomer),
        };

        var consents = ImmutableArray<ConsentRecord>.Empty;
        if (random.NextDouble() < 0.10)
        {
            // Prior, provable consent to retention calls, evenings and Saturdays included.
            consents = ImmutableArray.Create(new ConsentRecord(Instant.FromUtc(2025, 11, 3, 9, 0))
            {
                Channel = ContactChannel.Voice,
                Purpose = ContactPurpose.Marketing,
                Entity = Operator,
                OutsideHours = true,
            });
        }

        var optOuts = ImmutableArray<OptOut>.Empty;
        if (random.NextDouble() < 0.25)
        {
            optOuts = ImmutableArray.Create(new OptOut(OptOutKind.Registry, Instant.FromUtc(2024, 9, 16, 18, 30)) { Registry = ContactRegistry.Bloctel });
        }

        var request = new ContactRequest(contact, ContactChannel.Voice, ContactPurpose.Marketing)
        {
            Caller = Operator,
            Campaign = "retention-2026-06",
            Subject = "retention-offer",
            Consents = consents,
            OptOuts = optOuts,
        };

        // One customer in five has had enough and refuses whenever an agent reaches them.
        return new Customer(request, random.NextDouble() < 0.2 ? 0.7 : 0.05);
    }

    private static AttemptOutcome DrawOutcome(Random random, double refusalChance)
    {
        var roll = random.Next(100);
        var outcome = roll switch
        {
            < 38 => AttemptOutcome.NoAnswer,
            < 52 => AttemptOutcome.Voicemail,
            < 57 => AttemptOutcome.Busy,
            < 64 => AttemptOutcome.Machine,
            < 78 => AttemptOutcome.Abandoned, // predictive pacing: the person answers to silence
            < 81 => AttemptOutcome.NotConnected,
            _ => AttemptOutcome.Conversation,
        };

        return outcome == AttemptOutcome.Conversation && random.NextDouble() < refusalChance ? AttemptOutcome.Refused : outcome;
    }
}
