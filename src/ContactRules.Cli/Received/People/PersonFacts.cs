using System.Collections.Generic;
using System.Linq;

namespace ContactRules.Cli.Received.People;

/// <summary>
/// What the person knows that the phone does not: their zone, their own number (only for the
/// complaint forms that ask for it), and the facts the law turns on — a registration, a contract,
/// a consent, a refusal. With no facts file the person gave no consent, has no contract, is on
/// no register and refused nothing.
/// </summary>
internal sealed class PersonFacts
{
    /// <summary>The person's IANA zone id, if the file gives it.</summary>
    internal string? Zone { get; set; }

    /// <summary>The ISO 3166-1 country national numbers are read in, if the file gives it.</summary>
    internal string? Country { get; set; }

    /// <summary>The ISO 3166-2 subdivision (FR-67, US-FL), for local rules.</summary>
    internal string? Region { get; set; }

    /// <summary>The person's own number, as written; only the complaint forms that ask for it show it.</summary>
    internal string? OwnNumber { get; set; }

    /// <summary>Answered calls this short or shorter (seconds) were silent: nobody spoke. Null when not said.</summary>
    internal int? SilentCallMaxSeconds { get; set; }

    internal List<RegistrationFact> Registrations { get; } = new();

    internal List<ContractFact> Contracts { get; } = new();

    internal List<ConsentFact> Consents { get; } = new();

    internal List<RefusalFact> Refusals { get; } = new();

    internal List<RelationshipFact> Relationships { get; } = new();

    /// <summary>Every caller name the facts refer to, with where.</summary>
    internal IEnumerable<(string Path, string Caller)> CallerReferences
        => Contracts.Select(c => (c.Path, c.Caller))
            .Concat(Consents.Select(c => (c.Path, c.Caller)))
            .Concat(Refusals.Select(r => (r.Path, r.Caller)))
            .Concat(Relationships.Select(r => (r.Path, r.Caller)));
}
