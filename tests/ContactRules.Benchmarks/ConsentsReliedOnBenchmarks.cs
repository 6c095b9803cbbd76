using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ContactRules.Jurisdictions;
using NodaTime;

namespace ContactRules.Benchmarks;

/// <summary>
/// What a French reservation after 11 August 2026 computes, besides its decision, to record the
/// consents it relied on: Tuesday 8 September 2026 11:00 in Paris, the fr pack, 30 attempts, two
/// stored consents (one of 1 September 2026, one of 1 September 2025 that FR-CONS-02 ended). The
/// baseline is the gate's former reading (main at adc6c50): the whole policy evaluated again
/// without the consents, then every consent valid by its own record (which named the lapsed one
/// too). The decision itself is measured beside them for scale.
/// </summary>
[MemoryDiagnoser]
public class ConsentsReliedOnBenchmarks
{
    private ContactRequest request = null!;
    private Instant at;
    private ContactHistory history;

    [GlobalSetup]
    public void Setup()
    {
        at = Paris.AtStrictly(new LocalDateTime(2026, 9, 8, 11, 0)).ToInstant();
        var attempts = Enumerable.Range(0, 29)
            .Select(i => new ContactAttempt(at - Duration.FromDays(31) - Duration.FromHours(7 * i), AttemptOutcome.NoAnswer) { Caller = "acme" })
            .Append(new ContactAttempt(at - Duration.FromDays(3), AttemptOutcome.Voicemail) { Caller = "acme" });
        history = ContactHistory.Create(attempts);
        request = new ContactRequest(new Contact("c-1") { PhoneNumber = "+33612345678", TimeZones = ImmutableArray.Create(Paris) })
        {
            Caller = "acme",
            Consents = ImmutableArray.Create(
                new ConsentRecord(at - Duration.FromDays(7)) { Id = "k-new", Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = "acme" },
                new ConsentRecord(at - Duration.FromDays(372)) { Id = "k-old", Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = "acme" }),
        };
        if (!FranceRules.Pack.Evaluate(request, at, history).IsAllowed || Relied() != 1 || FormerReading() != 2)
        {
            throw new InvalidOperationException("The benchmark's reservation must be allowed, relying on k-new only (and k-old under the former reading).");
        }
    }

    [Benchmark(Description = "decision (Evaluate), for scale")]
    public bool Decision() => FranceRules.Pack.Evaluate(request, at, history).IsAllowed;

    [Benchmark(Baseline = true, Description = "former: policy without consents, then consents valid by record")]
    public int FormerReading()
    {
        var held = request.Consents.Where(c => c.Covers(request) && c.IsValidAt(at)).ToList();
        return held.Count > 0 && !FranceRules.Pack.Evaluate(request.WithoutConsents(), at, history).IsAllowed ? held.Count : 0;
    }

    [Benchmark(Description = "ConsentsReliedOn: the rules' own readings")]
    public int Relied() => FranceRules.Pack.ConsentsReliedOn(request, at, history).Count;
}
