using System;
using System.Collections.Generic;
using ContactRules.Internal;

namespace ContactRules.Auditing;

/// <summary>
/// Finds, after the fact, every call of a log that a policy would have refused: each call is
/// evaluated at its own instant against every earlier call to the same person, exactly as a
/// <see cref="ContactGate"/> would have evaluated it. One engine decides before and after the
/// fact, so an audit and a live check can never disagree.
/// </summary>
/// <remarks>
/// The log is read as a stream. Calls to one person should come in time order; a call older
/// than the person's latest is still placed correctly in their history, at the cost of a copy.
/// The auditor keeps every call's attempt in memory (a few dozen bytes each).
/// </remarks>
public sealed class CallLogAuditor
{
    private readonly Dictionary<string, Attempts> people = new Dictionary<string, Attempts>(StringComparer.Ordinal);

    /// <summary>Creates an auditor.</summary>
    /// <param name="policy">The rules the calls are held to.</param>
    public CallLogAuditor(ContactPolicy policy)
    {
        Policy = Preconditions.CheckNotNull(policy, nameof(policy));
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
        return new AuditedCall(call, decision);
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
