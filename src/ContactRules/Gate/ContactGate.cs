using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using ContactRules.Internal;
using ContactRules.Rules;
using ContactRules.Storage;
using NodaTime;

namespace ContactRules;

/// <summary>
/// The entry point a CRM or dialer holds as a singleton: a policy, a clock and a history store.
/// <see cref="Check(ContactRequest)"/> answers "may we contact this person now?";
/// <see cref="TryReserve(ContactRequest, out ContactPermit?, out ContactDecision)"/> answers and,
/// when allowed, records the attempt atomically so that concurrent dialers cannot exceed a cap
/// together.
/// </summary>
/// <remarks>
/// <para>
/// The gate fails closed: when the store cannot be read or written, the decision is a
/// <c>CORE-STORE-01</c> refusal, never an allowance on a guess.
/// </para>
/// <para>
/// Built on an <see cref="IContactLedger"/>, the gate also reads the person's stored consents,
/// opt-outs and registry entries for every decision (on top of those the request carries),
/// records each use of a stored consent that an allowed reservation relied on, and appends every
/// <see cref="TryReserve(ContactRequest, out ContactPermit?, out ContactDecision)"/> decision to
/// the ledger's evidence log.
/// </para>
/// </remarks>
public sealed class ContactGate
{
    private readonly IContactHistoryStore store;
    private readonly IContactLedger? ledger;
    private readonly bool policyReliesOnConsent;

    /// <summary>Creates a gate.</summary>
    /// <param name="policy">The rules to apply.</param>
    /// <param name="clock">The clock that says what "now" is.</param>
    /// <param name="store">Where attempts are read and recorded.</param>
    public ContactGate(ContactPolicy policy, IClock clock, IContactHistoryStore store)
    {
        Policy = Preconditions.CheckNotNull(policy, nameof(policy));
        Clock = Preconditions.CheckNotNull(clock, nameof(clock));
        this.store = Preconditions.CheckNotNull(store, nameof(store));
        policyReliesOnConsent = policy.Rules.Any(rule => rule is ConsentRequirement || rule.Exemptions.Any(exemption => exemption is ConsentExemption));
    }

    /// <summary>Creates a gate on a ledger: history, stored facts and evidence log together.</summary>
    /// <param name="policy">The rules to apply.</param>
    /// <param name="clock">The clock that says what "now" is.</param>
    /// <param name="ledger">Where attempts, consents, opt-outs and registry entries are read and recorded, and decisions logged.</param>
    public ContactGate(ContactPolicy policy, IClock clock, IContactLedger ledger)
        : this(policy, clock, (IContactHistoryStore)Preconditions.CheckNotNull(ledger, nameof(ledger)))
    {
        this.ledger = ledger;
    }

    /// <summary>The rules applied.</summary>
    public ContactPolicy Policy { get; }

    /// <summary>The clock that says what "now" is.</summary>
    public IClock Clock { get; }

    /// <summary>Told of every decision and completed permit (logging, metrics, tracing); none by default.</summary>
    public IContactGateObserver? Observer { get; init; }

    /// <summary>Decides whether <paramref name="request"/> may be made now.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <returns>The decision.</returns>
    public ContactDecision Check(ContactRequest request) => Check(request, Clock.GetCurrentInstant());

    /// <summary>Decides whether <paramref name="request"/> may be made at <paramref name="at"/>, given the history recorded now.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="at">The instant of the contact.</param>
    /// <returns>The decision.</returns>
    public ContactDecision Check(ContactRequest request, Instant at)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        ContactDecision decision;
        try
        {
            request = WithStoredFacts(request, out _);
            var history = store.GetHistory(request.Contact.Id);
            decision = Policy.Evaluate(request, at, history);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            decision = StoreFailure(failure);
        }

        if (Observer is not null)
        {
            Notify(request, at, decision, reservation: false, started);
        }

        return decision;
    }

    /// <summary>
    /// Decides whether <paramref name="request"/> may be made now and, when it may, records a
    /// <see cref="AttemptOutcome.Reserved"/> attempt in the same atomic step.
    /// </summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="permit">The permit to dial, when allowed; complete it with the outcome.</param>
    /// <returns>True when allowed and reserved.</returns>
    public bool TryReserve(ContactRequest request, [NotNullWhen(true)] out ContactPermit? permit)
        => TryReserve(request, out permit, out _);

    /// <summary>
    /// Decides whether <paramref name="request"/> may be made now and, when it may, records a
    /// <see cref="AttemptOutcome.Reserved"/> attempt in the same atomic step. The reservation
    /// counts as an attempt from this instant until <see cref="ContactPermit.Complete"/> gives
    /// its outcome, and for good if it never does (or until the ledger's reservation expiry).
    /// </summary>
    /// <remarks>
    /// On a ledger, an allowed reservation whose consent use or log entry cannot be written is
    /// refused with <c>CORE-STORE-01</c>: the reservation stays recorded and counts, but no
    /// permit is given for a contact whose evidence is not kept.
    /// </remarks>
    /// <param name="request">The contact to be made.</param>
    /// <param name="permit">The permit to dial, when allowed; complete it with the outcome.</param>
    /// <param name="decision">The decision, with its reasons when refused.</param>
    /// <returns>True when allowed and reserved.</returns>
    public bool TryReserve(ContactRequest request, [NotNullWhen(true)] out ContactPermit? permit, out ContactDecision decision)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        var at = Clock.GetCurrentInstant();
        var reserved = Reserve(ref request, at, out permit, out decision);
        if (Observer is not null)
        {
            Notify(request, at, decision, reservation: true, started);
        }

        return reserved;
    }

    private bool Reserve(ref ContactRequest request, Instant at, out ContactPermit? permit, out ContactDecision decision)
    {
        ContactFacts facts;
        try
        {
            request = WithStoredFacts(request, out facts);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            permit = null;
            decision = StoreFailure(failure);
            return false;
        }

        var evaluated = request;
        var reliedOnConsent = false;
        var reservation = new ContactAttempt(at, AttemptOutcome.Reserved, request.Channel, request.Purpose)
        {
            Subject = request.Subject,
            Caller = request.Caller,
        };

        ReservationResult result;
        try
        {
            result = store.Reserve(request.Contact.Id, reservation, history =>
            {
                var taken = Policy.Evaluate(evaluated, at, history);
                reliedOnConsent = ledger is not null && taken.IsAllowed && ReliesOnConsent(evaluated, at, history);
                return taken;
            });
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            permit = null;
            decision = StoreFailure(failure);
            return false;
        }

        decision = result.Decision;
        if (ledger is not null)
        {
            try
            {
                KeepEvidence(request, facts, at, decision, result.AttemptId, reliedOnConsent);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                permit = null;
                decision = StoreFailure(failure);
                return false;
            }
        }
        if (decision.IsAllowed && result.AttemptId is { } id)
        {
            permit = new ContactPermit(this, request, at, id);
            return true;
        }

        permit = null;
        return false;
    }

    internal void Complete(ContactPermit permit, AttemptOutcome outcome)
    {
        store.Complete(permit.Request.Contact.Id, permit.AttemptId, outcome);
        try
        {
            Observer?.Completed(permit, outcome);
        }
        catch (Exception)
        {
            // Telemetry never changes what was recorded.
        }
    }

    private void Notify(ContactRequest request, Instant at, ContactDecision decision, bool reservation, long started)
    {
        try
        {
            var elapsed = TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            Observer!.Decided(request, at, decision, reservation, elapsed);
        }
        catch (Exception)
        {
            // Telemetry never changes a decision.
        }
    }

    /// <summary>The request with the ledger's facts about the person added to its own.</summary>
    internal static ContactRequest WithFacts(ContactRequest request, ContactFacts facts)
        => facts.IsEmpty ? request : request.WithFacts(facts.Consents, facts.OptOuts);

    private static IEnumerable<ConsentRecord> HeldConsents(ContactRequest request, Instant at)
        => request.Consents.Where(consent => consent.Covers(request) && consent.IsValidAt(at));

    private ContactRequest WithStoredFacts(ContactRequest request, out ContactFacts facts)
    {
        facts = ledger is null ? ContactFacts.None : ledger.GetFacts(request.Contact);
        return WithFacts(request, facts);
    }

    /// <summary>
    /// True when an allowing decision relied on a consent: without the person's consents the
    /// same policy, history and instant would refuse. Only then is a use recorded (Germany's
    /// UWG § 7a keeps the proof for 5 years after each use).
    /// </summary>
    private bool ReliesOnConsent(ContactRequest request, Instant at, ContactHistory history)
        => policyReliesOnConsent
            && HeldConsents(request, at).Any()
            && !Policy.Evaluate(request.WithoutConsents(), at, history).IsAllowed;

    private void KeepEvidence(ContactRequest request, ContactFacts facts, Instant at, ContactDecision decision, long? attemptId, bool reliedOnConsent)
    {
        var relied = reliedOnConsent
            ? HeldConsents(request, at).Select(consent => consent.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : new List<string>();
        var stored = relied.Where(id => facts.Consents.Any(c => c.Id == id)).Select(id => new ConsentUse(id, at, attemptId)).ToList();
        if (stored.Count > 0)
        {
            ledger!.RecordConsentUses(request.Contact.Id, stored);
        }

        ledger!.Log.Append(EvidenceKinds.Decision, EvidencePayloads.Decision(request, at, Policy.Id, decision, attemptId, relied, ledger.PhoneNumbers));
    }

    private static ContactDecision StoreFailure(Exception failure)
        => ContactDecision.Refuse(ImmutableArray.Create(CoreRules.StoreUnavailable(failure)), null);
}
