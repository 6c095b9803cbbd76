using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
/// <para>
/// <see cref="CheckAsync(ContactRequest, CancellationToken)"/>,
/// <see cref="TryReserveAsync"/> and <see cref="ContactPermit.CompleteAsync"/> do the same
/// without holding a thread while the store works. Cancellation is honoured until the reservation
/// is committed: a cancelled call records nothing and throws <see cref="OperationCanceledException"/>
/// (it is neither a refusal nor an allowance). A committed reservation cannot be undone by
/// cancelling: the call then finishes (the evidence is still written) and returns the permit, which
/// the caller completes, for example with <see cref="AttemptOutcome.NotConnected"/> when it no
/// longer dials. A store that cannot be reached within its timeout gives a <c>CORE-STORE-01</c>
/// refusal, as on the synchronous path.
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
            request = WithStoredFacts(request);
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
    /// Decides many requests at <paramref name="at"/>, each as <see cref="Check(ContactRequest, Instant)"/>
    /// would, recording nothing: scrubbing a call list. When the store is an
    /// <see cref="IContactBulkReader"/>, the people's histories and facts are read together, in a
    /// few queries for the whole block.
    /// </summary>
    /// <param name="requests">The contacts to be made; a person may appear more than once.</param>
    /// <param name="at">The instant of the contacts.</param>
    /// <returns>One decision per request, in order. When the store cannot be read, every request of the block is refused with <c>CORE-STORE-01</c>.</returns>
    public IReadOnlyList<ContactDecision> CheckMany(IReadOnlyList<ContactRequest> requests, Instant at)
    {
        Preconditions.CheckNotNull(requests, nameof(requests));
        var decisions = new ContactDecision[requests.Count];
        var contacts = new Contact[requests.Count];
        for (var i = 0; i < contacts.Length; i++)
        {
            contacts[i] = (requests[i] ?? throw new ArgumentException($"requests[{i}] is null.", nameof(requests))).Contact;
        }

        if (store is not IContactBulkReader bulk)
        {
            for (var i = 0; i < decisions.Length; i++)
            {
                decisions[i] = Check(requests[i], at);
            }

            return decisions;
        }

        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        IReadOnlyList<ContactSnapshot>? snapshots = null;
        Exception? failure = null;
        try
        {
            snapshots = bulk.ReadMany(contacts);
            if (snapshots.Count != contacts.Length)
            {
                throw new InvalidOperationException($"The store returned {snapshots.Count} snapshots for {contacts.Length} people.");
            }
        }
        catch (Exception readFailure) when (readFailure is not OperationCanceledException)
        {
            failure = readFailure;
        }

        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = failure is null ? Decide(requests[i], at, snapshots![i]) : StoreFailure(failure);
            if (Observer is not null)
            {
                Notify(requests[i], at, decisions[i], reservation: false, started);
            }
        }

        return decisions;
    }

    /// <summary>
    /// Decides whether <paramref name="request"/> may be made at <paramref name="at"/> on a
    /// snapshot of its person already read (<see cref="IContactBulkReader.ReadMany"/>), as
    /// <see cref="Check(ContactRequest, Instant)"/> would on the store; records nothing.
    /// </summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="at">The instant of the contact.</param>
    /// <param name="snapshot">The person's history and stored facts (the facts count only when the gate is on a ledger).</param>
    /// <returns>The decision; a snapshot of another person is refused with <c>CORE-STORE-01</c>.</returns>
    public ContactDecision Check(ContactRequest request, Instant at, ContactSnapshot snapshot)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        Preconditions.CheckNotNull(snapshot, nameof(snapshot));
        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        var decision = Decide(request, at, snapshot);
        if (Observer is not null)
        {
            Notify(request, at, decision, reservation: false, started);
        }

        return decision;
    }

    private ContactDecision Decide(ContactRequest request, Instant at, ContactSnapshot snapshot)
    {
        try
        {
            if (!string.Equals(snapshot.Contact.Id, request.Contact.Id, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The store returned the snapshot of '{snapshot.Contact.Id}' for '{request.Contact.Id}'.");
            }

            // Facts are the ledger's only: a gate on a history store alone reads none.
            return Policy.Evaluate(ledger is null ? request : WithFacts(request, snapshot.Facts), at, snapshot.History);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return StoreFailure(failure);
        }
    }

    /// <summary>Decides whether <paramref name="request"/> may be made now, without holding a thread while the store reads.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <returns>The decision.</returns>
    public Task<ContactDecision> CheckAsync(ContactRequest request) => CheckAsync(request, Clock.GetCurrentInstant(), CancellationToken.None);

    /// <summary>Decides whether <paramref name="request"/> may be made now, without holding a thread while the store reads.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="cancellationToken">Stops the reads; a check writes nothing.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ContactDecision> CheckAsync(ContactRequest request, CancellationToken cancellationToken)
        => CheckAsync(request, Clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Decides whether <paramref name="request"/> may be made at <paramref name="at"/>, given the history recorded now.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="at">The instant of the contact.</param>
    /// <param name="cancellationToken">Stops the reads; a check writes nothing.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ContactDecision> CheckAsync(ContactRequest request, Instant at, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        ContactDecision decision;
        try
        {
            if (ledger is not null)
            {
                request = WithFacts(request, await ledger.GetFactsAsync(request.Contact, cancellationToken).ConfigureAwait(false));
            }

            var history = await store.GetHistoryAsync(request.Contact.Id, cancellationToken).ConfigureAwait(false);
            decision = Policy.Evaluate(request, at, history);
        }
        catch (Exception failure) when (!IsCancellation(failure, cancellationToken))
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

    /// <summary>
    /// Decides whether <paramref name="request"/> may be made now and, when it may, records a
    /// <see cref="AttemptOutcome.Reserved"/> attempt in the same atomic step, without holding a
    /// thread while the store works; see <see cref="TryReserve(ContactRequest, out ContactPermit?, out ContactDecision)"/>.
    /// </summary>
    /// <remarks>
    /// Cancellation is honoured until the reservation is committed: a cancelled call records
    /// nothing and throws <see cref="OperationCanceledException"/>. Once the reservation is
    /// committed it counts, and the call finishes (evidence included) and returns the permit even
    /// if the token is cancelled meanwhile: complete it, with <see cref="AttemptOutcome.NotConnected"/>
    /// when the call is no longer placed. A store failure or timeout is a <c>CORE-STORE-01</c> refusal.
    /// </remarks>
    /// <param name="request">The contact to be made.</param>
    /// <param name="cancellationToken">Stops the operation until the reservation is committed.</param>
    /// <returns>The decision, and the permit when allowed and reserved.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before anything was recorded.</exception>
    public async Task<ContactReservation> TryReserveAsync(ContactRequest request, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        var at = Clock.GetCurrentInstant();
        var step = await ReserveAsync(request, at, cancellationToken).ConfigureAwait(false);
        if (Observer is not null)
        {
            Notify(step.Request, at, step.Reservation.Decision, reservation: true, started);
        }

        return step.Reservation;
    }

    private bool Reserve(ref ContactRequest request, Instant at, out ContactPermit? permit, out ContactDecision decision)
    {
        ContactFacts facts;
        try
        {
            facts = ledger is null ? ContactFacts.None : ledger.GetFacts(request.Contact);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            permit = null;
            decision = StoreFailure(failure);
            return false;
        }

        request = WithFacts(request, facts);
        var step = new ReservationStep(this, request, at);
        ReservationResult result;
        try
        {
            result = store.Reserve(request.Contact.Id, step.Attempt, step.Decide);
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
                var uses = ConsentUses(step, facts, result.AttemptId, out var relied);
                if (uses.Count > 0)
                {
                    ledger.RecordConsentUses(request.Contact.Id, uses);
                }

                ledger.Log.Append(EvidenceKinds.Decision, DecisionPayload(step, decision, result.AttemptId, relied));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                permit = null;
                decision = StoreFailure(failure);
                return false;
            }
        }

        permit = Permit(step, decision, result.AttemptId);
        return permit is not null;
    }

    private async Task<(ContactRequest Request, ContactReservation Reservation)> ReserveAsync(ContactRequest request, Instant at, CancellationToken cancellationToken)
    {
        ContactFacts facts;
        try
        {
            facts = ledger is null ? ContactFacts.None : await ledger.GetFactsAsync(request.Contact, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (!IsCancellation(failure, cancellationToken))
        {
            return (request, new ContactReservation(StoreFailure(failure), null));
        }

        request = WithFacts(request, facts);
        var step = new ReservationStep(this, request, at);
        ReservationResult result;
        try
        {
            result = await store.ReserveAsync(request.Contact.Id, step.Attempt, step.Decide, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (!IsCancellation(failure, cancellationToken))
        {
            return (request, new ContactReservation(StoreFailure(failure), null));
        }

        // The reservation is committed (or none was taken): from here on the token is no longer
        // looked at, so that a reservation that counts always comes back with its permit and
        // its evidence.
        var decision = result.Decision;
        if (ledger is not null)
        {
            try
            {
                var uses = ConsentUses(step, facts, result.AttemptId, out var relied);
                if (uses.Count > 0)
                {
                    await ledger.RecordConsentUsesAsync(request.Contact.Id, uses, CancellationToken.None).ConfigureAwait(false);
                }

                await ledger.Log.AppendAsync(EvidenceKinds.Decision, DecisionPayload(step, decision, result.AttemptId, relied), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                return (request, new ContactReservation(StoreFailure(failure), null));
            }
        }

        return (request, new ContactReservation(decision, Permit(step, decision, result.AttemptId)));
    }

    private ContactPermit? Permit(ReservationStep step, ContactDecision decision, long? attemptId)
        => decision.IsAllowed && attemptId is { } id ? new ContactPermit(this, step.Request, step.At, id) : null;

    internal void Complete(ContactPermit permit, AttemptOutcome outcome)
    {
        store.Complete(permit.Request.Contact.Id, permit.AttemptId, outcome);
        NotifyCompleted(permit, outcome);
    }

    internal async Task CompleteAsync(ContactPermit permit, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        await store.CompleteAsync(permit.Request.Contact.Id, permit.AttemptId, outcome, cancellationToken).ConfigureAwait(false);
        NotifyCompleted(permit, outcome);
    }

    /// <summary>
    /// True when <paramref name="failure"/> is the caller's cancellation, which the gate lets
    /// through; any other failure, an <see cref="OperationCanceledException"/> from a store's own
    /// timeout included, is the store failing, and refuses.
    /// </summary>
    private static bool IsCancellation(Exception failure, CancellationToken cancellationToken)
        => failure is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private void NotifyCompleted(ContactPermit permit, AttemptOutcome outcome)
    {
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

    private ContactRequest WithStoredFacts(ContactRequest request)
        => ledger is null ? request : WithFacts(request, ledger.GetFacts(request.Contact));

    /// <summary>
    /// True when an allowing decision relied on a consent: without the person's consents the
    /// same policy, history and instant would refuse. Only then is a use recorded (Germany's
    /// UWG § 7a keeps the proof for 5 years after each use).
    /// </summary>
    private bool ReliesOnConsent(ContactRequest request, Instant at, ContactHistory history)
        => policyReliesOnConsent
            && HeldConsents(request, at).Any()
            && !Policy.Evaluate(request.WithoutConsents(), at, history).IsAllowed;

    /// <summary>The uses of stored consents that an allowed reservation relied on, and the ids of every consent it relied on.</summary>
    private List<ConsentUse> ConsentUses(ReservationStep step, ContactFacts facts, long? attemptId, out List<string> relied)
    {
        relied = step.ReliedOnConsent
            ? HeldConsents(step.Request, step.At).Select(consent => consent.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : new List<string>();
        var at = step.At;
        return relied.Where(id => facts.Consents.Any(c => c.Id == id)).Select(id => new ConsentUse(id, at, attemptId)).ToList();
    }

    private string DecisionPayload(ReservationStep step, ContactDecision decision, long? attemptId, List<string> relied)
        => EvidencePayloads.Decision(step.Request, step.At, Policy.Id, decision, attemptId, relied, ledger!.PhoneNumbers);

    private static ContactDecision StoreFailure(Exception failure)
        => ContactDecision.Refuse(ImmutableArray.Create(CoreRules.StoreUnavailable(failure)), null);

    /// <summary>
    /// One reservation: the request as evaluated (with the stored facts), the instant, the attempt
    /// to record, and whether the allowing decision relied on a consent (set by <see cref="Decide"/>,
    /// inside the store's atomic step).
    /// </summary>
    private sealed class ReservationStep
    {
        private readonly ContactGate gate;

        internal ReservationStep(ContactGate gate, ContactRequest request, Instant at)
        {
            this.gate = gate;
            Request = request;
            At = at;
            Attempt = new ContactAttempt(at, AttemptOutcome.Reserved, request.Channel, request.Purpose)
            {
                Subject = request.Subject,
                Caller = request.Caller,
            };
            Decide = DecideOn;
        }

        internal ContactRequest Request { get; }

        internal Instant At { get; }

        internal ContactAttempt Attempt { get; }

        internal Func<ContactHistory, ContactDecision> Decide { get; }

        internal bool ReliedOnConsent { get; private set; }

        private ContactDecision DecideOn(ContactHistory history)
        {
            var taken = gate.Policy.Evaluate(Request, At, history);
            ReliedOnConsent = gate.ledger is not null && taken.IsAllowed && gate.ReliesOnConsent(Request, At, history);
            return taken;
        }
    }
}
