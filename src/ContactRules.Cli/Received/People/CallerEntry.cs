using System.Collections.Generic;

namespace ContactRules.Cli.Received.People;

/// <summary>
/// A caller as the person names it in the callers file: a company, its numbers (a professional's
/// subcontractors call from numbers of their own, and the law counts them together), whether it
/// was selling, whether its calls were recorded voices, and its sector.
/// </summary>
internal sealed class CallerEntry
{
    internal CallerEntry(string name)
    {
        Name = name;
    }

    /// <summary>The name the person gives the caller; the professional on whose behalf it calls.</summary>
    internal string Name { get; }

    /// <summary>True when the calls were canvassing (selling, retaining, promoting): only those are judged.</summary>
    internal bool Selling { get; set; } = true;

    /// <summary>True when the calls were a recorded or artificial voice (an automated system, no live agent).</summary>
    internal bool Recorded { get; set; }

    /// <summary>The caller's sector, as the Bloctel form asks for it; the FR-SECT-01 codes (energy-renovation, ...) are judged as such.</summary>
    internal string? Sector { get; set; }

    /// <summary>The numbers the file gives it.</summary>
    internal List<CallingNumber> Numbers { get; } = new();
}
