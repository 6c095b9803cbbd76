using System;
using System.Collections.Generic;
using ContactRules.Internal;

namespace ContactRules.Storage;

/// <summary>
/// What a reservation's decision writes: the reserved attempt when it allows, one use of each
/// stored consent it relied on (UWG § 7a keeps the proof 5 years after each use), and its
/// evidence entry, allowed or refused. A ledger writes all of them in one transaction, or none.
/// </summary>
internal sealed class ReservationVerdict
{
    private readonly Func<long?, string> evidence;

    /// <param name="decision">The decision.</param>
    /// <param name="request">The request as decided (with the ledger's facts added).</param>
    /// <param name="consentUses">The ids of the stored consents the allowing decision relied on; empty for a refusal.</param>
    /// <param name="evidence">The decision entry's payload, given the reserved attempt's id (null when refused).</param>
    internal ReservationVerdict(ContactDecision decision, ContactRequest request, IReadOnlyList<string> consentUses, Func<long?, string> evidence)
    {
        Decision = Preconditions.CheckNotNull(decision, nameof(decision));
        Request = Preconditions.CheckNotNull(request, nameof(request));
        ConsentUses = decision.IsAllowed ? Preconditions.CheckNotNull(consentUses, nameof(consentUses)) : Array.Empty<string>();
        this.evidence = Preconditions.CheckNotNull(evidence, nameof(evidence));
    }

    internal ContactDecision Decision { get; }

    internal ContactRequest Request { get; }

    internal bool IsAllowed => Decision.IsAllowed;

    /// <summary>The ids of the stored consents whose use is recorded with the attempt.</summary>
    internal IReadOnlyList<string> ConsentUses { get; }

    /// <summary>The payload of the decision's evidence entry.</summary>
    /// <param name="attemptId">The reserved attempt's id; null when refused.</param>
    internal string Evidence(long? attemptId) => evidence(attemptId);
}
