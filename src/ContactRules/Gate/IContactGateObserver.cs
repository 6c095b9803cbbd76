using System;
using NodaTime;

namespace ContactRules;

/// <summary>
/// Told of every decision a <see cref="ContactGate"/> takes and every permit completed: the hook
/// for logging, metrics and tracing (ContactRules.Hosting provides one for ILogger,
/// System.Diagnostics.Metrics and an ActivitySource).
/// </summary>
/// <remarks>
/// Called after the decision is taken, on the caller's thread (for the asynchronous calls, on the
/// thread that continues them); an exception thrown here is
/// swallowed, so that telemetry can never change a decision. Keep it cheap: it runs on the
/// dialer's hot path. Never log the request's phone number.
/// </remarks>
public interface IContactGateObserver
{
    /// <summary>A decision was taken.</summary>
    /// <param name="request">The contact asked for (with the ledger's facts added).</param>
    /// <param name="at">The instant decided for.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="reservation">True for <c>TryReserve</c>, false for <c>Check</c>.</param>
    /// <param name="elapsed">How long the gate took, store included.</param>
    void Decided(ContactRequest request, Instant at, ContactDecision decision, bool reservation, TimeSpan elapsed);

    /// <summary>A permit was completed with its outcome.</summary>
    /// <param name="permit">The permit.</param>
    /// <param name="outcome">The outcome recorded.</param>
    void Completed(ContactPermit permit, AttemptOutcome outcome);
}
