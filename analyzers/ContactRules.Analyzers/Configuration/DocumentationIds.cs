using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Configuration;

/// <summary>Resolves documentation-comment ids to the methods and types they name.</summary>
internal static class DocumentationIds
{
    /// <summary>
    /// The symbols <paramref name="id"/> names in <paramref name="compilation"/>: the exact method
    /// for an id with a parameter list, every overload for a method id without one (a convention
    /// taken from roslyn-analyzers' symbol-name options), the type for a <c>T:</c> id.
    /// </summary>
    public static ImmutableArray<ISymbol> Resolve(string id, Compilation compilation)
    {
        if (id.StartsWith("T:", System.StringComparison.Ordinal))
        {
            return Filter(DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation), static s => s is INamedTypeSymbol);
        }

        if (id.IndexOf('(') >= 0)
        {
            return Filter(DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation), static s => s is IMethodSymbol);
        }

        var name = DialApiFile.NameOf(id);
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var memberName = name.Substring(dot + 1);
        var arity = memberName.IndexOf("``", System.StringComparison.Ordinal);
        if (arity >= 0)
        {
            memberName = memberName.Substring(0, arity);
        }

        memberName = memberName switch
        {
            "#ctor" => WellKnownMemberNames.InstanceConstructorName,
            "#cctor" => WellKnownMemberNames.StaticConstructorName,
            _ => memberName,
        };

        var result = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var type in DocumentationCommentId.GetSymbolsForDeclarationId("T:" + name.Substring(0, dot), compilation))
        {
            if (type is INamedTypeSymbol named)
            {
                foreach (var member in named.GetMembers(memberName))
                {
                    if (member is IMethodSymbol)
                    {
                        result.Add(member);
                    }
                }
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<ISymbol> Filter(ImmutableArray<ISymbol> symbols, System.Func<ISymbol, bool> keep)
    {
        var result = ImmutableArray.CreateBuilder<ISymbol>(symbols.Length);
        foreach (var symbol in symbols)
        {
            if (keep(symbol))
            {
                result.Add(symbol);
            }
        }

        return result.ToImmutable();
    }
}
