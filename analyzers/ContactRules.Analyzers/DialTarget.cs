using System.Collections.Immutable;
using ContactRules.Analyzers.Configuration;
using ContactRules.Analyzers.Model;

namespace ContactRules.Analyzers;

/// <summary>What the analyzers know about one member that contacts someone.</summary>
/// <param name="ContactOrdinals">
/// The ordinals of the parameters that identify who is contacted; empty when any argument may
/// (and the receiver, when there is no argument).
/// </param>
/// <param name="PermitOrdinal">The ordinal of a <c>ContactPermit</c> parameter, or -1: a permit is proof by its type.</param>
/// <param name="Message">A note from the configuration, appended to the diagnostic.</param>
/// <param name="Requirement">When set, the form a call must have to contact anyone (see <see cref="ContactRequirement"/>).</param>
/// <param name="Channel">How it contacts: a call, a text message, or not known (<see cref="Channels.None"/>).</param>
internal sealed record DialTarget(ImmutableArray<int> ContactOrdinals, int PermitOrdinal, string? Message, ContactRequirement? Requirement, Channels Channel)
{
    /// <summary>Marks "not a dial API" in caches.</summary>
    public static readonly DialTarget None = new(ImmutableArray<int>.Empty, -1, null, null, Channels.None);
}
