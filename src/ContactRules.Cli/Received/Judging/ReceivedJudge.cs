using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Auditing;
using ContactRules.Cli.Received.Exports;
using ContactRules.Cli.Received.People;
using NodaTime;

namespace ContactRules.Cli.Received.Judging;

/// <summary>
/// Judges the calls a person received with the engine that judges a caller's calls: each
/// incoming call or message of a caller marked as selling becomes the <see cref="LoggedCall"/>
/// the caller would have logged, and <see cref="CallLogAuditor"/> decides it at its own instant,
/// in the person's zone, against the same caller's earlier calls, with the person's facts.
/// </summary>
/// <remarks>
/// <para>
/// One history per caller, because the person's phone holds every caller's calls while each
/// caller's gate holds only its own (its subcontractors' included): a rule is broken by the caller
/// whose own calls break it. All the numbers the callers file gives one company are one caller.
/// </para>
/// <para>
/// How a call ended on the phone becomes the attempt's outcome: answered (or answered elsewhere)
/// is a conversation — a silent call when no longer than the person's silent-call limit, which
/// the UK treats as abandoned — missed or declined is no answer, voicemail is voicemail, blocked
/// by the phone did not connect; a call during which the person refused is a refusal. A message
/// is an attempt that nobody answered.
/// </para>
/// </remarks>
internal static class ReceivedJudge
{
    /// <summary>How long before a refusal the call it was said in may have started.</summary>
    internal static readonly Duration RefusalCallSearch = Duration.FromHours(2);

    internal static ReceivedResult Judge(ReceivedResult result, CallerMap map, NumberReader numbers, List<ExportProblem> factProblems, string factsFile)
    {
        var callers = new Dictionary<string, Caller>(StringComparer.Ordinal);
        var others = new Dictionary<string, OtherNumber>(StringComparer.Ordinal);
        var events = result.Readings.SelectMany(r => r.Events.Select(e => (Reading: r, Event: e)))
            .Where(x => x.Event.Incoming)
            .OrderBy(x => x.Event.At).ThenBy(x => Index(result.Readings, x.Reading)).ThenBy(x => x.Event.Order)
            .Select(x => x.Event);
        foreach (var received in events)
        {
            var call = new ReceivedCall(received);
            result.Incoming.Add(call);
            Attribute(call, map, numbers, callers, others);
        }

        var facts = result.Facts;
        foreach (var (path, name) in facts.CallerReferences)
        {
            if (!callers.ContainsKey(name) && map.Named(name) is null)
            {
                var known = callers.Keys.Concat(map.Callers.Select(c => c.Name)).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
                factProblems.Add(new ExportProblem(factsFile, path + ".caller", $"'{name}' is not a caller of the callers file nor a canvassing number of the exports; expected one of: {(known.Count == 0 ? "(none)" : string.Join(", ", known.Select(k => $"'{k}'")))}"));
            }
        }

        MarkRefusals(result, callers, factProblems, factsFile);
        foreach (var call in result.Judged)
        {
            call.Outcome = Outcome(call, facts.SilentCallMaxSeconds);
        }

        var auditor = new CallLogAuditor(result.Policy);
        foreach (var call in result.Judged)
        {
            call.Decision = auditor.Audit(ToLoggedCall(call, result)).Decision;
        }

        result.Callers.AddRange(callers.Values
            .OrderByDescending(c => c.Breaches).ThenByDescending(c => c.Calls.Count).ThenBy(c => c.Name, StringComparer.Ordinal));
        result.OtherNumbers.AddRange(others.Values
            .OrderByDescending(o => o.Calls + o.Messages).ThenBy(o => o.Number.Display, StringComparer.Ordinal));
        return result;
    }

    private static int Index(IReadOnlyList<ExportReading> readings, ExportReading reading)
    {
        for (var i = 0; i < readings.Count; i++)
        {
            if (ReferenceEquals(readings[i], reading))
            {
                return i;
            }
        }

        return readings.Count;
    }

    private static void Attribute(ReceivedCall call, CallerMap map, NumberReader numbers, Dictionary<string, Caller> callers, Dictionary<string, OtherNumber> others)
    {
        var received = call.Event;
        if (received.RawNumber is not { } raw || raw.Trim().Length == 0)
        {
            call.NotJudged = received.Withheld ? NotJudgedReason.HiddenNumber : NotJudgedReason.NoNumber;
            return;
        }

        if (NumberReader.IsHiddenMarker(raw) || (received.Withheld && raw.Trim().StartsWith('-')))
        {
            call.NotJudged = NotJudgedReason.HiddenNumber;
            return;
        }

        var number = numbers.Read(raw);
        call.Number = number;
        var entry = map.Find(number);
        var inRange = number.IsE164 && CanvassingRanges.Contains(number.Display);
        if ((entry is null && !inRange) || entry is { Selling: false })
        {
            call.NotJudged = NotJudgedReason.NotSelling;
            if (!others.TryGetValue(number.Key, out var other))
            {
                other = new OtherNumber(number) { NamedAs = entry?.Name };
                others.Add(number.Key, other);
            }

            if (call.IsCall)
            {
                other.Calls++;
            }
            else
            {
                other.Messages++;
            }

            other.KnownContact |= received.KnownContact;
            return;
        }

        var name = entry?.Name ?? number.Display;
        if (!callers.TryGetValue(name, out var caller))
        {
            caller = new Caller(name, entry);
            callers.Add(name, caller);
        }

        caller.InCanvassingRange |= inRange;
        if (!caller.Numbers.Contains(number))
        {
            caller.Numbers.Add(number);
        }

        caller.Calls.Add(call);
        call.Caller = caller;
    }

    /// <summary>
    /// A refusal during a call makes that call a refusal in the caller's history: the caller's
    /// latest call that started at or before the refusal and at most two hours before it.
    /// </summary>
    private static void MarkRefusals(ReceivedResult result, Dictionary<string, Caller> callers, List<ExportProblem> problems, string factsFile)
    {
        foreach (var refusal in result.Facts.Refusals.Where(r => r.DuringCall))
        {
            if (!callers.TryGetValue(refusal.Caller, out var caller))
            {
                continue;
            }

            var at = refusal.At.In(result.Zone);
            var call = caller.Calls.Where(c => c.IsCall && c.Event.At <= at && at - c.Event.At <= RefusalCallSearch).LastOrDefault();
            if (call is null)
            {
                problems.Add(new ExportProblem(factsFile, refusal.Path + ".at", $"no call from '{refusal.Caller}' started in the two hours up to {refusal.At.Text}; expected the time of the call during which you refused (or \"how\": \"in-writing\" for a refusal made otherwise)"));
                continue;
            }

            call.Refusal = true;
        }
    }

    private static AttemptOutcome Outcome(ReceivedCall call, int? silentMaxSeconds)
    {
        if (!call.IsCall)
        {
            return AttemptOutcome.NoAnswer;
        }

        if (call.Refusal)
        {
            return AttemptOutcome.Refused;
        }

        switch (call.Event.Answer)
        {
            case CallAnswer.Answered or CallAnswer.AnsweredElsewhere:
                if (call.Event.Answer == CallAnswer.Answered && silentMaxSeconds is { } limit && call.Event.DurationSeconds is { } seconds && seconds <= limit)
                {
                    call.Silent = true;
                    return AttemptOutcome.Abandoned;
                }

                return AttemptOutcome.Conversation;
            case CallAnswer.Voicemail:
                return AttemptOutcome.Voicemail;
            case CallAnswer.Blocked:
                return AttemptOutcome.NotConnected;
            default:
                return AttemptOutcome.NoAnswer;
        }
    }

    /// <summary>The call as the caller would have logged it, with the person's facts about that caller.</summary>
    private static LoggedCall ToLoggedCall(ReceivedCall call, ReceivedResult result)
    {
        var caller = call.Caller!;
        var facts = result.Facts;
        var zone = result.Zone;
        var at = call.Event.At;
        var date = at.InZone(zone).Date;
        var contract = facts.Contracts.Where(c => c.Caller == caller.Name && c.InProgressOn(date)).ToList();
        var relationship = facts.Relationships.LastOrDefault(r => r.Caller == caller.Name);
        var contact = new Contact(caller.HistoryId)
        {
            PhoneNumber = result.OwnNumber is { IsE164: true } own ? own.Display : null,
            TimeZones = ImmutableArray.Create(zone),
            Region = facts.Region,
            Contract = contract.Count == 0 ? null : new ContractStatus(Active: true, RelatedToPurpose: contract.Any(c => c.RelatedToCalls)),
            LastPurchase = relationship?.LastPurchase,
            LastInquiry = relationship?.LastInquiry,
        };

        var writtenRefusals = facts.Refusals.Where(r => r.Caller == caller.Name && !r.DuringCall).Select(r => r.At.In(zone)).ToList();
        var consents = facts.Consents.Where(c => c.Caller == caller.Name).Select(c =>
        {
            // A refusal in writing withdraws the consent (R223-3: at any time, by any means); a
            // refusal during a call is the call's outcome, and the engine reads it.
            Instant? revoked = c.RevokedAt?.In(zone);
            foreach (var refusal in writtenRefusals.Where(r => r >= c.GrantedAt.In(zone)))
            {
                revoked = revoked is { } r0 && r0 < refusal ? r0 : refusal;
            }

            return new ConsentRecord(c.GrantedAt.In(zone))
            {
                Entity = caller.Name,
                Channel = c.Channel,
                Purpose = ContactPurpose.Marketing,
                ExpiresAt = c.ExpiresAt?.In(zone),
                RevokedAt = revoked,
                OutsideHours = c.OutsideHours,
                Slot = c.Slot,
                Basis = c.Basis,
            };
        });

        var optOuts = facts.Registrations.Select(r => new OptOut(OptOutKind.Registry, r.RegisteredAt.In(zone)) { Registry = r.Registry, EffectiveAt = r.EffectiveAt?.In(zone) })
            .Concat(facts.Refusals.Where(r => r.Caller == caller.Name).Select(r => new OptOut(OptOutKind.Company, r.At.In(zone)) { Entity = caller.Name }))
            .Concat(facts.Refusals.Where(r => r.Caller == caller.Name && r.Objection).Select(r => new OptOut(OptOutKind.Objection, r.At.In(zone)) { Entity = caller.Name }));

        var request = new ContactRequest(contact, call.IsCall ? ContactChannel.Voice : ContactChannel.Sms, ContactPurpose.Marketing)
        {
            Caller = caller.Name,
            Automated = caller.Recorded,
            Subject = caller.Sector,
            Consents = consents.ToImmutableArray(),
            OptOuts = optOuts.ToImmutableArray(),
        };
        return new LoggedCall(request, at, call.Outcome);
    }
}
