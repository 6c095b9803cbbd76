using System.Collections.Immutable;

namespace ContactRules.Storage;

/// <summary>
/// What a ledger knows about a person at the moment it is read: their consents (revoked
/// ones included, with their revocation instant), their opt-outs and objections, and the
/// registry entries of their number. A snapshot: it never changes once read.
/// </summary>
public sealed class ContactFacts
{
    /// <summary>Creates a snapshot of facts.</summary>
    /// <param name="consents">The person's consents, revoked and expired ones included.</param>
    /// <param name="optOuts">The person's opt-outs, objections and the registry entries of their number.</param>
    public ContactFacts(ImmutableArray<ConsentRecord> consents, ImmutableArray<OptOut> optOuts)
    {
        Consents = consents.IsDefault ? ImmutableArray<ConsentRecord>.Empty : consents;
        OptOuts = optOuts.IsDefault ? ImmutableArray<OptOut>.Empty : optOuts;
    }

    /// <summary>No fact at all: a person the store has never heard of.</summary>
    public static ContactFacts None { get; } = new ContactFacts(ImmutableArray<ConsentRecord>.Empty, ImmutableArray<OptOut>.Empty);

    /// <summary>The person's consents, revoked and expired ones included (rules judge their validity at the contact's instant).</summary>
    public ImmutableArray<ConsentRecord> Consents { get; }

    /// <summary>The person's opt-outs and objections, and the registry entries of their number.</summary>
    public ImmutableArray<OptOut> OptOuts { get; }

    /// <summary>True when there is no fact at all.</summary>
    public bool IsEmpty => Consents.IsEmpty && OptOuts.IsEmpty;

    /// <inheritdoc />
    public override string ToString() => $"{Consents.Length} consents, {OptOuts.Length} opt-outs";
}
