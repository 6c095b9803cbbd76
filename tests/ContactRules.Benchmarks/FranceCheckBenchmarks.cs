using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ContactRules.Jurisdictions;
using ContactRules.Tests.Properties;
using NodaTime;

namespace ContactRules.Benchmarks;

/// <summary>
/// One contact in Paris, the France pack, histories of 1, 30 and 1,000 attempts. "Allowed" is a
/// Tuesday 11:00 with one attempt in the last 30 days; "Refused" is the same instant when
/// that attempt was a refusal (FR-COOL-01), so the engine also explains the violation and
/// computes the next permitted instant. The LINQ baseline is the naive reading of the four rules the property tests use.
/// </summary>
[MemoryDiagnoser]
public class FranceCheckBenchmarks
{

    // The same four rules as the LINQ baseline, for a like-for-like ratio; the full pack adds
    // Bloctel, consent, FR-STOP-01, the sector ban, automated calls and the GDPR objection.
    private static readonly ContactPolicy D223_9 = new ContactPolicy(
        "d223-9", new Rules.ContactRule[] { FranceRules.Hours, FranceRules.Holidays, FranceRules.Frequency, FranceRules.RefusalCooldown });

    private ContactRequest request = null!;
    private Instant at;
    private ContactHistory allowedHistory;
    private ContactHistory refusedHistory;
    private ContactAttempt[] allowedList = null!;
    private ContactAttempt[] refusedList = null!;
    private ContactRequest consentingRequest = null!;
    private Instant reformAt;
    private ContactHistory reformHistory;

    [Params(1, 30, 1000)]
    public int Attempts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        request = new ContactRequest(new Contact("c-1") { PhoneNumber = "+33612345678", TimeZones = ImmutableArray.Create(Paris) }) { Caller = "acme" };
        at = Paris.AtStrictly(new LocalDateTime(2026, 3, 10, 11, 0)).ToInstant();

        // Older attempts spread evenly before the 30-day window; the last three inside it.
        var older = Enumerable.Range(0, Attempts - 1)
            .Select(i => new ContactAttempt(at - Duration.FromDays(31) - Duration.FromHours(7 * i), AttemptOutcome.NoAnswer) { Caller = "acme" });
        allowedList = older.Append(new ContactAttempt(at - Duration.FromDays(3), AttemptOutcome.Voicemail) { Caller = "acme" }).ToArray();
        refusedList = older.Append(new ContactAttempt(at - Duration.FromDays(3), AttemptOutcome.Refused) { Caller = "acme" }).ToArray();
        allowedHistory = ContactHistory.Create(allowedList);
        refusedHistory = ContactHistory.Create(refusedList);

        reformAt = Paris.AtStrictly(new LocalDateTime(2026, 9, 8, 11, 0)).ToInstant();
        consentingRequest = new ContactRequest(request.Contact)
        {
            Caller = "acme",
            Consents = ImmutableArray.Create(new ConsentRecord(reformAt - Duration.FromDays(7)) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = "acme" }),
        };
        reformHistory = ContactHistory.Create(allowedList.Select(a => new ContactAttempt(a.At + (reformAt - at), a.Outcome) { Caller = "acme" }));
    }

    [Benchmark(Baseline = true, Description = "engine, D223-9: allowed")]
    public bool EngineAllowed() => D223_9.Evaluate(request, at, allowedHistory).IsAllowed;

    [Benchmark(Description = "engine, fr pack: allowed")]
    public bool PackAllowed() => FranceRules.Pack.Evaluate(request, at, allowedHistory).IsAllowed;

    // From 11 August 2026 the allowed path reads the consent (FR-CONS-01, FR-CONS-02, FR-WDRW-01)
    // and advises keeping its proof (FR-PROOF-01): Tuesday 8 September 2026 11:00, a consent of
    // 1 September, the same history shifted to end three days before.
    [Benchmark(Description = "engine, fr pack after 11 Aug 2026: allowed under a consent")]
    public bool PackAllowedUnderConsent() => FranceRules.Pack.Evaluate(consentingRequest, reformAt, reformHistory).IsAllowed;

    [Benchmark(Description = "LINQ: allowed")]
    public bool LinqAllowed() => FrenchOracle.Allows(request, at, allowedList);

    [Benchmark(Description = "engine, D223-9: refused + next permitted")]
    public Instant? EngineRefused() => D223_9.Evaluate(request, at, refusedHistory).NextPermittedAt;

    [Benchmark(Description = "engine, fr pack: refused + next permitted")]
    public Instant? PackRefused() => FranceRules.Pack.Evaluate(request, at, refusedHistory).NextPermittedAt;

    [Benchmark(Description = "LINQ: refused (no next permitted)")]
    public bool LinqRefused() => FrenchOracle.Allows(request, at, refusedList);
}
