using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>
/// Whether a check's fact covers a contact: the same person, the same number (a check that names
/// no number covers the person's first-declared number, and a contact of the person as a whole),
/// and the same channel.
/// </summary>
internal static class Coverage
{
    public static bool SamePerson(Consent consent, Subject contact, PhoneNumberMembers numbers)
        => KeyComparer.Instance.Equals(consent.Root, contact.Root) && SameNumber(consent.Number, contact.Number, numbers);

    public static bool SameNumber(ISymbol? checkedNumber, ISymbol? dialedNumber, PhoneNumberMembers numbers)
        => dialedNumber is null
           || SymbolEqualityComparer.Default.Equals(checkedNumber, dialedNumber)
           || (checkedNumber is null && numbers.IsPrimary(dialedNumber));

    public static bool SameChannel(Consent consent, Channels dialChannel)
        => dialChannel == Channels.None || (consent.Channel & dialChannel) != 0;
}
