using System.Collections.Immutable;
using ContactRules.Rules;
using NodaTime;
using Xunit;

namespace ContactRules.Tests.Rules;

/// <summary>
/// Conventions, "Lists and consent": a registry entry protects a number from its effective
/// instant (stated, else registration + legal delay); a company opt-out takes effect at once; an
/// objection stops every marketing purpose on every channel; consent is scoped, and a revoked or
/// expired consent is no consent. Waiting never lifts an opt-out: next permitted is null.
/// </summary>
public class ConsentAndOptOutTests
{
    private static readonly ConsentRequirement ConsentNeeded = new ConsentRequirement(new RuleMetadata("TEST-CONS", "test"));
    private static readonly ContactPolicy ConsentOnly = new ContactPolicy("consent", new ContactRule[] { ConsentNeeded });
    private static readonly Instant At = Utc("2026-09-01T09:00:00Z");

    private static ContactRequest With(params ConsentRecord[] consents)
        => new ContactRequest(Person(Paris)) { Caller = "acme", Consents = consents.ToImmutableArray() };

    [Fact]
    public void Without_consent_the_contact_is_refused_for_good()
    {
        var decision = ConsentOnly.Evaluate(With(), At, ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Null(decision.NextPermittedAt);
        Assert.Equal(RuleKind.Consent, Assert.Single(decision.Violations).Kind);
    }

    [Fact]
    public void A_valid_consent_allows_and_its_scope_must_match()
    {
        Assert.True(ConsentOnly.Evaluate(With(new ConsentRecord(At - Duration.FromDays(1))), At, ContactHistory.Empty).IsAllowed);
        Assert.False(ConsentOnly.Evaluate(With(new ConsentRecord(At - Duration.FromDays(1)) { Channel = ContactChannel.Sms }), At, ContactHistory.Empty).IsAllowed);
        Assert.False(ConsentOnly.Evaluate(With(new ConsentRecord(At - Duration.FromDays(1)) { Purpose = ContactPurpose.Informational }), At, ContactHistory.Empty).IsAllowed);
        Assert.False(ConsentOnly.Evaluate(With(new ConsentRecord(At - Duration.FromDays(1)) { Entity = "other" }), At, ContactHistory.Empty).IsAllowed);
        Assert.True(ConsentOnly.Evaluate(With(new ConsentRecord(At - Duration.FromDays(1)) { Entity = "acme" }), At, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void Revoked_and_expired_consents_are_no_consent_from_that_instant()
    {
        var revoked = new ConsentRecord(At - Duration.FromDays(10)) { RevokedAt = At };
        var expired = new ConsentRecord(At - Duration.FromDays(10)) { ExpiresAt = At };
        Assert.False(ConsentOnly.Evaluate(With(revoked), At, ContactHistory.Empty).IsAllowed);
        Assert.False(ConsentOnly.Evaluate(With(expired), At, ContactHistory.Empty).IsAllowed);
        Assert.True(ConsentOnly.Evaluate(With(revoked), At - Duration.FromSeconds(1), ContactHistory.Empty).IsAllowed);
        Assert.Contains("withdrew", Assert.Single(ConsentOnly.Evaluate(With(revoked), At, ContactHistory.Empty).Violations).Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_consent_granted_later_makes_its_grant_the_next_permitted_instant()
    {
        var later = new ConsentRecord(At + Duration.FromHours(5));
        var decision = ConsentOnly.Evaluate(With(later), At, ContactHistory.Empty);
        Assert.Equal(At + Duration.FromHours(5), decision.NextPermittedAt);
    }

    [Fact]
    public void A_contract_in_progress_related_to_the_call_exempts_from_consent()
    {
        var exempted = new ContactPolicy("c", new ContactRule[]
        {
            new ConsentRequirement(new RuleMetadata("TEST-CONS", "test") { Exemptions = ImmutableArray.Create<RuleExemption>(new ContractExemption("contract in progress")) }),
        });
        var customer = new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), Contract = new ContractStatus(true, true) });
        var unrelated = new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(Paris), Contract = new ContractStatus(true, false) });
        Assert.True(exempted.Evaluate(customer, At, ContactHistory.Empty).IsAllowed);
        Assert.False(exempted.Evaluate(unrelated, At, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_company_opt_out_takes_effect_at_once_and_for_good()
    {
        var policy = new ContactPolicy("o", new ContactRule[] { OptOutSuppression.Company(new RuleMetadata("TEST-IDNC", "test")) });
        var request = new ContactRequest(Person(Paris)) { OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Company, At)) };
        Assert.True(policy.Evaluate(request, At - Duration.FromSeconds(1), ContactHistory.Empty).IsAllowed);
        var decision = policy.Evaluate(request, At, ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Null(decision.NextPermittedAt);
        Assert.Equal(RuleKind.OptOut, Assert.Single(decision.Violations).Kind);
    }

    [Fact]
    public void A_medium_opt_out_covers_only_its_channel()
    {
        var policy = new ContactPolicy("o", new ContactRule[] { OptOutSuppression.Company(new RuleMetadata("TEST-MED", "test")) });
        var smsOptOut = ImmutableArray.Create(new OptOut(OptOutKind.Company, At) { Channel = ContactChannel.Sms });
        Assert.True(policy.Evaluate(new ContactRequest(Person(Paris)) { OptOuts = smsOptOut }, At, ContactHistory.Empty).IsAllowed);
        Assert.False(policy.Evaluate(new ContactRequest(Person(Paris), ContactChannel.Sms) { OptOuts = smsOptOut }, At, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_registry_entry_protects_from_registration_plus_the_legal_delay()
    {
        // Bloctel-style 30 days: registered 1 September 09:00Z, protected from 1 October 09:00Z.
        var policy = new ContactPolicy("r", new ContactRule[] { OptOutSuppression.RegistryList(new RuleMetadata("TEST-LIST", "test"), ContactRegistry.Bloctel, Duration.FromDays(30)) });
        var request = new ContactRequest(Person(Paris)) { OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Registry, At) { Registry = ContactRegistry.Bloctel }) };
        Assert.True(policy.Evaluate(request, Utc("2026-10-01T08:59:00Z"), ContactHistory.Empty).IsAllowed);
        var decision = policy.Evaluate(request, Utc("2026-10-01T09:00:00Z"), ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Equal(RuleKind.Registry, Assert.Single(decision.Violations).Kind);

        var otherRegistry = new ContactRequest(Person(Paris)) { OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Registry, At) { Registry = ContactRegistry.Tps }) };
        Assert.True(policy.Evaluate(otherRegistry, Utc("2026-12-01T09:00:00Z"), ContactHistory.Empty).IsAllowed);

        // An entry that does not name its register may be a Bloctel one: refused, fail closed.
        var unnamed = new ContactRequest(Person(Paris)) { OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Registry, At)) };
        Assert.Equal("TEST-LIST", Assert.Single(policy.Evaluate(unnamed, Utc("2026-10-01T09:00:00Z"), ContactHistory.Empty).Violations).RuleId);
    }

    [Fact]
    public void A_stated_effective_instant_wins_over_the_legal_delay()
    {
        var policy = new ContactPolicy("r", new ContactRule[] { OptOutSuppression.RegistryList(new RuleMetadata("TEST-LIST", "test"), ContactRegistry.Bloctel, Duration.FromDays(30)) });
        var request = new ContactRequest(Person(Paris)) { OptOuts = ImmutableArray.Create(new OptOut(OptOutKind.Registry, At) { Registry = ContactRegistry.Bloctel, EffectiveAt = At + Duration.FromDays(2) }) };
        Assert.False(policy.Evaluate(request, At + Duration.FromDays(2), ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void A_stale_registry_snapshot_refuses_every_contact_the_registry_could_cover()
    {
        // US National DNC: the caller must scrub against a registry version at most 31 days old.
        var policy = new ContactPolicy("dnc", new ContactRule[] { OptOutSuppression.RegistryList(new RuleMetadata("TEST-DNC", "test"), ContactRegistry.UsDnc, Duration.FromDays(31), Duration.FromDays(31)) });
        var fresh = new ContactRequest(Person(NewYork)) { RegistrySnapshotAt = At - Duration.FromDays(31) };
        var stale = new ContactRequest(Person(NewYork)) { RegistrySnapshotAt = At - Duration.FromDays(31) - Duration.FromMinutes(1) };
        Assert.True(policy.Evaluate(fresh, At, ContactHistory.Empty).IsAllowed);
        var decision = policy.Evaluate(stale, At, ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Null(decision.NextPermittedAt);
    }

    [Fact]
    public void An_objection_stops_marketing_on_every_channel()
    {
        var policy = new ContactPolicy("eu", new ContactRule[]
        {
            OptOutSuppression.Objection(new RuleMetadata("TEST-OBJ", "test") { Scope = new RuleScope(purposes: new[] { ContactPurpose.Marketing }) }),
        });
        var objection = ImmutableArray.Create(new OptOut(OptOutKind.Objection, At));
        Assert.False(policy.Evaluate(new ContactRequest(Person(Paris), ContactChannel.Sms) { OptOuts = objection }, At, ContactHistory.Empty).IsAllowed);
        Assert.False(policy.Evaluate(new ContactRequest(Person(Paris)) { OptOuts = objection }, At, ContactHistory.Empty).IsAllowed);
        Assert.True(policy.Evaluate(new ContactRequest(Person(Paris), ContactChannel.Voice, ContactPurpose.Informational) { OptOuts = objection }, At, ContactHistory.Empty).IsAllowed);
    }

    [Fact]
    public void The_relationship_exemption_ends_exclusively_after_the_months()
    {
        // Conventions: "a purchase on 15 Jan 2025 exempts until 14 Jul 2026 inclusive" (18 months).
        var policy = new ContactPolicy("ebr", new ContactRule[]
        {
            OptOutSuppression.RegistryList(
                new RuleMetadata("TEST-DNC", "test") { Exemptions = ImmutableArray.Create<RuleExemption>(new RelationshipExemption(18, 3, lostOnCompanyOptOut: true, "EBR")) },
                ContactRegistry.UsDnc,
                Duration.FromDays(31)),
        });
        var registered = ImmutableArray.Create(new OptOut(OptOutKind.Registry, Utc("2024-01-01T00:00:00Z")) { Registry = ContactRegistry.UsDnc });
        var customer = new Contact("c-1") { TimeZones = ImmutableArray.Create(NewYork), LastPurchase = new LocalDate(2025, 1, 15) };
        Assert.True(policy.Evaluate(new ContactRequest(customer) { OptOuts = registered }, Local("2026-07-14 23:59", NewYork), ContactHistory.Empty).IsAllowed);
        Assert.False(policy.Evaluate(new ContactRequest(customer) { OptOuts = registered }, Local("2026-07-15 00:00", NewYork), ContactHistory.Empty).IsAllowed);

        var optedOut = registered.Add(new OptOut(OptOutKind.Company, Utc("2026-03-01T00:00:00Z")));
        Assert.False(policy.Evaluate(new ContactRequest(customer) { OptOuts = optedOut }, Local("2026-04-01 12:00", NewYork), ContactHistory.Empty).IsAllowed);
    }

    // The engine bug of issue 12: a company opt-out or an objection whose record carries a later
    // effectiveAt (here the US 10-business-day deadline, 15 September) was not honoured until
    // then. Conventions: it refuses from requestedAt; only registry entries use effectiveAt.
    [Theory]
    [InlineData(OptOutKind.Company)]
    [InlineData(OptOutKind.Objection)]
    public void A_company_opt_out_or_objection_is_honoured_from_its_request_whatever_its_effectiveAt(OptOutKind kind)
    {
        var rule = kind == OptOutKind.Company
            ? OptOutSuppression.Company(new RuleMetadata("TEST-IDNC", "test"))
            : OptOutSuppression.Objection(new RuleMetadata("TEST-OBJ", "test"));
        var policy = new ContactPolicy("o", new ContactRule[] { rule });
        var request = new ContactRequest(Person(Paris)) { OptOuts = ImmutableArray.Create(new OptOut(kind, At) { EffectiveAt = Utc("2026-09-15T09:00:00Z") }) };
        Assert.True(policy.Evaluate(request, At - Duration.FromSeconds(1), ContactHistory.Empty).IsAllowed);
        var decision = policy.Evaluate(request, At, ContactHistory.Empty);
        Assert.False(decision.IsAllowed);
        Assert.Null(decision.NextPermittedAt);
        Assert.False(policy.Evaluate(request, Utc("2026-09-10T09:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    // The US relationship exemption is lost from the opt-out's request too, not from a later
    // effectiveAt: purchase 15 January 2026 (exempt 18 months), opt-out requested 1 March 2026
    // with a stated effectiveAt of 13 March; on 5 March the registry refuses.
    [Fact]
    public void The_relationship_exemption_is_lost_from_the_opt_outs_request()
    {
        var policy = new ContactPolicy("ebr", new ContactRule[]
        {
            OptOutSuppression.RegistryList(
                new RuleMetadata("TEST-DNC", "test") { Exemptions = ImmutableArray.Create<RuleExemption>(new RelationshipExemption(18, 3, lostOnCompanyOptOut: true, "EBR")) },
                ContactRegistry.UsDnc,
                Duration.FromDays(31)),
        });
        var customer = new Contact("c-1") { TimeZones = ImmutableArray.Create(NewYork), LastPurchase = new LocalDate(2026, 1, 15) };
        var optOuts = ImmutableArray.Create(
            new OptOut(OptOutKind.Registry, Utc("2024-01-01T00:00:00Z")) { Registry = ContactRegistry.UsDnc },
            new OptOut(OptOutKind.Company, Utc("2026-03-01T15:00:00Z")) { EffectiveAt = Utc("2026-03-13T15:00:00Z") });
        Assert.True(policy.Evaluate(new ContactRequest(customer) { OptOuts = optOuts }, Utc("2026-03-01T14:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(policy.Evaluate(new ContactRequest(customer) { OptOuts = optOuts }, Utc("2026-03-05T15:00:00Z"), ContactHistory.Empty).IsAllowed);
    }

    // A consent with a slot is a consent only inside it: [from, to), first and last minute.
    [Fact]
    public void A_slot_consent_holds_only_inside_its_slot()
    {
        var slot = new ConsentRecord(At - Duration.FromDays(3)) { Slot = new Interval(At, At + Duration.FromMinutes(30)) };
        Assert.False(ConsentOnly.Evaluate(With(slot), At - Duration.FromMinutes(1), ContactHistory.Empty).IsAllowed);
        Assert.Equal(At, ConsentOnly.Evaluate(With(slot), At - Duration.FromMinutes(1), ContactHistory.Empty).NextPermittedAt);
        Assert.True(ConsentOnly.Evaluate(With(slot), At, ContactHistory.Empty).IsAllowed);
        Assert.True(ConsentOnly.Evaluate(With(slot), At + Duration.FromMinutes(29), ContactHistory.Empty).IsAllowed);
        var after = ConsentOnly.Evaluate(With(slot), At + Duration.FromMinutes(30), ContactHistory.Empty);
        Assert.False(after.IsAllowed);
        Assert.Null(after.NextPermittedAt);
        Assert.Contains("slot", Assert.Single(after.Violations).Reason, System.StringComparison.Ordinal);
    }

    // A soft opt-in covers the caller's marketing messages only: never a call, nor an
    // informational message; and a plain consent requirement (a US or voice rule) never counts
    // it, only a reading that says so.
    [Fact]
    public void A_soft_opt_in_covers_marketing_messages_only_and_counts_only_where_a_reading_says_so()
    {
        var softOptIn = new ConsentRecord(At - Duration.FromDays(1)) { Channel = ContactChannel.Sms, Basis = ConsentBasis.SoftOptIn };
        Assert.True(softOptIn.Covers(new ContactRequest(Person(Paris), ContactChannel.Sms)));
        Assert.False(softOptIn.Covers(new ContactRequest(Person(Paris), ContactChannel.Voice)));
        Assert.False(softOptIn.Covers(new ContactRequest(Person(Paris), ContactChannel.Sms, ContactPurpose.Informational)));

        var sms = new ContactRequest(Person(Paris), ContactChannel.Sms) { Consents = ImmutableArray.Create(softOptIn) };
        Assert.False(ConsentOnly.Evaluate(sms, At, ContactHistory.Empty).IsAllowed);
        var messages = new ContactPolicy("m", new ContactRule[] { new ConsentRequirement(new RuleMetadata("TEST-EMSG", "test")) { ConsentReading = new ConsentReading { SoftOptInCounts = true } } });
        Assert.True(messages.Evaluate(sms, At, ContactHistory.Empty).IsAllowed);
    }

    // A term limit from a date: a consent of 1 September 2025 09:00Z with a 365-day limit that
    // applies from 1 March 2026 (UTC here): it counts until 1 March 2026 00:00Z (its year ended
    // before the limit applied, so it ends when the limit does), not after.
    [Fact]
    public void A_term_limit_applies_from_its_date_to_consents_granted_before_it()
    {
        var limited = new ContactPolicy("t", new ContactRule[]
        {
            new ConsentRequirement(new RuleMetadata("TEST-TERM", "test")) { ConsentReading = new ConsentReading { TermLimit = Duration.FromDays(365), LimitsFrom = new LocalDate(2026, 3, 1) } },
        });
        var utc = new ContactRequest(new Contact("c-1") { TimeZones = ImmutableArray.Create(DateTimeZone.Utc) })
        {
            Consents = ImmutableArray.Create(new ConsentRecord(Utc("2024-09-01T09:00:00Z"))),
        };
        Assert.True(limited.Evaluate(utc, Utc("2026-02-28T23:59:00Z"), ContactHistory.Empty).IsAllowed);
        Assert.False(limited.Evaluate(utc, Utc("2026-03-01T00:00:00Z"), ContactHistory.Empty).IsAllowed);
    }
}
