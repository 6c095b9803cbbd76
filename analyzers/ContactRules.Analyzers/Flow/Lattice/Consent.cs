using System;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Lattice;

/// <summary>
/// One fact of a successful check: this person (this number of theirs, when the check named one)
/// may be contacted by this channel. A check for every channel is two facts, so that paths meet
/// by plain intersection.
/// </summary>
internal sealed class Consent : IEquatable<Consent>
{
    public Consent(Subject subject, Channels channel)
    {
        Subject = subject;
        Channel = channel;
    }

    public Subject Subject { get; }

    /// <summary><see cref="Channels.Voice"/> or <see cref="Channels.Sms"/>, never both.</summary>
    public Channels Channel { get; }

    public object Root => Subject.Root;

    public ISymbol? Number => Subject.Number;

    public Consent WithRoot(object root) => new(Subject.WithRoot(root), Channel);

    public bool Equals(Consent? other) => other is not null && Subject.Equals(other.Subject) && Channel == other.Channel;

    public override bool Equals(object? obj) => obj is Consent other && Equals(other);

    public override int GetHashCode() => (Subject.GetHashCode() * 3) + (int)Channel;
}
