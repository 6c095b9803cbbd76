using System.Diagnostics.CodeAnalysis;
using ContactRules.Internal;

namespace ContactRules;

/// <summary>
/// What <see cref="ContactGate.TryReserveAsync"/> returns: the decision, and the permit to dial
/// when the contact was allowed and reserved.
/// </summary>
public sealed class ContactReservation
{
    internal ContactReservation(ContactDecision decision, ContactPermit? permit)
    {
        Decision = Preconditions.CheckNotNull(decision, nameof(decision));
        Permit = permit;
    }

    /// <summary>The decision, with its reasons when refused.</summary>
    public ContactDecision Decision { get; }

    /// <summary>The permit to dial, when allowed and reserved; complete it with the outcome.</summary>
    public ContactPermit? Permit { get; }

    /// <summary>True when the contact was allowed and reserved: <see cref="Permit"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Permit))]
    public bool IsReserved => Permit is not null;

    /// <inheritdoc />
    public override string ToString() => Permit is { } permit ? permit.ToString() : Decision.ToString();
}
