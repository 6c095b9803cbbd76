using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ContactRules.Internal;
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
/// The gate fails closed: when the store cannot be read or written, the decision is a
/// <c>CORE-STORE-01</c> refusal, never an allowance on a guess.
/// </remarks>
public sealed class ContactGate
{
    private readonly IContactHistoryStore store;

    /// <summary>Creates a gate.</summary>
    /// <param name="policy">The rules to apply.</param>
    /// <param name="clock">The clock that says what "now" is.</param>
    /// <param name="store">Where attempts are read and recorded.</param>
    public ContactGate(ContactPolicy policy, IClock clock, IContactHistoryStore store)
    {
        Policy = Preconditions.CheckNotNull(policy, nameof(policy));
        Clock = Preconditions.CheckNotNull(clock, nameof(clock));
        this.store = Preconditions.CheckNotNull(store, nameof(store));
    }

    /// <summary>The rules applied.</summary>
    public ContactPolicy Policy { get; }

    /// <summary>The clock that says what "now" is.</summary>
    public IClock Clock { get; }

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
        ContactHistory history;
        try
        {
            history = store.GetHistory(request.Contact.Id);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return StoreFailure(failure);
        }

        return Policy.Evaluate(request, at, history);
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
    /// its outcome, and for good if it never does.
    /// </summary>
    /// <param name="request">The contact to be made.</param>
    /// <param name="permit">The permit to dial, when allowed; complete it with the outcome.</param>
    /// <param name="decision">The decision, with its reasons when refused.</param>
    /// <returns>True when allowed and reserved.</returns>
    public bool TryReserve(ContactRequest request, [NotNullWhen(true)] out ContactPermit? permit, out ContactDecision decision)
    {
        Preconditions.CheckNotNull(request, nameof(request));
        var at = Clock.GetCurrentInstant();
        var reservation = new ContactAttempt(at, AttemptOutcome.Reserved, request.Channel, request.Purpose)
        {
            Subject = request.Subject,
            Caller = request.Caller,
        };

        ReservationResult result;
        try
        {
            result = store.Reserve(request.Contact.Id, reservation, history => Policy.Evaluate(request, at, history));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            permit = null;
            decision = StoreFailure(failure);
            return false;
        }

        decision = result.Decision;
        if (decision.IsAllowed && result.AttemptId is { } id)
        {
            permit = new ContactPermit(this, request, at, id);
            return true;
        }

        permit = null;
        return false;
    }

    internal void Complete(ContactPermit permit, AttemptOutcome outcome)
        => store.Complete(permit.Request.Contact.Id, permit.AttemptId, outcome);

    private static ContactDecision StoreFailure(Exception failure)
        => ContactDecision.Refuse(ImmutableArray.Create(CoreRules.StoreUnavailable(failure)), null);
}
