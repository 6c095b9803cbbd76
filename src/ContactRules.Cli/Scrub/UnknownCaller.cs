using System.Collections.Generic;

namespace ContactRules.Cli.Scrub;

/// <summary>
/// A caller of a scrubbed list that none of the ledger's attempts names, although some people of
/// its rows were called before: most likely a misspelt caller, under which every person reads as
/// never called by it.
/// </summary>
/// <param name="Caller">The caller, as the list writes it.</param>
/// <param name="People">Its rows' people who have attempts in the ledger.</param>
/// <param name="Attempts">Their attempts.</param>
/// <param name="Named">A few callers those attempts do name.</param>
internal sealed record UnknownCaller(string Caller, long People, long Attempts, IReadOnlyList<string> Named);
