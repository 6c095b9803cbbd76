using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ContactRules.Rules;

/// <summary>
/// Which contacts a rule applies to: channels, purposes, automated or live, and subdivisions.
/// Empty lists mean "all".
/// </summary>
public sealed class RuleScope
{
    private readonly int channelMask;
    private readonly int purposeMask;

    /// <summary>Creates a scope.</summary>
    /// <param name="channels">The channels covered; null or empty for all.</param>
    /// <param name="purposes">The purposes covered; null or empty for all.</param>
    /// <param name="automated">True for automated contacts only, false for live ones only, null for both.</param>
    /// <param name="regions">
    /// The ISO 3166-2 subdivisions covered (for example <c>FR-67</c>); null or empty for all. A
    /// rule with regions applies only to contacts whose region is one of them.
    /// </param>
    public RuleScope(
        IEnumerable<ContactChannel>? channels = null,
        IEnumerable<ContactPurpose>? purposes = null,
        bool? automated = null,
        IEnumerable<string>? regions = null)
    {
        Channels = channels?.Distinct().ToImmutableArray() ?? ImmutableArray<ContactChannel>.Empty;
        Purposes = purposes?.Distinct().ToImmutableArray() ?? ImmutableArray<ContactPurpose>.Empty;
        Automated = automated;
        Regions = regions?.Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray() ?? ImmutableArray<string>.Empty;
        channelMask = Channels.IsEmpty ? -1 : Channels.Aggregate(0, (mask, c) => mask | (1 << (int)c));
        purposeMask = Purposes.IsEmpty ? -1 : Purposes.Aggregate(0, (mask, p) => mask | (1 << (int)p));
    }

    /// <summary>Every contact.</summary>
    public static RuleScope All { get; } = new RuleScope();

    /// <summary>The channels covered; empty for all.</summary>
    public ImmutableArray<ContactChannel> Channels { get; }

    /// <summary>The purposes covered; empty for all.</summary>
    public ImmutableArray<ContactPurpose> Purposes { get; }

    /// <summary>True for automated contacts only, false for live ones only, null for both.</summary>
    public bool? Automated { get; }

    /// <summary>The subdivisions covered; empty for all.</summary>
    public ImmutableArray<string> Regions { get; }

    /// <summary>True when the scope covers the request.</summary>
    /// <param name="request">The contact to be made.</param>
    /// <returns>Whether the rule applies to it.</returns>
    public bool Covers(ContactRequest request)
        => Covers(request.Channel, request.Purpose, request.Automated) && CoversRegion(request.Contact.Region);

    internal bool Covers(ContactChannel channel, ContactPurpose purpose, bool automated)
        => (channelMask & (1 << (int)channel)) != 0
            && (purposeMask & (1 << (int)purpose)) != 0
            && (Automated is not { } a || a == automated);

    internal bool CoversRegion(string? region)
    {
        if (Regions.IsEmpty)
        {
            return true;
        }

        if (region is null)
        {
            return false;
        }

        foreach (var r in Regions)
        {
            if (string.Equals(r, region, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>
        {
            Channels.IsEmpty ? "every channel" : string.Join("/", Channels),
            Purposes.IsEmpty ? "every purpose" : string.Join("/", Purposes),
        };
        if (Automated is { } a)
        {
            parts.Add(a ? "automated only" : "live only");
        }

        if (!Regions.IsEmpty)
        {
            parts.Add("regions " + string.Join(", ", Regions));
        }

        return string.Join("; ", parts);
    }
}
