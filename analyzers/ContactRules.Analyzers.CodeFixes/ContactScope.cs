using System.Collections.Generic;
using System.Linq;
using ContactRules.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// What a generated check can use at a position: the <c>ContactGate</c>, the person a dial
/// contacts, and the consent already asked for them (a request, a decision, a reservation or a
/// permit), each tied to the person and channel it was made for. Only what is declared before the
/// position counts, so that a fix never reads a variable before it is assigned.
/// </summary>
internal static class ContactScope
{
    /// <summary>An expression naming a <c>ContactGate</c> usable at <paramref name="position"/>, or null.</summary>
    public static ExpressionSyntax? FindGate(SemanticModel model, int position)
        => Usable(model, position).FirstOrDefault(s => KnownNames.IsContactRulesType(TypeOf(s), KnownNames.ContactGate)) is { } gate
            ? SyntaxFactory.IdentifierName(gate.Name)
            : null;

    /// <summary>
    /// The variable, parameter, field or property a contact expression starts from:
    /// <c>customer</c> in <c>new PhoneNumber(customer.Phone)</c>.
    /// </summary>
    public static ISymbol? RootOf(SyntaxNode? expression, SemanticModel model)
    {
        if (expression is null)
        {
            return null;
        }

        foreach (var name in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is not ThisExpressionSyntax)
            {
                continue;
            }

            switch (model.GetSymbolInfo(name).Symbol)
            {
                case ILocalSymbol or IParameterSymbol:
                    return model.GetSymbolInfo(name).Symbol;
                case IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false }:
                    return model.GetSymbolInfo(name).Symbol;
            }
        }

        return null;
    }

    /// <summary>An expression of type <c>Contact</c> for <paramref name="root"/>: itself, or its <c>Contact</c> property.</summary>
    public static ExpressionSyntax? ContactOf(ISymbol root)
    {
        var type = TypeOf(root);
        if (KnownNames.IsContactRulesType(type, "Contact"))
        {
            return SyntaxFactory.IdentifierName(root.Name);
        }

        var property = type?.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && KnownNames.IsContactRulesType(p.Type, "Contact"));
        return property is null
            ? null
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(root.Name), SyntaxFactory.IdentifierName(property.Name));
    }

    /// <summary>The consent already asked for at <paramref name="position"/>: every request, decision, reservation and permit variable, with whom and on which channel it was for.</summary>
    public static IEnumerable<ConsentArtifact> Artifacts(SemanticModel model, int position)
    {
        foreach (var symbol in Usable(model, position).OfType<ILocalSymbol>())
        {
            var kind = KindOf(symbol.Type);
            if (kind is null)
            {
                continue;
            }

            var (root, channel) = Origin(symbol, model, 0);
            yield return new ConsentArtifact(kind.Value, symbol, root, channel);
        }
    }

    /// <summary>Whom and on which channel <paramref name="request"/> (a <c>ContactRequest</c> expression) asks for, as far as can be seen.</summary>
    public static (ISymbol? Root, DialChannel Channel) RequestFacts(ExpressionSyntax request, SemanticModel model, int depth)
    {
        request = Strip(request);
        if (request is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
            && KnownNames.IsContactRulesType(model.GetTypeInfo(request).Type, "ContactRequest"))
        {
            var channelArgument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "channel")
                ?? (arguments.Count > 1 && arguments[1].NameColon is null ? arguments[1] : null);
            var channel = channelArgument is null
                ? DialChannel.Voice
                : model.GetSymbolInfo(channelArgument.Expression).Symbol is IFieldSymbol { ContainingType.Name: "ContactChannel", Name: var member }
                    ? member switch { "Voice" => DialChannel.Voice, "Sms" => DialChannel.Sms, _ => DialChannel.Unknown }
                    : DialChannel.Unknown;
            var contact = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "contact") ?? arguments[0];
            return (RootOf(contact.Expression, model), channel);
        }

        if (request is IdentifierNameSyntax && model.GetSymbolInfo(request).Symbol is ILocalSymbol local && depth < 3)
        {
            return Origin(local, model, depth + 1);
        }

        return (null, DialChannel.Unknown);
    }

    private static (ISymbol? Root, DialChannel Channel) Origin(ILocalSymbol local, SemanticModel model, int depth)
    {
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        switch (declaration)
        {
            // var decision = gate.Check(request); var reservation = await gate.TryReserveAsync(request);
            case VariableDeclaratorSyntax { Initializer.Value: var value } when local.DeclaringSyntaxReferences.Length == 1:
                if (KnownNames.IsContactRulesType(local.Type, "ContactRequest"))
                {
                    return RequestFacts(value, model, depth);
                }

                return Strip(value) is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } check
                       && model.GetSymbolInfo(check).Symbol is IMethodSymbol { ContainingType: var gate }
                       && KnownNames.IsContactRulesType(gate, KnownNames.ContactGate)
                    ? RequestFacts(arguments[0].Expression, model, depth)
                    : (null, DialChannel.Unknown);

            // gate.TryReserve(request, out var permit)
            case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax reserve } } } }
                when reserve.ArgumentList.Arguments.Count > 0:
                return RequestFacts(reserve.ArgumentList.Arguments[0].Expression, model, depth);

            default:
                return (null, DialChannel.Unknown);
        }
    }

    private static ConsentArtifactKind? KindOf(ITypeSymbol type) => type switch
    {
        _ when KnownNames.IsContactRulesType(type, "ContactRequest") => ConsentArtifactKind.Request,
        _ when KnownNames.IsContactRulesType(type, KnownNames.ContactDecision) => ConsentArtifactKind.Decision,
        _ when KnownNames.IsContactRulesType(type, "ContactReservation") => ConsentArtifactKind.Reservation,
        _ when KnownNames.IsContactRulesType(type, KnownNames.ContactPermit) => ConsentArtifactKind.Permit,
        _ => null,
    };

    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } }:
                    expression = inner;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>
    /// Parameters, members reachable from the enclosing code (instance ones only outside static
    /// code), and locals whose declaration ends before <paramref name="position"/>.
    /// </summary>
    private static IEnumerable<ISymbol> Usable(SemanticModel model, int position)
    {
        var isStatic = model.GetEnclosingSymbol(position) is { IsStatic: true } enclosing && enclosing is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction };
        foreach (var symbol in model.LookupSymbols(position))
        {
            switch (symbol)
            {
                case ILocalSymbol local when local.DeclaringSyntaxReferences.All(r => r.Span.End <= position):
                case IParameterSymbol:
                    yield return symbol;
                    break;
                case IFieldSymbol or IPropertySymbol when symbol.IsStatic || !isStatic:
                    yield return symbol;
                    break;
            }
        }
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}

/// <summary>What kind of consent a variable holds.</summary>
internal enum ConsentArtifactKind
{
    /// <summary>A <c>ContactRequest</c>: nothing asked yet.</summary>
    Request,

    /// <summary>A <c>ContactDecision</c>.</summary>
    Decision,

    /// <summary>A <c>ContactReservation</c> from <c>TryReserveAsync</c>.</summary>
    Reservation,

    /// <summary>A <c>ContactPermit</c> from <c>TryReserve</c>.</summary>
    Permit,
}

/// <summary>A variable holding consent asked for <see cref="Root"/> on <see cref="Channel"/> (null root: cannot be seen).</summary>
internal sealed record ConsentArtifact(ConsentArtifactKind Kind, ILocalSymbol Variable, ISymbol? Root, DialChannel Channel)
{
    /// <summary>True when the artifact was made for <paramref name="root"/>.</summary>
    public bool IsFor(ISymbol root) => Root is not null && SymbolEqualityComparer.Default.Equals(Root, root);
}
