using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Internal;
using ContactRules.Rules;
using NodaTime;

namespace ContactRules;

/// <summary>
/// A named set of rules, applied together: a contact is allowed only when every rule in force
/// that covers it allows it. Policies compose: <c>us</c> + <c>us-fl</c> applies both.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Evaluate"/> reports every refusing rule, each with the instant it alone stops
/// refusing, and the earliest instant at which all of them allow (<see cref="ContactDecision.NextPermittedAt"/>).
/// That instant is the fixpoint of the rules' answers: starting from the evaluated instant, each
/// rule names the earliest instant it allows; the search moves to the latest answer until every
/// rule allows the same instant. Every answer is exact for its rule, so the fixpoint is exact.
/// </para>
/// <para>
/// The rules covering each combination of channel, purpose and automation are selected when the
/// policy is built; a check that allows allocates nothing.
/// </para>
/// </remarks>
public sealed class ContactPolicy
{
    /// <summary>How far ahead <see cref="ContactDecision.NextPermittedAt"/> is searched; beyond it, waiting is taken not to help.</summary>
    public static readonly Duration SearchHorizon = Duration.FromDays(2 * 366);

    private const int MaxSearchSteps = 100_000;

    private static readonly int ChannelCount = Enum.GetValues(typeof(ContactChannel)).Length;
    private static readonly int PurposeCount = Enum.GetValues(typeof(ContactPurpose)).Length;

    [ThreadStatic]
    private static ImmutableArray<ContactAdvisory>.Builder? advisoryBuffer;

    private readonly ContactRule[][] rulesByScope;
    private readonly bool[] needsZoneByScope;
    private readonly bool[] advisesByScope;
    private readonly bool[] readsConsentsByScope;

    /// <summary>Creates a policy.</summary>
    /// <param name="id">The policy's id, for example <c>fr</c> or <c>us+us-fl</c>.</param>
    /// <param name="rules">The rules, in the order violations are reported.</param>
    /// <exception cref="ArgumentException">Two different rules share an id.</exception>
    public ContactPolicy(string id, IEnumerable<ContactRule> rules)
    {
        Id = Preconditions.CheckNotEmpty(id, nameof(id));
        Rules = Preconditions.CheckNotNull(rules, nameof(rules)).Distinct().ToImmutableArray();
        foreach (var rule in Rules)
        {
            Preconditions.CheckArgument(rule is not null, nameof(rules), "A policy's rules must not be null.");
        }

        var duplicate = Rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two different rules share the id '{duplicate.Key}'; each catalogue id names one rule.", nameof(rules));
        }

        var slots = ChannelCount * PurposeCount * 2;
        rulesByScope = new ContactRule[slots][];
        needsZoneByScope = new bool[slots];
        advisesByScope = new bool[slots];
        readsConsentsByScope = new bool[slots];
        for (var channel = 0; channel < ChannelCount; channel++)
        {
            for (var purpose = 0; purpose < PurposeCount; purpose++)
            {
                for (var automated = 0; automated < 2; automated++)
                {
                    var slot = Slot((ContactChannel)channel, (ContactPurpose)purpose, automated == 1);
                    var covering = Rules.Where(r => r.Scope.Covers((ContactChannel)channel, (ContactPurpose)purpose, automated == 1)).ToArray();
                    rulesByScope[slot] = covering;
                    needsZoneByScope[slot] = covering.Any(r => r.DependsOnZone);
                    advisesByScope[slot] = covering.OfType<IAdvisingRule>().Any();
                    readsConsentsByScope[slot] = covering.Any(r => r is IReadsConsents || r.Exemptions.Any(e => e is IReadsConsents));
                }
            }
        }
    }

    /// <summary>The policy's id.</summary>
    public string Id { get; }

    /// <summary>The rules, in the order violations are reported.</summary>
    public ImmutableArray<ContactRule> Rules { get; }

    /// <summary>
    /// Combines policies: the result applies every rule of each (a rule shared by several is
    /// applied once). Its id joins theirs with <c>+</c>.
    /// </summary>
    /// <param name="policies">The policies.</param>
    /// <returns>The combined policy.</returns>
    public static ContactPolicy Combine(params ContactPolicy[] policies)
    {
        Preconditions.CheckNotNull(policies, nameof(policies));
        Preconditions.CheckArgument(policies.Length > 0 && policies.All(p => p is not null), nameof(policies), "Combine needs at least one policy and no null.");
        return policies.Length == 1
            ? policies[0]
            : new ContactPolicy(string.Join("+", policies.Select(p => p.Id)), policies.SelectMany(p => p.Rules));
    }

    /// <summary>
    /// This policy, with the same id, where the holiday rule <paramref name="holidayRuleId"/>
    /// also excludes the dates of <paramref name="declaredDays"/>: the one-off days a government
    /// declares (a day of national mourning, an emergency, a holiday proclaimed for one year).
    /// </summary>
    /// <remarks>
    /// A declared day is refused under the holiday rule it is added to, with that rule's id and
    /// citation, and its own name in the explanation. Add the days to the rule whose law they fall
    /// under: in France a day of national mourning is not a holiday of L3133-1 unless a text makes
    /// it one, so adding it is the caller's own, stricter choice. Dates are local dates of the
    /// called person, like every holiday.
    /// </remarks>
    /// <param name="holidayRuleId">The id of a holiday rule of this policy, for example <c>FR-HOL-01</c>.</param>
    /// <param name="declaredDays">The declared dates, with their names (<see cref="HolidayCalendar.FromDates"/>).</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ArgumentException">The policy has no holiday rule of that id.</exception>
    public ContactPolicy WithAddedHolidays(string holidayRuleId, HolidayCalendar declaredDays)
    {
        Preconditions.CheckNotEmpty(holidayRuleId, nameof(holidayRuleId));
        Preconditions.CheckNotNull(declaredDays, nameof(declaredDays));
        var target = Rules.FirstOrDefault(r => string.Equals(r.Id, holidayRuleId, StringComparison.Ordinal));
        if (target is not HolidayExclusion holidays)
        {
            var candidates = Rules.OfType<HolidayExclusion>().Select(r => r.Id).ToList();
            throw new ArgumentException(
                (target is null ? $"Policy '{Id}' has no rule '{holidayRuleId}'" : $"Rule '{holidayRuleId}' of policy '{Id}' is not a holiday rule")
                + (candidates.Count == 0
                    ? "; it has no holiday rule, so a declared day would change none of its decisions."
                    : $"; its holiday rules are {string.Join(", ", candidates)}."),
                nameof(holidayRuleId));
        }

        var replaced = holidays.WithAddedDates(declaredDays);
        return new ContactPolicy(Id, Rules.Select(r => ReferenceEquals(r, holidays) ? replaced : r));
    }

    /// <summary>
    /// Decides whether <paramref name="request"/> may be made at <paramref name="at"/>, given the
    /// person's attempt <paramref name="history"/>.
    /// </summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="at">The instant of the contact.</param>
    /// <param name="history">The person's attempts.</param>
    /// <returns>The decision, with every refusing rule and the next permitted instant.</returns>
    public ContactDecision Evaluate(ContactRequest request, Instant at, ContactHistory history)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var slot = Slot(request.Channel, request.Purpose, request.Automated);
        var rules = rulesByScope[slot];
        var context = new EvaluationContext(request, history);
        var zoneMissing = needsZoneByScope[slot] && request.Contact.TimeZones.IsEmpty;

        if (!zoneMissing)
        {
            var refused = false;
            foreach (var rule in rules)
            {
                if (!rule.Allows(context, at))
                {
                    refused = true;
                    break;
                }
            }

            if (!refused)
            {
                return advisesByScope[slot] ? ContactDecision.Allow(CollectAdvisories(rules, context, at)) : ContactDecision.Allowed;
            }
        }

        return Refusal(rules, context, at, zoneMissing, advisesByScope[slot]);
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="at"/> at which every rule allows the
    /// contact, given the same history; null when waiting does not help (or not within
    /// <see cref="SearchHorizon"/>).
    /// </summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="at">The earliest instant considered.</param>
    /// <param name="history">The person's attempts.</param>
    /// <returns>The instant, or null.</returns>
    public Instant? NextPermittedAt(ContactRequest request, Instant at, ContactHistory history)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var slot = Slot(request.Channel, request.Purpose, request.Automated);
        if (needsZoneByScope[slot] && request.Contact.TimeZones.IsEmpty)
        {
            return null;
        }

        return Fixpoint(rulesByScope[slot], new EvaluationContext(request, history), at);
    }

    /// <summary>
    /// The consents of <paramref name="request"/> that an allowed decision at <paramref name="at"/>
    /// relied on, as the rules themselves count them: the evidence a reservation records.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A rule relied on a consent when it allows the contact and would refuse it were the person's
    /// consents taken away (a call inside the legal hours does not rely on a consent to other
    /// hours; a requirement lifted by a contract in progress relies on none). Each such rule
    /// names the consents it counted at <paramref name="at"/>: its own reading's
    /// (<see cref="ConsentRequirement"/>) and those of its exemptions the law provides then
    /// (<see cref="ConsentExemption"/>, <see cref="ConsentPeriodExemption"/>), through the same
    /// <see cref="ConsentReading"/> it decided with, so that a consent past France's one-year
    /// limit, withdrawn by a refused call, outside its slot, a soft opt-in for a call, or ended
    /// by a STOP, is never named.
    /// </para>
    /// <para>
    /// A consent that any rule in force for the request holds as ended by the law
    /// (<see cref="ConsentStanding.Ended"/>: France's one-year limit under FR-CONS-01 while
    /// FR-AUTO-01 reads records alone, a revocation that sweeps every consent to the caller under
    /// US-REVOKE-02) is left out even when another rule's reading still counts it: the evidence
    /// never names a consent the law says is over.
    /// </para>
    /// <para>
    /// Only the gate's reservations ask this, for allowed decisions; a check does not, so an
    /// allowed check still allocates nothing. The cost is one evaluation of each rule in force
    /// without the consents, only when the request holds consents and a rule of its scope reads them.
    /// </para>
    /// </remarks>
    /// <param name="request">The request, with the person's consents (its own and the ledger's).</param>
    /// <param name="at">The instant of the contact, at which the policy allows it.</param>
    /// <param name="history">The person's attempts.</param>
    /// <returns>The consents relied on, each once, in the request's order; empty when none.</returns>
    internal IReadOnlyList<ConsentRecord> ConsentsReliedOn(ContactRequest request, Instant at, ContactHistory history)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var slot = Slot(request.Channel, request.Purpose, request.Automated);
        if (request.Consents.IsEmpty || !readsConsentsByScope[slot])
        {
            return Array.Empty<ConsentRecord>();
        }

        var rules = rulesByScope[slot];
        var context = new EvaluationContext(request, history);
        var withoutConsents = new EvaluationContext(request.WithoutConsents(), history);
        var consents = request.Consents;
        var relied = new bool[consents.Length];
        var any = false;
        foreach (var rule in rules)
        {
            if (!AppliesAt(rule, context, at) || rule.Allows(withoutConsents, at))
            {
                continue;
            }

            for (var i = 0; i < consents.Length; i++)
            {
                if (!relied[i] && Holds(rule, consents[i], context, at, ConsentStanding.Counts))
                {
                    relied[i] = any = true;
                }
            }
        }

        if (!any)
        {
            return Array.Empty<ConsentRecord>();
        }

        var result = new List<ConsentRecord>();
        for (var i = 0; i < consents.Length; i++)
        {
            if (relied[i] && !result.Contains(consents[i]) && !EndedUnderAnyRule(rules, consents[i], context, at))
            {
                result.Add(consents[i]);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Rules.Length} rules)";

    private static bool AppliesAt(ContactRule rule, in EvaluationContext context, Instant at)
        => rule.Scope.CoversRegion(context.Request.Contact.Region) && rule.InForce.IsInForce(at, context.Zones);

    /// <summary>True when <paramref name="rule"/>, or one of its exemptions the law provides at <paramref name="at"/>, holds <paramref name="consent"/> as <paramref name="standing"/>.</summary>
    private static bool Holds(ContactRule rule, ConsentRecord consent, in EvaluationContext context, Instant at, ConsentStanding standing)
    {
        if (rule is IReadsConsents reads && reads.StandingOf(consent, context, at) == standing)
        {
            return true;
        }

        foreach (var exemption in rule.Exemptions)
        {
            if (exemption is IReadsConsents exempts && exemption.IsProvidedAt(context, at) && exempts.StandingOf(consent, context, at) == standing)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndedUnderAnyRule(ContactRule[] rules, ConsentRecord consent, in EvaluationContext context, Instant at)
    {
        foreach (var rule in rules)
        {
            if (AppliesAt(rule, context, at) && Holds(rule, consent, context, at, ConsentStanding.Ended))
            {
                return true;
            }
        }

        return false;
    }

    private static ContactDecision Refusal(ContactRule[] rules, in EvaluationContext context, Instant at, bool zoneMissing, bool advises)
    {
        var violations = ImmutableArray.CreateBuilder<RuleViolation>();
        if (zoneMissing)
        {
            violations.Add(CoreRules.ZoneUnknown(context.Request));
        }

        foreach (var rule in rules)
        {
            if (zoneMissing && rule.DependsOnZone)
            {
                continue;
            }

            var earliest = rule.EarliestAllowed(context, at);
            if (earliest == at)
            {
                continue;
            }

            var until = earliest is { } e ? Fixpoint(new[] { rule }, context, e) : null;
            violations.Add(new RuleViolation(rule.Id, rule.Kind, rule.Citation, rule.ExplainRefusal(context, at), until));
        }

        var next = zoneMissing ? null : Fixpoint(rules, context, at);
        var advisories = advises ? CollectAdvisories(rules, context, at) : ImmutableArray<ContactAdvisory>.Empty;
        return ContactDecision.Refuse(violations.ToImmutable(), next, advisories);
    }

    private static Instant? Fixpoint(ContactRule[] rules, in EvaluationContext context, Instant start)
    {
        var horizon = start + SearchHorizon;
        var t = start;
        for (var step = 0; step < MaxSearchSteps; step++)
        {
            var moved = false;
            foreach (var rule in rules)
            {
                var earliest = rule.EarliestAllowed(context, t);
                if (earliest is not { } e)
                {
                    return null;
                }

                if (e > t)
                {
                    t = e;
                    moved = true;
                    if (t > horizon)
                    {
                        return null;
                    }
                }
            }

            if (!moved)
            {
                return t;
            }
        }

        return null;
    }

    private static ImmutableArray<ContactAdvisory> CollectAdvisories(ContactRule[] rules, in EvaluationContext context, Instant at)
    {
        // A per-thread buffer, so that an allowed check with nothing to advise allocates nothing;
        // taken out of the slot while in use in case an advising rule evaluates a policy itself.
        var advisories = advisoryBuffer ?? ImmutableArray.CreateBuilder<ContactAdvisory>();
        advisoryBuffer = null;
        advisories.Clear();
        foreach (var rule in rules)
        {
            if (rule is IAdvisingRule advising && rule.Scope.CoversRegion(context.Request.Contact.Region) && rule.InForce.IsInForce(at, context.Zones))
            {
                advising.AddAdvisories(context, at, advisories);
            }
        }

        var result = advisories.Count == 0 ? ImmutableArray<ContactAdvisory>.Empty : advisories.ToImmutable();
        advisories.Clear();
        advisoryBuffer = advisories;
        return result;
    }

    private static int Slot(ContactChannel channel, ContactPurpose purpose, bool automated)
        => ((((int)channel * PurposeCount) + (int)purpose) * 2) + (automated ? 1 : 0);
}
