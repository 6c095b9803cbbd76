namespace ContactRules.Cli.Received.People;

/// <summary>The person's number is on a national opposition register (Bloctel, US DNC, TPS, ...).</summary>
/// <param name="Path">Where the fact is in the facts file, for messages.</param>
/// <param name="Registry">The register.</param>
/// <param name="RegisteredAt">When the person registered (the receipt's date).</param>
/// <param name="EffectiveAt">When the register says the registration took effect, if it says so; else the law's delay applies.</param>
internal sealed record RegistrationFact(string Path, ContactRegistry Registry, FactTime RegisteredAt, FactTime? EffectiveAt);
