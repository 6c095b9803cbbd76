using System.Collections.Generic;
using System.IO;
using ContactRules;
using ContactRules.Storage;
using NodaTime;

namespace Crm.Sample;

/// <summary>
/// The CRM's first week of February 2027, in France's prior-consent regime (L223-1 as amended,
/// from 11 August 2026): five customers, and one of each thing the law says about calling them.
/// </summary>
internal sealed class Scenario
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly DateTimeZone Reunion = DateTimeZoneProviders.Tzdb["Indian/Reunion"];

    private readonly ScenarioClock clock;
    private readonly ContactLedger ledger;
    private readonly SimulatedTwilio twilio;
    private readonly CallCenter center;
    private readonly string caller;
    private readonly TextWriter output;
    private readonly List<CallResult> results = [];

    public Scenario(ScenarioClock clock, ContactLedger ledger, SimulatedTwilio twilio, CallCenter center, string caller, TextWriter output)
    {
        this.clock = clock;
        this.ledger = ledger;
        this.twilio = twilio;
        this.center = center;
        this.caller = caller;
        this.output = output;
    }

    /// <summary>Monday 1 February 2027, 10:30 in Paris.</summary>
    public static Instant Start { get; } = At(Paris, 2027, 2, 1, 10, 30);

    public static Customer Alice { get; } = new("c-alice", "Alice Martin", "+33612345601", "Europe/Paris");

    public static Customer Bruno { get; } = new("c-bruno", "Bruno Petit", "+33612345602", "Europe/Paris");

    public static Customer Chloe { get; } = new("c-chloe", "Chloé Durand", "+33612345603", "Europe/Paris");

    public static Customer Denis { get; } = new("c-denis", "Denis Moreau", "+33612345604", "Europe/Paris");

    public static Customer Emma { get; } = new("c-emma", "Emma Hoarau", "+262692345605", "Indian/Reunion");

    public IReadOnlyList<CallResult> Play()
    {
        // Four customers gave their consent on the web shop in December; Chloé never did.
        foreach (var customer in new[] { Alice, Bruno, Denis, Emma })
        {
            ledger.RecordConsent(
                customer.Id,
                new ConsentRecord(At(Paris, 2026, 12, 1, 9, 0))
                {
                    Id = "web-2026-12",
                    Channel = ContactChannel.Voice,
                    Purpose = ContactPurpose.Marketing,
                    Entity = caller,
                },
                new ConsentProof("web-form", $"Oui, {caller} peut m'appeler pour me présenter ses offres.", "consent-text-v3"));
        }

        // Monday. Alice does not answer; Bruno answers and refuses the offer; Chloé is not called
        // (no consent); Denis answers and objects to marketing; Emma, in Réunion, is not called
        // at 19:30 Paris time, 22:30 hers.
        Call(At(Paris, 2027, 2, 1, 10, 30), Alice, "no-answer");
        Call(At(Paris, 2027, 2, 1, 10, 40), Bruno, "completed", AttemptOutcome.Refused);
        Call(At(Paris, 2027, 2, 1, 10, 50), Chloe, "completed");
        Call(At(Paris, 2027, 2, 1, 11, 0), Denis, "completed");
        ObjectionRecorded(At(Paris, 2027, 2, 1, 11, 5), Denis);
        Call(At(Paris, 2027, 2, 1, 19, 30), Emma, "completed");

        // Tuesday. Bruno asked to end Monday's call: his consent is withdrawn and he may never be
        // called again; Denis's objection holds; Emma is reached at 11:00 hers; Alice's line is busy.
        Call(At(Reunion, 2027, 2, 2, 11, 0), Emma, "completed");
        Call(At(Paris, 2027, 2, 2, 10, 30), Alice, "busy");
        Call(At(Paris, 2027, 2, 2, 10, 40), Bruno, "completed");
        Call(At(Paris, 2027, 2, 2, 11, 0), Denis, "completed");

        // Wednesday to Friday: the dialer keeps trying Alice every morning; the fifth call is refused.
        Call(At(Paris, 2027, 2, 3, 10, 30), Alice, "no-answer");
        Call(At(Paris, 2027, 2, 4, 10, 30), Alice, "no-answer");
        Call(At(Paris, 2027, 2, 5, 10, 30), Alice, "completed");
        return results;
    }

    private void Call(Instant at, Customer customer, string networkStatus, AttemptOutcome whenAnswered = AttemptOutcome.Conversation)
    {
        clock.Now = at;
        var placedBefore = twilio.Requests.Count;
        twilio.WillEnd(customer.Phone, networkStatus);
        var result = center.Call(customer, whenAnswered);
        if (twilio.Requests.Count == placedBefore)
        {
            // Not dialled: the scripted status stays unused.
            twilio.Forget(customer.Phone);
        }

        results.Add(result);
        Program.Print(output, result);
    }

    private void ObjectionRecorded(Instant at, Customer customer)
    {
        clock.Now = at;
        // "Stop calling me with offers": a GDPR Art. 21 objection, kept in the ledger, where every
        // later decision on any node reads it.
        ledger.RecordOptOut(customer.Id, new OptOut(OptOutKind.Objection, at) { Entity = caller });
        output.WriteLine($"{"",36} {customer.Name,-14} objected to marketing calls: recorded in the ledger");
    }

    private static Instant At(DateTimeZone zone, int year, int month, int day, int hour, int minute)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(zone).ToInstant();
}
