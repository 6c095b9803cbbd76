using System.Collections.Generic;
using System.Linq;
using ContactRules.Cli.Received.Exports;
using ContactRules.Cli.Received.People;
using NodaTime;

namespace ContactRules.Cli.Received.Judging;

/// <summary>What <c>contactrules received</c> found: the files read, every incoming call and message, the callers, the breaches.</summary>
internal sealed class ReceivedResult
{
    internal ReceivedResult(ContactPolicy policy, DateTimeZone zone, PersonFacts facts, CallingNumber? ownNumber, IReadOnlyList<ExportReading> readings)
    {
        Policy = policy;
        Zone = zone;
        Facts = facts;
        OwnNumber = ownNumber;
        Readings = readings;
    }

    internal ContactPolicy Policy { get; }

    /// <summary>The person's zone: every date and time is shown in it.</summary>
    internal DateTimeZone Zone { get; }

    internal PersonFacts Facts { get; }

    /// <summary>The person's own number, when given; only complaint forms that ask for it show it.</summary>
    internal CallingNumber? OwnNumber { get; }

    internal IReadOnlyList<ExportReading> Readings { get; }

    /// <summary>Every incoming call and message, in time order.</summary>
    internal List<ReceivedCall> Incoming { get; } = new();

    /// <summary>The judged callers: most breaches first, then most calls, then by name.</summary>
    internal List<Caller> Callers { get; } = new();

    /// <summary>Numbers that called or texted and were not judged (not marked as selling).</summary>
    internal List<OtherNumber> OtherNumbers { get; } = new();

    /// <summary>Every part of an export that could not be read.</summary>
    internal IEnumerable<ExportProblem> Problems => Readings.SelectMany(r => r.Problems);

    internal IEnumerable<ReceivedCall> Judged => Incoming.Where(c => c.NotJudged is null);

    internal IEnumerable<ReceivedCall> Breaches => Incoming.Where(c => c.IsBreach);

    internal int Count(NotJudgedReason reason) => Incoming.Count(c => c.NotJudged == reason);

    /// <summary>The local date of <paramref name="at"/> in the person's zone.</summary>
    internal LocalDate DateOf(Instant at) => at.InZone(Zone).Date;
}
