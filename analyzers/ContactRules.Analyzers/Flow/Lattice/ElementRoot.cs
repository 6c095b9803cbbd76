using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// The identity of an element taken out of a sequence (<c>customers.First()</c>, the current item
/// of a <c>foreach</c>, <c>list[i]</c>): a person of its own, not the sequence, and a new one each
/// time the taking runs again (a loop's next element). <see cref="Self"/> stands for "the element"
/// in what a sequence knows of each of its elements (a <c>Where</c> filter's checks).
/// </summary>
internal sealed class ElementRoot
{
    /// <summary>"The element" in a sequence's facts; replaced by the taking site's root when an element is taken.</summary>
    public static readonly ElementRoot Self = new(null);

    public ElementRoot(SyntaxNode? site)
    {
        Site = site;
    }

    /// <summary>Where the element is taken; null for <see cref="Self"/>.</summary>
    public SyntaxNode? Site { get; }

    public override bool Equals(object? obj) => obj is ElementRoot other && other.Site == Site;

    public override int GetHashCode() => Site?.GetHashCode() ?? 0;

    public override string ToString() => Site is null ? "the element" : "an element of '" + Text.Of(Site) + "'";
}
