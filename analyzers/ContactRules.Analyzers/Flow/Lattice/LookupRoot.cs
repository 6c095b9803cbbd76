using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// A record with phone numbers of its own returned by a call given only ids and other plain values
/// (<c>await customers.FindAsync(e.CustomerId)</c>): a person of its own, not the values it was
/// looked up with. A check of the customer covers the customer and the numbers read from it, not
/// <c>e.Phone</c>; and a new one each time the call runs again.
/// </summary>
internal sealed class LookupRoot
{
    public LookupRoot(SyntaxNode site)
    {
        Site = site;
    }

    /// <summary>The call.</summary>
    public SyntaxNode Site { get; }

    public override bool Equals(object? obj) => obj is LookupRoot other && other.Site == Site;

    public override int GetHashCode() => Site.GetHashCode();

    public override string ToString() => "the result of '" + Text.Of(Site) + "'";
}
