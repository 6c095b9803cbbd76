using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Cli.Audit;

/// <summary>A person of the call log: the contact id when the log gives one, else the number.</summary>
internal sealed class AuditPerson
{
    internal AuditPerson(string key, string label, ImmutableArray<DateTimeZone> zones)
    {
        Key = key;
        Label = label;
        Zone = zones.IsDefaultOrEmpty ? DateTimeZone.Utc : zones[0];
        HasZone = !zones.IsDefaultOrEmpty;
    }

    /// <summary>Who the calls are counted for.</summary>
    internal string Key { get; }

    /// <summary>How the report names the person: the contact id, or the masked number.</summary>
    internal string Label { get; }

    /// <summary>The zone the report shows local times in: the first candidate zone of the person's first row, else UTC.</summary>
    internal DateTimeZone Zone { get; }

    /// <summary>False when no zone was known on the person's first row (the report then shows UTC).</summary>
    internal bool HasZone { get; }

    /// <summary>The person's calls, in the order audited.</summary>
    internal List<AuditRow> Rows { get; } = new();

    /// <summary>How many of the person's calls broke a rule.</summary>
    internal int ViolatingCalls { get; set; }
}
