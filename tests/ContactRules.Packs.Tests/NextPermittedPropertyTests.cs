using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using CsCheck;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// docs/conventions.md, "Next permitted instant": a denial's <c>NextPermittedAt</c> is allowed,
/// and the minute before it is refused. Checked on random cases for every registered pack.
/// </summary>
public class NextPermittedPropertyTests
{
    private static readonly string[] ZoneIds =
    {
        "Europe/Paris", "Indian/Reunion", "America/Martinique", "Europe/London", "Europe/Berlin",
        "Europe/Madrid", "America/Toronto", "America/Vancouver", "Australia/Sydney", "Australia/Perth",
    };

    private static readonly AttemptOutcome[] Outcomes =
    {
        AttemptOutcome.NoAnswer, AttemptOutcome.Voicemail, AttemptOutcome.Machine, AttemptOutcome.Conversation,
        AttemptOutcome.Refused, AttemptOutcome.Abandoned, AttemptOutcome.NotConnected,
    };

    // 2022-01-01 .. 2028-01-01 in minutes: across D223-9's start, Bloctel's end and two holiday years.
    private static readonly Instant Origin = Utc("2022-01-01T00:00:00Z");

    [Fact]
    public void Next_permitted_is_allowed_and_the_minute_before_is_refused()
    {
        var attempt = Gen.Select(Gen.Int[0, 90 * 24 * 60], Gen.Int[0, Outcomes.Length - 1], Gen.Bool);
        var cases = Gen.Select(
            Gen.Int[0, RulePacks.Ids.Length - 1],
            Gen.Int[0, ZoneIds.Length - 1],
            Gen.Int[0, 6 * 366 * 24 * 60],
            attempt.Array[0, 6],
            Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool));

        cases.Sample(
            c =>
            {
                var (packIndex, zoneIndex, minute, attempts, (consent, contract, registered, automated)) = c;
                var pack = RulePacks.Get(RulePacks.Ids[packIndex]);
                var at = Origin + Duration.FromMinutes(minute);
                var registry = new[] { ContactRegistry.Bloctel, ContactRegistry.Tps, ContactRegistry.Dncl, ContactRegistry.Dncr, ContactRegistry.Rpo, ContactRegistry.Dncm, ContactRegistry.Robinson }[packIndex % 7];
                var contact = new Contact("c-1")
                {
                    TimeZones = ImmutableArray.Create(Zone(ZoneIds[zoneIndex])),
                    Contract = contract ? new ContractStatus(true, true) : null,
                };
                var request = new ContactRequest(contact)
                {
                    Caller = Acme,
                    Automated = automated,
                    Consents = consent ? ImmutableArray.Create(ConsentTo(at + Duration.FromDays(3))) : ImmutableArray<ConsentRecord>.Empty,
                    OptOuts = registered ? ImmutableArray.Create(Registered(registry, at - Duration.FromDays(10))) : ImmutableArray<OptOut>.Empty,
                };
                var history = ContactHistory.Create(attempts.Select(a => Attempt(at - Duration.FromMinutes(a.Item1 + 1), Outcomes[a.Item2], caller: a.Item3 ? Acme : null)));

                var decision = pack.Evaluate(request, at, history);
                if (decision.IsAllowed || decision.NextPermittedAt is not { } next)
                {
                    return;
                }

                Assert.True(next > at, $"{pack.Id}: next {next} is not after {at}");
                Assert.True(pack.Evaluate(request, next, history).IsAllowed, $"{pack.Id}: refused at its own next permitted instant {next} (evaluated at {at}): {pack.Evaluate(request, next, history)}");
                var before = next - Duration.FromMinutes(1);
                if (before >= at)
                {
                    Assert.False(pack.Evaluate(request, before, history).IsAllowed, $"{pack.Id}: allowed at {before}, before its next permitted instant {next} (evaluated at {at})");
                }
            },
            iter: 3000);
    }
}
