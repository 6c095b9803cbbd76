using System.Collections.Immutable;
using System.Linq;
using ContactRules.Jurisdictions;
using NodaTime;
using Xunit;

namespace ContactRules.Packs.Tests;

/// <summary>
/// Marketing messages in Europe (regulations.md 11.2; docs/conventions.md, "Electronic
/// messages"): EU-EMSG-01 in the <c>eu</c> pack and each national pack's own …-EMSG-01 row. A
/// marketing message needs a consent to messages, live or automated; the soft opt-in counts for
/// that caller's marketing messages only, never for calls; a consent never crosses channels; a
/// STOP or objection that ends it is reported under the pack's message id.
/// </summary>
public class MarketingMessageTests
{
    // Tuesday 10 March 2026, 10:00 UTC: a working day and hour everywhere in Europe.
    private static readonly Instant At = Utc("2026-03-10T10:00:00Z");

    private static readonly Instant Granted = Utc("2026-01-05T10:00:00Z");

    public static TheoryData<string, string> Packs => new()
    {
        { "eu", "EU-EMSG-01" },
        { "fr", "FR-EMSG-01" },
        { "uk", "UK-EMSG-01" },
        { "de", "DE-EMSG-01" },
        { "es", "ES-EMSG-01" },
        { "it", "IT-EMSG-01" },
        { "be", "BE-EMSG-01" },
        { "nl", "NL-EMSG-01" },
    };

    private static ConsentRecord Consent(ContactChannel? channel, ConsentBasis basis = ConsentBasis.Consent, string? entity = Acme)
        => new ConsentRecord(Granted) { Channel = channel, Purpose = ContactPurpose.Marketing, Entity = entity, Basis = basis };

    private static ContactRequest Message(ConsentRecord[] consents, OptOut[]? optOuts = null, bool automated = false)
        => new ContactRequest(PersonIn(Berlin), ContactChannel.Sms)
        {
            Caller = Acme,
            Automated = automated,
            Consents = consents.ToImmutableArray(),
            OptOuts = (optOuts ?? System.Array.Empty<OptOut>()).ToImmutableArray(),
        };

    [Theory]
    [MemberData(nameof(Packs))]
    public void EU_EMSG_01_and_each_national_EMSG_row_a_marketing_message_without_consent_is_refused_under_the_packs_own_id_only(string pack, string id)
    {
        foreach (var automated in new[] { false, true })
        {
            var decision = Evaluate(RulePacks.Get(pack), Message(System.Array.Empty<ConsentRecord>(), automated: automated), At);
            AssertRefusedBy(decision, id);
            Assert.Null(decision.NextPermittedAt);
        }
    }

    // Channel pairings: a consent to messages counts, a consent to calls never does, and a record
    // that names no channel does not either (it cannot show the person agreed to messages).
    [Theory]
    [MemberData(nameof(Packs))]
    public void EU_EMSG_01_and_each_national_EMSG_row_only_a_consent_naming_messages_counts(string pack, string id)
    {
        var policy = RulePacks.Get(pack);
        AssertAllowed(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms) }), At));
        AssertAllowed(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms) }, automated: true), At));
        AssertRefusedBy(Evaluate(policy, Message(new[] { Consent(ContactChannel.Voice) }), At), id);
        AssertRefusedBy(Evaluate(policy, Message(new[] { Consent(null) }), At), id);
        AssertRefusedBy(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms, entity: "other-brand") }), At), id);
    }

    // The soft opt-in: the caller's own marketing messages, live or automated; not another
    // caller's; and (below) never a call.
    [Theory]
    [MemberData(nameof(Packs))]
    public void EU_EMSG_01_and_each_national_EMSG_row_the_soft_opt_in_counts_for_the_callers_messages(string pack, string id)
    {
        var policy = RulePacks.Get(pack);
        AssertAllowed(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms, ConsentBasis.SoftOptIn) }), At));
        AssertAllowed(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms, ConsentBasis.SoftOptIn) }, automated: true), At));
        AssertRefusedBy(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms, ConsentBasis.SoftOptIn, "other-brand") }), At), id);
    }

    // A STOP (company opt-out) made on 1 March 2026 ends the soft opt-in: refused under the
    // message id alone, for good. An objection ends it too, reported beside the objection's own id
    // where the pack has one (EU-OBJ-01; the uk pack has none). A consent the person gives again
    // after the STOP (5 March) is a new consent.
    [Theory]
    [MemberData(nameof(Packs))]
    public void EU_EMSG_01_and_each_national_EMSG_row_a_STOP_or_objection_ends_the_soft_opt_in_and_is_reported_under_the_message_id(string pack, string id)
    {
        var policy = RulePacks.Get(pack);
        var softOptIn = Consent(ContactChannel.Sms, ConsentBasis.SoftOptIn);
        var stop = new OptOut(OptOutKind.Company, Utc("2026-03-01T09:00:00Z")) { Channel = ContactChannel.Sms };
        AssertAllowed(Evaluate(policy, Message(new[] { softOptIn }, new[] { stop }), Utc("2026-03-01T08:59:00Z")));
        var stopped = Evaluate(policy, Message(new[] { softOptIn }, new[] { stop }), At);
        AssertRefusedBy(stopped, id);
        Assert.Null(stopped.NextPermittedAt);

        var objection = new OptOut(OptOutKind.Objection, Utc("2026-03-01T09:00:00Z"));
        var objected = Evaluate(policy, Message(new[] { softOptIn }, new[] { objection }), At);
        if (pack == "uk")
        {
            AssertRefusedBy(objected, id);
        }
        else
        {
            AssertRefusedBy(objected, id, "EU-OBJ-01");
        }

        var again = new ConsentRecord(Utc("2026-03-05T09:00:00Z")) { Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = Acme };
        AssertAllowed(Evaluate(policy, Message(new[] { softOptIn, again }, new[] { stop }), At));
    }

    // Each row by its own id, for the rule pages: the four channel pairings of a message (no
    // consent, a voice consent, a consent to messages, a soft opt-in).
    [Fact]
    public void EU_EMSG_01_channel_pairings() => AssertPairings("eu", "EU-EMSG-01");

    [Fact]
    public void FR_EMSG_01_channel_pairings() => AssertPairings("fr", "FR-EMSG-01");

    [Fact]
    public void UK_EMSG_01_channel_pairings() => AssertPairings("uk", "UK-EMSG-01");

    [Fact]
    public void DE_EMSG_01_channel_pairings() => AssertPairings("de", "DE-EMSG-01");

    [Fact]
    public void ES_EMSG_01_channel_pairings() => AssertPairings("es", "ES-EMSG-01");

    [Fact]
    public void IT_EMSG_01_channel_pairings() => AssertPairings("it", "IT-EMSG-01");

    [Fact]
    public void BE_EMSG_01_channel_pairings() => AssertPairings("be", "BE-EMSG-01");

    [Fact]
    public void NL_EMSG_01_channel_pairings() => AssertPairings("nl", "NL-EMSG-01");

    // A STOP by voice ("do not call me") does not end a consent to messages; one naming no channel does.
    [Fact]
    public void DE_EMSG_01_a_STOP_reaches_its_own_channel()
    {
        var sms = Consent(ContactChannel.Sms);
        var byVoice = new OptOut(OptOutKind.Company, Utc("2026-03-01T09:00:00Z")) { Channel = ContactChannel.Voice };
        var everywhere = new OptOut(OptOutKind.Company, Utc("2026-03-01T09:00:00Z"));
        AssertAllowed(Evaluate(RulePacks.Get("de"), Message(new[] { sms }, new[] { byVoice }), At));
        AssertRefusedBy(Evaluate(RulePacks.Get("de"), Message(new[] { sms }, new[] { everywhere }), At), "DE-EMSG-01");
    }

    // A consent to messages granted later is the way out: refused until its grant.
    [Fact]
    public void NL_EMSG_01_a_consent_granted_later_is_the_next_permitted_instant()
    {
        var later = new ConsentRecord(Utc("2026-03-12T08:00:00Z")) { Channel = ContactChannel.Sms, Purpose = ContactPurpose.Marketing, Entity = Acme };
        var decision = Evaluate(RulePacks.Get("nl"), Message(new[] { later }), At);
        AssertRefusedBy(decision, "NL-EMSG-01");
        Assert.Equal(Utc("2026-03-12T08:00:00Z"), decision.NextPermittedAt);
    }

    // A consent never crosses channels the other way: a consent to messages, or a soft opt-in,
    // does not cover a call. Germany (DE-CONS-01, every date) and France from 11 August 2026
    // (FR-CONS-01), Tuesday 8 September 2026 at 11:00 Paris / Berlin.
    [Theory]
    [InlineData("de", "DE-CONS-01", "Europe/Berlin")]
    [InlineData("fr", "FR-CONS-01", "Europe/Paris")]
    public void DE_CONS_01_and_FR_CONS_01_a_consent_to_messages_or_a_soft_opt_in_never_covers_a_call(string pack, string id, string zoneId)
    {
        var zone = Zone(zoneId);
        var at = Local("2026-09-08 11:00", zone);
        foreach (var consent in new[]
        {
            Consent(ContactChannel.Sms),
            Consent(ContactChannel.Sms, ConsentBasis.SoftOptIn),
            Consent(ContactChannel.Voice, ConsentBasis.SoftOptIn),
            Consent(null, ConsentBasis.SoftOptIn),
        })
        {
            var call = new ContactRequest(PersonIn(zone)) { Caller = Acme, Consents = ImmutableArray.Create(consent) };
            AssertRefusedBy(Evaluate(RulePacks.Get(pack), call, at), id);
        }

        var voice = new ContactRequest(PersonIn(zone)) { Caller = Acme, Consents = ImmutableArray.Create(new ConsentRecord(Utc("2026-09-01T09:00:00Z")) { Channel = ContactChannel.Voice, Purpose = ContactPurpose.Marketing, Entity = Acme }) };
        AssertAllowed(Evaluate(RulePacks.Get(pack), voice, at));
    }

    // France: the days and hours of D223-9 are rules of telephone canvassing: a marketing SMS with a
    // consent is allowed on Saturday 14 March 2026 at 21:00 and on Whit Monday 25 May 2026, and
    // messages do not count toward the 4-per-30 cap of calls.
    [Fact]
    public void FR_EMSG_01_messages_follow_their_own_rule_not_D223_9()
    {
        var paris = new ContactRequest(PersonIn(Paris), ContactChannel.Sms) { Caller = Acme, Consents = ImmutableArray.Create(Consent(ContactChannel.Sms)) };
        AssertAllowed(Evaluate(FranceRules.Pack, paris, Local("2026-03-14 21:00", Paris)));
        AssertAllowed(Evaluate(FranceRules.Pack, paris, Local("2026-05-25 11:00", Paris)));

        var texts = Enumerable.Range(2, 5).Select(d => new ContactAttempt(Local($"2026-03-0{d} 11:00", Paris), AttemptOutcome.NoAnswer, ContactChannel.Sms) { Caller = Acme }).ToArray();
        AssertAllowed(Evaluate(FranceRules.Pack, new ContactRequest(PersonIn(Paris)) { Caller = Acme }, Local("2026-03-10 11:00", Paris), texts));
    }

    // de+eu: both rows apply, each refusing under its own id; the shared GDPR rule once.
    [Fact]
    public void DE_EMSG_01_and_EU_EMSG_01_a_national_pack_with_eu_applies_both_message_rows()
    {
        Assert.True(RulePacks.TryResolve("de+eu", out var policy, out var error), error);
        AssertRefusedBy(Evaluate(policy!, Message(System.Array.Empty<ConsentRecord>()), At), "DE-EMSG-01", "EU-EMSG-01");
        Assert.DoesNotContain("EU-EMSG-01", RuleIds(RulePacks.Get("de")));
        Assert.DoesNotContain("EU-EMSG-01", RuleIds(FranceRules.Pack));
    }

    private static void AssertPairings(string pack, string id)
    {
        var policy = RulePacks.Get(pack);
        AssertRefusedBy(Evaluate(policy, Message(System.Array.Empty<ConsentRecord>()), At), id);
        AssertRefusedBy(Evaluate(policy, Message(new[] { Consent(ContactChannel.Voice) }), At), id);
        AssertAllowed(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms) }), At));
        AssertAllowed(Evaluate(policy, Message(new[] { Consent(ContactChannel.Sms, ConsentBasis.SoftOptIn) }), At));
    }
}
