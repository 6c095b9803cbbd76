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
/// The entry point a CRM or dialer holds as a singleton: a policy, a clock and a ledger.
/// <see cref="Check(ContactRequest)"/> answers "may we contact this person now?";
/// <see cref="TryReserve(ContactRequest, out ContactPermit?, out ContactDecision)"/> answers and,
/// when allowed, records the attempt atomically so that concurrent dialers cannot exceed a cap
/// together.
/// </summary>
/// <remarks>
/// <para>
/// Every decision reads the person's attempts and stored facts (consents, opt-outs, registry
/// entries of their number) from the ledger, on top of the facts the request carries. A
/// reservation is one transaction of the ledger: the person's snapshot is read under their lock,
/// the policy decides on it, and the reserved attempt, the use of every stored consent the
/// decision relied on and the decision's evidence entry are committed together, or nothing is.
/// </para>
/// <para>
/// The gate fails closed: when the ledger cannot be read or written within its
/// <see cref="ContactLedgerOptions.OperationTimeout"/>, the decision is a <c>CORE-STORE-01</c>
/// refusal, never an allowance on a guess; its reason says whether the reservation may still have
/// been recorded (a commit on its way when the deadline passed), in which case it counts.
/// </para>
/// <para>
/// <see cref="CheckAsync(ContactRequest, CancellationToken)"/>,
/// <see cref="TryReserveAsync"/> and <see cref="ContactPermit.CompleteAsync"/> do the same
/// without holding a thread while the ledger works. Cancellation is honoured until the
/// reservation is committing: a cancelled call records nothing and throws
/// <see cref="OperationCanceledException"/> (it is neither a refusal nor an allowance). A
/// reservation whose commit is on its way cannot be undone by cancelling: the call returns its
/// permit, which the caller completes, for example with <see cref="AttemptOutcome.NotConnected"/>
/// when it no longer dials.
/// </para>
/// </remarks>
public sealed class ContactGate
{
    private readonly ContactLedger ledger;

    /// <summary>Creates a gate.</summary>
    /// <param name="policy">The rules to apply.</param>
    /// <param name="clock">The clock that says what "now" is.</param>
    /// <param name="ledger">Where attempts, consents, opt-outs and registry entries are read and recorded, and decisions logged.</param>
    public ContactGate(ContactPolicy policy, IClock clock, ContactLedger ledger)
    {
        Policy = Preconditions.CheckNotNull(policy, nameof(policy));
        Clock = Preconditions.CheckNotNull(clock, nameof(clock));
        this.ledger = Preconditions.CheckNotNull(ledger, nameof(ledger));
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

    /// <summary>Decides whether <paramref name="request"/> may be made at <paramref name="at"/>, given what the ledger holds now.</summary>
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
            var snapshot = ledger.Read(request.Contact);
            request = WithFacts(request, snapshot.Facts);
            decision = Policy.Evaluate(request, at, snapshot.History);
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
    /// would, recording nothing: scrubbing a call list. The people's histories and facts are read
    /// together (<see cref="ContactLedger.ReadMany"/>), in a few queries for the whole block.
    /// </summary>
    /// <param name="requests">The contacts to be made; a person may appear more than once.</param>
    /// <param name="at">The instant of the contacts.</param>
    /// <returns>One decision per request, in order. When the ledger cannot be read, every request of the block is refused with <c>CORE-STORE-01</c>.</returns>
    public IReadOnlyList<ContactDecision> CheckMany(IReadOnlyList<ContactRequest> requests, Instant at)
    {
        Preconditions.CheckNotNull(requests, nameof(requests));
        var decisions = new ContactDecision[requests.Count];
        var contacts = new Contact[requests.Count];
        for (var i = 0; i < contacts.Length; i++)
        {
            contacts[i] = (requests[i] ?? throw new ArgumentException($"requests[{i}] is null.", nameof(requests))).Contact;
        }

        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        IReadOnlyList<ContactSnapshot>? snapshots = null;
        Exception? failure = null;
        try
        {
            snapshots = ledger.ReadMany(contacts);
            if (snapshots.Count != contacts.Length)
            {
                throw new InvalidOperationException($"The ledger returned {snapshots.Count} snapshots for {contacts.Length} people.");
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
    /// snapshot of its person already read (<see cref="ContactLedger.ReadMany"/>), as
    /// <see cref="Check(ContactRequest, Instant)"/> would on the ledger; records nothing.
    /// </summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="at">The instant of the contact.</param>
    /// <param name="snapshot">The person's history and stored facts.</param>
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

    /// <summary>Decides whether <paramref name="request"/> may be made now, without holding a thread while the ledger reads.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <returns>The decision.</returns>
    public Task<ContactDecision> CheckAsync(ContactRequest request) => CheckAsync(request, Clock.GetCurrentInstant(), CancellationToken.None);

    /// <summary>Decides whether <paramref name="request"/> may be made now, without holding a thread while the ledger reads.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="cancellationToken">Stops the read; a check writes nothing.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ContactDecision> CheckAsync(ContactRequest request, CancellationToken cancellationToken)
        => CheckAsync(request, Clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Decides whether <paramref name="request"/> may be made at <paramref name="at"/>, given what the ledger holds now.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="at">The instant of the contact.</param>
    /// <param name="cancellationToken">Stops the read; a check writes nothing.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ContactDecision> CheckAsync(ContactRequest request, Instant at, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        ContactDecision decision;
        try
        {
            var snapshot = await ledger.ReadAsync(request.Contact, cancellationToken).ConfigureAwait(false);
            request = WithFacts(request, snapshot.Facts);
            decision = Policy.Evaluate(request, at, snapshot.History);
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
    /// The decision, allowed or refused, is written to the ledger's evidence log in the same
    /// transaction as the reservation and the uses of the consents it relied on: a permit is
    /// given only once all of them are committed.
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
        var pending = Pending(request, at, CancellationToken.None);
        ContactReservation reservation;
        try
        {
            var result = ledger.Reserve(pending);
            request = result.Verdict.Request;
            reservation = Reservation(at, result);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            reservation = new ContactReservation(StoreFailure(failure), null);
        }

        if (Observer is not null)
        {
            Notify(request, at, reservation.Decision, reservation: true, started);
        }

        permit = reservation.Permit;
        decision = reservation.Decision;
        return permit is not null;
    }

    /// <summary>
    /// Decides whether <paramref name="request"/> may be made now and, when it may, records a
    /// <see cref="AttemptOutcome.Reserved"/> attempt in the same atomic step, without holding a
    /// thread while the ledger works; see <see cref="TryReserve(ContactRequest, out ContactPermit?, out ContactDecision)"/>.
    /// </summary>
    /// <remarks>
    /// Cancellation is honoured until the reservation is committing: a cancelled call records
    /// nothing and throws <see cref="OperationCanceledException"/>. Once its commit is on its way
    /// the reservation counts, and the call returns the permit even if the token is cancelled
    /// meanwhile: complete it, with <see cref="AttemptOutcome.NotConnected"/> when the call is no
    /// longer placed. A ledger failure or timeout is a <c>CORE-STORE-01</c> refusal.
    /// </remarks>
    /// <param name="request">The contact to be made.</param>
    /// <param name="cancellationToken">Stops the operation until the reservation is committing.</param>
    /// <returns>The decision, and the permit when allowed and reserved.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before anything was recorded.</exception>
    public async Task<ContactReservation> TryReserveAsync(ContactRequest request, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var started = Observer is null ? 0 : Stopwatch.GetTimestamp();
        var at = Clock.GetCurrentInstant();
        cancellationToken.ThrowIfCancellationRequested();
        var pending = Pending(request, at, cancellationToken);
        ContactReservation reservation;
        try
        {
            var result = await ledger.ReserveAsync(pending).ConfigureAwait(false);
            request = result.Verdict.Request;
            reservation = Reservation(at, result);
        }
        catch (Exception failure) when (!IsCancellation(failure, cancellationToken))
        {
            reservation = new ContactReservation(StoreFailure(failure), null);
        }

        if (Observer is not null)
        {
            Notify(request, at, reservation.Decision, reservation: true, started);
        }

        return reservation;
    }

    internal void Complete(ContactPermit permit, AttemptOutcome outcome)
    {
        ledger.Complete(permit.Request.Contact.Id, permit.AttemptId, outcome);
        NotifyCompleted(permit, outcome);
    }

    internal async Task CompleteAsync(ContactPermit permit, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        await ledger.CompleteAsync(permit.Request.Contact.Id, permit.AttemptId, outcome, cancellationToken).ConfigureAwait(false);
        NotifyCompleted(permit, outcome);
    }

    /// <summary>The request with the ledger's facts about the person added to its own.</summary>
    internal static ContactRequest WithFacts(ContactRequest request, ContactFacts facts)
        => facts.IsEmpty ? request : request.WithFacts(facts.Consents, facts.OptOuts);

    private ContactDecision Decide(ContactRequest request, Instant at, ContactSnapshot snapshot)
    {
        try
        {
            if (!string.Equals(snapshot.Contact.Id, request.Contact.Id, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The ledger returned the snapshot of '{snapshot.Contact.Id}' for '{request.Contact.Id}'.");
            }

            return Policy.Evaluate(WithFacts(request, snapshot.Facts), at, snapshot.History);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return StoreFailure(failure);
        }
    }

    /// <summary>
    /// The reservation handed to the ledger: the attempt to record, and the decision to take on
    /// the snapshot the ledger reads under the person's lock, with what it writes.
    /// </summary>
    private PendingReservation Pending(ContactRequest request, Instant at, CancellationToken cancellationToken)
    {
        var attempt = new ContactAttempt(at, AttemptOutcome.Reserved, request.Channel, request.Purpose)
        {
            Subject = request.Subject,
            Caller = request.Caller,
        };
        return new PendingReservation(request.Contact, attempt, snapshot => Verdict(request, at, snapshot), cancellationToken);
    }

    /// <summary>
    /// The decision on <paramref name="snapshot"/>, and what it writes: the uses of the stored
    /// consents an allowing decision relied on, and its evidence entry.
    /// </summary>
    /// <remarks>
    /// The consents relied on are those the policy's rules counted at that instant for that
    /// request (<see cref="ContactPolicy.ConsentsReliedOn"/>): a consent that lapsed, was
    /// withdrawn, is outside its slot or was ended by a STOP is never recorded as used. The
    /// evidence entry names every consent relied on; a use is recorded for the stored ones only
    /// (a consent the request carried is the caller's to keep), so for stored consents the
    /// entry and the uses agree.
    /// </remarks>
    private ReservationVerdict Verdict(ContactRequest request, Instant at, ContactSnapshot snapshot)
    {
        var decided = WithFacts(request, snapshot.Facts);
        var decision = Policy.Evaluate(decided, at, snapshot.History);
        var relied = new List<string>();
        var stored = new List<string>();
        if (decision.IsAllowed)
        {
            foreach (var consent in Policy.ConsentsReliedOn(decided, at, snapshot.History))
            {
                if (consent.Id is not { } id || relied.Contains(id, StringComparer.Ordinal))
                {
                    continue;
                }

                relied.Add(id);
                if (snapshot.Facts.Consents.Contains(consent))
                {
                    stored.Add(id);
                }
            }
        }

        return new ReservationVerdict(
            decision,
            decided,
            stored,
            attemptId => EvidencePayloads.Decision(decided, at, Policy.Id, decision, attemptId, relied, ledger.PhoneNumbers));
    }

    private ContactReservation Reservation(Instant at, ReservationResult result)
    {
        var decision = result.Decision;
        var permit = decision.IsAllowed && result.AttemptId is { } id ? new ContactPermit(this, result.Verdict.Request, at, id) : null;
        return new ContactReservation(decision, permit);
    }

    /// <summary>
    /// True when <paramref name="failure"/> is the caller's cancellation, which the gate lets
    /// through; any other failure, an <see cref="OperationCanceledException"/> from a ledger's own
    /// timeout included, is the ledger failing, and refuses.
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

    private static ContactDecision StoreFailure(Exception failure)
        => ContactDecision.Refuse(ImmutableArray.Create(CoreRules.StoreUnavailable(failure)), null);
}
