using System.Collections.Generic;
using System.Linq;
using ContactRules.Cli.Received.People;

namespace ContactRules.Cli.Received.Judging;

/// <summary>
/// A professional that called or texted the person, as judged: the company named in the callers
/// file (all its numbers together), or a number of France's canvassing ranges left unnamed.
/// </summary>
internal sealed class Caller
{
    internal Caller(string name, CallerEntry? entry)
    {
        Name = name;
        Entry = entry;
    }

    /// <summary>The name: the company's, or the number's when the person named none.</summary>
    internal string Name { get; }

    /// <summary>The callers file's entry, or null for a number flagged by its range alone.</summary>
    internal CallerEntry? Entry { get; }

    /// <summary>True when a number of the caller is in France's canvassing ranges.</summary>
    internal bool InCanvassingRange { get; set; }

    /// <summary>Recorded voice (automated calls), as the person marked it.</summary>
    internal bool Recorded => Entry?.Recorded ?? false;

    internal string? Sector => Entry?.Sector;

    /// <summary>The numbers it used, as seen in the exports, in the order first seen.</summary>
    internal List<CallingNumber> Numbers { get; } = new();

    /// <summary>Its incoming calls and messages, in time order.</summary>
    internal List<ReceivedCall> Calls { get; } = new();

    internal int Breaches => Calls.Count(c => c.IsBreach);

    /// <summary>The contact id its calls are recorded under: one history per caller, as the caller's own gate would have held.</summary>
    internal string HistoryId => "caller:" + Name;
}
