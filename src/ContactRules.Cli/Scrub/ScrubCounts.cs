namespace ContactRules.Cli.Scrub;

/// <summary>What a scrub did: rows allowed, refused and in error.</summary>
internal sealed class ScrubCounts
{
    internal long Allowed { get; set; }

    internal long Refused { get; set; }

    internal long InError { get; set; }

    /// <summary>Rows refused because the ledger could not be read for them (among <see cref="Refused"/>).</summary>
    internal long StoreFailures { get; set; }

    internal long Rows => Allowed + Refused + InError;
}
