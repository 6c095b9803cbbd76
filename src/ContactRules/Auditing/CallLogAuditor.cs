using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ContactRules.Internal;

namespace ContactRules.Auditing;

/// <summary>
/// Finds, after the fact, every call of a log that a policy would have refused: each call is
/// evaluated at its own instant against every earlier call to the same person, exactly as a
/// <see cref="ContactGate"/> would have evaluated it. One engine decides before and after the
/// fact, so an audit and a live check can never disagree.
/// </summary>
/// <remarks>
/// <para>
/// A logged attempt that never connected (<see cref="AttemptOutcome.NotConnected"/>) is held
/// against a rule only from the rule's <see cref="Rules.RuleMetadata.UnconnectedAttemptsCountFrom"/>
/// on (the UK's PECR rules: from 5 February 2026, when the Data (Use and Access) Act 2025 made an
/// attempt to connect a call). Before that date the rule's violation is set aside
/// (<see cref="AuditedCall.SetAside"/>), never silently dropped. This is the auditor's question,
/// not the counting rules': an unconnected attempt is still an attempt in the person's history
/// (France and the UK count it), and a gate, deciding before the call, cannot know the call will
/// not connect.
/// </para>
/// <para>
/// The log is read as a stream. Calls to one person should come in time order; a call older
/// than the person's latest is still placed correctly in their history, at the cost of a copy.
/// The auditor keeps every call's attempt in memory (a few dozen bytes each).
/// </para>
/// </remarks>
public sealed class CallLogAuditor
{
    private readonly Dictionary<string, Attempts> people = new Dictionary<string, Attempts>(StringComparer.Ordinal);
    private readonly Dictionary<string, Rules.InForcePeriod> unconnectedCountFrom = new Dictionary<string, Rules.InForcePeriod>(StringComparer.Ordinal);

    /// <summary>Creates an auditor.</summary>
    /// <param name="policy">The rules the calls are held to.</param>
    public CallLogAuditor(ContactPolicy policy)
    {
        Policy = Preconditions.CheckNotNull(policy, nameof(policy));
        foreach (var rule in policy.Rules)
        {
            if (rule.Metadata.UnconnectedAttemptsCountFrom is { } from)
            {
                unconnectedCountFrom[rule.Id] = Rules.InForcePeriod.Since(from);
            }
        }
    }

    /// <summary>The rules the calls are held to.</summary>
    public ContactPolicy Policy { get; }

    /// <summary>
    /// Evaluates <paramref name="call"/> against the calls audited so far, then adds it to the
    /// person's history.
    /// </summary>
    /// <param name="call">The next call of the log.</param>
    /// <returns>The call with its decision.</returns>
    public AuditedCall Audit(LoggedCall call)
    {
        Preconditions.CheckNotNull(call, nameof(call));
        var id = call.Request.Contact.Id;
        if (!people.TryGetValue(id, out var attempts))
        {
            attempts = new Attempts();
            people.Add(id, attempts);
        }

        var decision = Policy.Evaluate(call.Request, call.At, attempts.History);
        attempts.Add(call.ToAttempt());
        if (call.Outcome != AttemptOutcome.NotConnected || decision.IsAllowed || unconnectedCountFrom.Count == 0)
        {
            return new AuditedCall(call, decision);
        }

        // An unconnected attempt made before a rule counted such attempts as contacts did not
        // break that rule: its violation is set aside, and the call judged on the others.
        var zones = call.Request.Contact.TimeZones;
        var kept = ImmutableArray.CreateBuilder<RuleViolation>();
        var setAside = ImmutableArray.CreateBuilder<RuleViolation>();
        foreach (var violation in decision.Violations)
        {
            var counts = !unconnectedCountFrom.TryGetValue(violation.RuleId, out var period) || period.IsInForce(call.At, zones);
            (counts ? kept : setAside).Add(violation);
        }

        if (setAside.Count == 0)
        {
            return new AuditedCall(call, decision);
        }

        var judged = kept.Count == 0
            ? ContactDecision.Allow(decision.Advisories)
            : ContactDecision.Refuse(kept.ToImmutable(), decision.NextPermittedAt, decision.Advisories);
        return new AuditedCall(call, judged, setAside.ToImmutable());
    }

    /// <summary>Audits every call of a log, in order.</summary>
    /// <param name="calls">The log.</param>
    /// <returns>Each call with its decision, lazily, in the same order.</returns>
    public IEnumerable<AuditedCall> AuditAll(IEnumerable<LoggedCall> calls)
    {
        Preconditions.CheckNotNull(calls, nameof(calls));
        foreach (var call in calls)
        {
            yield return Audit(call);
        }
    }

    /// <summary>
    /// One person's calls so far. Appending in time order writes past the end of the array that
    /// earlier histories see, so a history handed out never changes.
    /// </summary>
    private sealed class Attempts
    {
        private ContactAttempt[] buffer = new ContactAttempt[4];
        private int count;

        public ContactHistory History => ContactHistory.FromSortedUnsafe(buffer, count);

        public void Add(ContactAttempt attempt)
        {
            if (count > 0 && attempt.At < buffer[count - 1].At)
            {
                var index = History.FirstIndexAfter(attempt.At);
                var copy = new ContactAttempt[Math.Max(buffer.Length, count + 1)];
                Array.Copy(buffer, 0, copy, 0, index);
                copy[index] = attempt;
                Array.Copy(buffer, index, copy, index + 1, count - index);
                buffer = copy;
                count++;
                return;
            }

            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            buffer[count++] = attempt;
        }
    }
}
