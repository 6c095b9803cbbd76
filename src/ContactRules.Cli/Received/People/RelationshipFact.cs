using NodaTime;

namespace ContactRules.Cli.Received.People;

/// <summary>The person's last purchase from, or last inquiry to, a caller (the US established business relationship).</summary>
/// <param name="Path">Where the fact is in the facts file.</param>
/// <param name="Caller">The caller.</param>
/// <param name="LastPurchase">The date of the last purchase, if any.</param>
/// <param name="LastInquiry">The date of the last inquiry, if any.</param>
internal sealed record RelationshipFact(string Path, string Caller, LocalDate? LastPurchase, LocalDate? LastInquiry);
