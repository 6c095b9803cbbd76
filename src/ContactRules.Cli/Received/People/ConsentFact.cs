namespace ContactRules.Cli.Received.People;

/// <summary>A consent the person gave a caller (none by default: the person is the one who knows).</summary>
/// <param name="Path">Where the fact is in the facts file.</param>
/// <param name="Caller">The caller it was given to.</param>
/// <param name="GrantedAt">When.</param>
/// <param name="ExpiresAt">When it lapses, if it has a term.</param>
/// <param name="RevokedAt">When the person withdrew it, if they did (a refusal withdraws it too).</param>
/// <param name="Channel">The channel it covers, or null for calls and messages.</param>
/// <param name="OutsideHours">A consent to be called outside the legal days and hours.</param>
/// <param name="Slot">The precise date and time the person agreed to be called at, <c>[from, to)</c>, if the consent names one.</param>
/// <param name="Basis">The person's own consent, or the ePrivacy soft opt-in (messages only).</param>
internal sealed record ConsentFact(string Path, string Caller, FactTime GrantedAt, FactTime? ExpiresAt, FactTime? RevokedAt, ContactChannel? Channel, bool OutsideHours, NodaTime.Interval? Slot, ConsentBasis Basis);
