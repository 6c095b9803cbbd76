using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Model;

/// <summary>What a member stands for besides itself: the members it overrides and the interface members it implements.</summary>
internal static class MemberBases
{
    /// <summary>The member itself, then its bases (see <see cref="Of"/>).</summary>
    public static IEnumerable<ISymbol> SelfAndBases(ISymbol member)
    {
        yield return member;
        foreach (var implemented in Of(member))
        {
            yield return implemented;
        }
    }

    /// <summary>The members <paramref name="member"/> overrides and the interface members it implements, as definitions.</summary>
    public static IEnumerable<ISymbol> Of(ISymbol member)
    {
        var overridden = Overridden(member);
        while (overridden is not null)
        {
            yield return overridden.OriginalDefinition;
            overridden = Overridden(overridden);
        }

        var type = member.ContainingType;
        if (type is null || type.TypeKind == TypeKind.Interface || member.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var interfaceMember in @interface.GetMembers(member.Name))
            {
                var implementation = type.FindImplementationForInterfaceMember(interfaceMember);
                if (implementation is not null && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, member.OriginalDefinition))
                {
                    yield return interfaceMember.OriginalDefinition;
                }
            }
        }

        if (member is IMethodSymbol method)
        {
            foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
            {
                yield return explicitImplementation.OriginalDefinition;
            }
        }
        else if (member is IPropertySymbol property)
        {
            foreach (var explicitImplementation in property.ExplicitInterfaceImplementations)
            {
                yield return explicitImplementation.OriginalDefinition;
            }
        }
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol m => m.OverriddenMethod,
        IPropertySymbol p => p.OverriddenProperty,
        _ => null,
    };
}
