using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using CsCheck;
using NodaTime;
using Xunit;
using static ContactRules.Tests.TestPolicies;

namespace ContactRules.Tests.Properties;

/// <summary>
/// Properties of the engine on random French cases, under the four rules of art. D223-9: histories of up to 40 attempts in the 60 days
/// before a random instant of 2026, by three callers, with refusals; one or two candidate zones
/// among mainland France and overseas departments; sometimes a consent to calls outside hours
/// (which décret n° 2026-662 stops counting on 11 August 2026), sometimes a consent to a slot
/// near the instant.
/// </summary>
public class EnginePropertyTests
{
    private static readonly Instant Year = Utc("2026-01-01T00:00:00Z");

    private static readonly Gen<DateTimeZone[]> Zones = Gen.OneOfConst(
        new[] { Paris }, new[] { Reunion }, new[] { Martinique }, new[] { Paris, Reunion }, new[] { Martinique, Paris });

    private static readonly Gen<AttemptOutcome> Outcomes = Gen.Int[0, 24].Select(i => i switch
    {
        0 => AttemptOutcome.Refused,
        <= 8 => (AttemptOutcome)(i - 1 == (int)AttemptOutcome.Refused ? (int)AttemptOutcome.Conversation : i - 1),
        _ => AttemptOutcome.NoAnswer,
    });

    private static readonly Gen<string?> Callers = Gen.OneOfConst<string?>("acme", "acme", "other", null);

    private static readonly Gen<Case> Cases =
        from at in Gen.Long[0, 360L * 24 * 60].Select(m => Year + Duration.FromMinutes(m))
        from zones in Zones
        from consent in Gen.Int[0, 4]
        from slotStart in Gen.Long[-3L * 24 * 60, 3L * 24 * 60]
        from slotMinutes in Gen.Long[1, 3L * 24 * 60]
        from caller in Gen.OneOfConst<string?>("acme", "acme", null)
        from attempts in Gen.Select(Gen.Long[0, 60L * 24 * 60], Outcomes, Callers, Gen.Int[0, 9])
            .Select((minutesBefore, outcome, attemptCaller, kind) => new ContactAttempt(
                at - Duration.FromMinutes(minutesBefore),
                outcome,
                kind == 0 ? ContactChannel.Sms : ContactChannel.Voice,
                kind == 1 ? ContactPurpose.Informational : ContactPurpose.Marketing) { Caller = attemptCaller })
            .Array[0, 40]
        select new Case(
            new ContactRequest(new Contact("c-1") { TimeZones = zones.ToImmutableArray() })
            {
                Caller = caller,
                Consents = consent switch
                {
                    0 => ImmutableArray.Create(new ConsentRecord(Utc("2025-01-01T00:00:00Z")) { OutsideHours = true }),
                    1 => ImmutableArray.Create(new ConsentRecord(Utc("2025-12-01T00:00:00Z"))
                    {
                        Slot = new Interval(at + Duration.FromMinutes(slotStart), at + Duration.FromMinutes(slotStart + slotMinutes)),
                    }),
                    _ => ImmutableArray<ConsentRecord>.Empty,
                },
            },
            at,
            attempts);

    [Fact]
    public void The_engine_never_allows_what_the_law_refuses_nor_refuses_what_it_allows()
        => Cases.Sample(
            c => D223_9.Evaluate(c.Request, c.At, ContactHistory.Create(c.Attempts)).IsAllowed == FrenchOracle.Allows(c.Request, c.At, c.Attempts),
            iter: 3000);

    [Fact]
    public void The_next_permitted_instant_is_allowed_and_no_earlier_minute_is()
        => Cases.Sample(
            c =>
            {
                var history = ContactHistory.Create(c.Attempts);
                var decision = D223_9.Evaluate(c.Request, c.At, history);
                if (decision.IsAllowed || decision.NextPermittedAt is not { } next)
                {
                    return true;
                }

                if (!FrenchOracle.Allows(c.Request, next, c.Attempts) || !D223_9.Evaluate(c.Request, next, history).IsAllowed)
                {
                    return false;
                }

                // Every minute from the evaluated instant up to the answer is refused (sampled beyond four days).
                var span = (long)(next - c.At).TotalMinutes;
                var step = span <= 4 * 24 * 60 ? 1 : span / 2000;
                for (var m = 0L; m < span; m += step)
                {
                    if (FrenchOracle.Allows(c.Request, c.At + Duration.FromMinutes(m), c.Attempts))
                    {
                        return false;
                    }
                }

                return next - c.At < Duration.FromMinutes(1) || !FrenchOracle.Allows(c.Request, next - Duration.FromMinutes(1), c.Attempts);
            },
            iter: 400);

    [Fact]
    public void Adding_an_attempt_never_turns_a_denial_into_an_allowance()
        => Gen.Select(Cases, Gen.Long[0, 60L * 24 * 60], Outcomes).Sample(
            (c, minutesBefore, outcome) =>
            {
                var before = D223_9.Evaluate(c.Request, c.At, ContactHistory.Create(c.Attempts));
                var extra = new ContactAttempt(c.At - Duration.FromMinutes(minutesBefore), outcome) { Caller = c.Request.Caller };
                var after = D223_9.Evaluate(c.Request, c.At, ContactHistory.Create(c.Attempts.Append(extra)));
                return before.IsAllowed || !after.IsAllowed;
            },
            iter: 2000);

    [Fact]
    public void Evaluation_is_deterministic_and_ignores_the_order_attempts_are_given_in()
        => Cases.Sample(
            c =>
            {
                var first = D223_9.Evaluate(c.Request, c.At, ContactHistory.Create(c.Attempts));
                var again = D223_9.Evaluate(c.Request, c.At, ContactHistory.Create(c.Attempts.Reverse()));
                return first.IsAllowed == again.IsAllowed
                    && first.NextPermittedAt == again.NextPermittedAt
                    && first.Violations.Select(v => (v.RuleId, v.Until, v.Reason)).SequenceEqual(again.Violations.Select(v => (v.RuleId, v.Until, v.Reason)));
            },
            iter: 1000);

    internal sealed record Case(ContactRequest Request, Instant At, ContactAttempt[] Attempts)
    {
        public override string ToString()
            => $"at {At}, zones {string.Join(",", Request.Contact.TimeZones.Select(z => z.Id))}, caller {Request.Caller ?? "null"}, consents [{string.Join("; ", Request.Consents.Select(c => $"{c.GrantedAt} outside-hours {c.OutsideHours} slot {c.Slot}"))}], "
                + $"attempts [{string.Join("; ", Attempts.OrderBy(a => a.At).Select(a => $"{a.At} {a.Outcome} {a.Channel} {a.Purpose} {a.Caller ?? "null"}"))}]";
    }
}
