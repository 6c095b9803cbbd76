using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContactRules.Analyzers.Model;

/// <summary>
/// From an interface or overridable member down to the members that implement or override it and
/// carry a ContactRules mark, so that a call through <c>IDialer.Dial</c> (an injected service) is a
/// dial when its implementation is <c>[DialApi]</c> or named in <c>ContactRules.DialApis.txt</c>.
/// </summary>
/// <remarks>
/// Built once per compilation, on the first call to an interface, abstract or virtual member:
/// one pass over the members of the compilation's own types (whose attributes the compiler has
/// bound anyway) and over the configured members. Implementations in other assemblies are not
/// seen; their interface members need the mark themselves.
/// </remarks>
internal sealed class ImplementationIndex
{
    private readonly Dictionary<ISymbol, ImmutableArray<ISymbol>> implementations;

    private ImplementationIndex(Dictionary<ISymbol, ImmutableArray<ISymbol>> implementations)
    {
        this.implementations = implementations;
    }

    /// <summary>True when an interface or overridable member may have implementations worth looking at.</summary>
    public static bool MayBeImplemented(ISymbol member)
        => member.ContainingType?.TypeKind == TypeKind.Interface || member.IsAbstract || member.IsVirtual || member.IsOverride;

    /// <summary>The marked members that implement or override <paramref name="member"/>.</summary>
    public ImmutableArray<ISymbol> Of(ISymbol member)
        => implementations.TryGetValue(member.OriginalDefinition, out var found) ? found : ImmutableArray<ISymbol>.Empty;

    /// <summary>
    /// Indexes every member of the compilation's types for which <paramref name="isMarked"/> holds,
    /// and every member of <paramref name="configured"/>, under the members they implement.
    /// </summary>
    public static ImplementationIndex Build(Compilation compilation, Func<ISymbol, bool> isMarked, IEnumerable<ISymbol> configured, System.Threading.CancellationToken cancellationToken)
    {
        var builder = new Dictionary<ISymbol, ImmutableArray<ISymbol>.Builder>(SymbolEqualityComparer.Default);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(compilation.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var container = types.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    types.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)container;
            foreach (var nested in type.GetTypeMembers())
            {
                types.Push(nested);
            }

            if (type.TypeKind == TypeKind.Interface || (type.AllInterfaces.IsEmpty && type.BaseType is null or { SpecialType: SpecialType.System_Object }))
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol or IPropertySymbol && !member.IsStatic && isMarked(member))
                {
                    Add(builder, member);
                }
            }
        }

        foreach (var member in configured)
        {
            if (!member.IsStatic && member.ContainingType?.TypeKind != TypeKind.Interface)
            {
                Add(builder, member);
            }
        }

        var index = new Dictionary<ISymbol, ImmutableArray<ISymbol>>(builder.Count, SymbolEqualityComparer.Default);
        foreach (var entry in builder)
        {
            index[entry.Key] = entry.Value.ToImmutable();
        }

        return new ImplementationIndex(index);
    }

    private static void Add(Dictionary<ISymbol, ImmutableArray<ISymbol>.Builder> builder, ISymbol implementation)
    {
        foreach (var implemented in MemberBases.Of(implementation))
        {
            if (!builder.TryGetValue(implemented, out var list))
            {
                list = builder[implemented] = ImmutableArray.CreateBuilder<ISymbol>();
            }

            list.Add(implementation.OriginalDefinition);
        }
    }
}
