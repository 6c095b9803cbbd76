using NodaTime;

namespace ContactRules.Cli.Received.People;

/// <summary>The person has (or had) a contract with a caller.</summary>
/// <param name="Path">Where the fact is in the facts file.</param>
/// <param name="Caller">The caller, as named in the callers file.</param>
/// <param name="From">The contract's first day, if known (else: in progress before every call).</param>
/// <param name="Until">Its last day, if it ended.</param>
/// <param name="RelatedToCalls">True when the calls were about the contract's object (the same, an ancillary, a complementary or an upgraded service): the only case France's contract exemptions accept.</param>
internal sealed record ContractFact(string Path, string Caller, LocalDate? From, LocalDate? Until, bool RelatedToCalls)
{
    /// <summary>True when the contract was in progress on <paramref name="date"/>.</summary>
    internal bool InProgressOn(LocalDate date) => (From is not { } from || from <= date) && (Until is not { } until || date <= until);
}
