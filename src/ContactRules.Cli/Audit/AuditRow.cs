using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Cli.Audit;

/// <summary>One call of the log, as read from its row, and after the audit its decision.</summary>
internal sealed class AuditRow
{
    internal AuditRow(long line, Instant at, AuditPerson person, string number, ImmutableArray<DateTimeZone> zones, AttemptOutcome outcome)
    {
        Line = line;
        At = at;
        Person = person;
        Number = number;
        Zones = zones;
        Outcome = outcome;
    }

    /// <summary>The line of the log the row starts on.</summary>
    internal long Line { get; }

    /// <summary>When the call was placed.</summary>
    internal Instant At { get; }

    /// <summary>The person called.</summary>
    internal AuditPerson Person { get; }

    /// <summary>The number called, E.164.</summary>
    internal string Number { get; }

    /// <summary>The person's candidate zones on this row.</summary>
    internal ImmutableArray<DateTimeZone> Zones { get; }

    /// <summary>How the call ended.</summary>
    internal AttemptOutcome Outcome { get; }

    internal ContactChannel Channel { get; init; }

    internal ContactPurpose Purpose { get; init; }

    internal string? Region { get; init; }

    /// <summary>The professional on whose behalf the call was made.</summary>
    internal string? Caller { get; init; }

    /// <summary>The firm that placed the call for the caller.</summary>
    internal string? Subcontractor { get; init; }

    internal string? Campaign { get; init; }

    internal string? Subject { get; init; }

    /// <summary>The person's consents from the consents file (<c>--consents</c>) and the ledger (<c>--ledger</c>), for this call's caller to rely on.</summary>
    internal ImmutableArray<ConsentRecord> Consents { get; set; } = ImmutableArray<ConsentRecord>.Empty;

    /// <summary>The person's opt-outs and objections from the ledger (<c>--ledger</c>).</summary>
    internal ImmutableArray<OptOut> OptOuts { get; set; } = ImmutableArray<OptOut>.Empty;

    /// <summary>The decision at the call's instant, given the calls before it; set by the audit, null until then.</summary>
    internal ContactDecision? Decision { get; set; }

    /// <summary>True when the audit found that the call should not have been made.</summary>
    internal bool IsViolation => Decision is { IsAllowed: false };

    /// <summary>The campaign-level breaches that name this call (an abandoned call above the campaign's rate).</summary>
    internal List<CampaignFinding> CampaignFindings { get; } = new();

    /// <summary>True when the call broke a rule of its own or is named by a campaign-level breach.</summary>
    internal bool IsListed => IsViolation || CampaignFindings.Count > 0;

    /// <summary>The call as the auditor reads it.</summary>
    internal Auditing.LoggedCall ToLoggedCall()
    {
        var contact = new Contact(Person.Key) { PhoneNumber = Number, TimeZones = Zones, Region = Region };
        var request = new ContactRequest(contact, Channel, Purpose) { Caller = Caller, Subject = Subject, Campaign = Campaign };
        if (!Consents.IsEmpty || !OptOuts.IsEmpty)
        {
            request = request.WithFacts(Consents, OptOuts);
        }

        return new Auditing.LoggedCall(request, At, Outcome);
    }
}
