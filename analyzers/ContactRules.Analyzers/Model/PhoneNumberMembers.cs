using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Model;

/// <summary>
/// The members that hold a phone number (<c>Phone</c>, <c>PhoneNumber</c>, <c>MobilePhone</c>,
/// <c>AlternatePhone</c>, <c>Landline</c>, <c>HomeTel</c>, <c>Telefon</c>, <c>Msisdn</c>): a check
/// made for one number of a person does not cover another, because do-not-call registries and
/// opt-outs are per number. A string member named otherwise is taken as the person, not as one of
/// their numbers (docs/rules/CR0003.md).
/// </summary>
internal sealed class PhoneNumberMembers
{
    private readonly ConcurrentDictionary<ISymbol, bool> isNumber = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<ISymbol>.Instance);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ISymbol?> primary = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<INamedTypeSymbol>.Instance);

    /// <summary>True for a string (or phone-number typed) field or property named like a phone number.</summary>
    public bool IsNumber(ISymbol member)
    {
        member = member.OriginalDefinition;
        if (!isNumber.TryGetValue(member, out var result))
        {
            result = isNumber.GetOrAdd(member, Compute(member));
        }

        return result;
    }

    /// <summary>
    /// True when <paramref name="number"/> is the first number its type declares: the one a check
    /// that names no number is taken to be about. A second number (<c>AlternatePhone</c>) needs a
    /// check of its own.
    /// </summary>
    public bool IsPrimary(ISymbol number)
    {
        var type = number.OriginalDefinition.ContainingType;
        if (type is null)
        {
            return true;
        }

        if (!primary.TryGetValue(type, out var first))
        {
            first = primary.GetOrAdd(type, FirstNumber(type));
        }

        return first is null || SymbolEqualityComparer.Default.Equals(first, number.OriginalDefinition);
    }

    private ISymbol? FirstNumber(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol && IsNumber(member))
            {
                return member;
            }
        }

        return null;
    }

    private static bool Compute(ISymbol member)
    {
        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type is null || (type.SpecialType != SpecialType.System_String && !NamesANumber(type.Name)))
        {
            return false;
        }

        foreach (var word in NameWords.Of(member.Name))
        {
            switch (word.ToUpperInvariant())
            {
                case "PHONE":
                case "TELEPHONE":
                case "TEL":
                case "TELEFON":
                case "TELEFONO":
                case "LANDLINE":
                case "MOBILE":
                case "MSISDN":
                case "GSM":
                case "CELL":
                    return true;
            }
        }

        return false;
    }

    private static bool NamesANumber(string typeName)
    {
        foreach (var word in NameWords.Of(typeName))
        {
            if (word == "Phone" || word == "Number")
            {
                return true;
            }
        }

        return false;
    }
}
