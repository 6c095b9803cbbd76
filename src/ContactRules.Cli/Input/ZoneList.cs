using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

namespace ContactRules.Cli.Input;

/// <summary>
/// Reads a person's candidate zones from one CSV field: IANA ids separated by <c>;</c>
/// (<c>Europe/Paris;Indian/Reunion</c>). An empty field means unknown, so that the engine refuses
/// with <c>CORE-ZONE-01</c> unless the number gives the zones.
/// </summary>
/// <remarks>
/// Lists repeat the same few zone sets on millions of rows: each distinct text is resolved once
/// and kept, up to a bound, so that memory stays bounded when it is not.
/// </remarks>
internal sealed class ZoneList
{
    /// <summary>What a zone list looks like, for error messages.</summary>
    internal const string Expected = "IANA time zone ids separated by ';', such as 'Europe/Paris' or 'Europe/Paris;Indian/Reunion'";

    private const int MaxCached = 4096;

    private readonly Dictionary<string, ImmutableArray<DateTimeZone>> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<DateTimeZone>>.AlternateLookup<ReadOnlySpan<char>> lookup;

    internal ZoneList()
    {
        lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads the zones of <paramref name="text"/>.</summary>
    /// <param name="text">The field.</param>
    /// <param name="zones">The zones, empty when the field is empty.</param>
    /// <param name="problem">Which id is unknown, and what was expected.</param>
    /// <returns>False when an id is not a known zone.</returns>
    internal bool TryRead(ReadOnlySpan<char> text, out ImmutableArray<DateTimeZone> zones, out string? problem)
    {
        problem = null;
        if (lookup.TryGetValue(text, out zones))
        {
            return true;
        }

        var builder = ImmutableArray.CreateBuilder<DateTimeZone>();
        var rest = text;
        while (true)
        {
            var cut = rest.IndexOf(';');
            var id = (cut < 0 ? rest : rest.Slice(0, cut)).Trim();
            if (id.Length > 0)
            {
                var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.ToString());
                if (zone is null)
                {
                    zones = default;
                    problem = $"unknown time zone '{ValueText.Shorten(id.ToString())}'; expected {Expected}";
                    return false;
                }

                if (!builder.Contains(zone))
                {
                    builder.Add(zone);
                }
            }

            if (cut < 0)
            {
                break;
            }

            rest = rest.Slice(cut + 1);
        }

        zones = builder.ToImmutable();
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[text.ToString()] = zones;
        return true;
    }
}
