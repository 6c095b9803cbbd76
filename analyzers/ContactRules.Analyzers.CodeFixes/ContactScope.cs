using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>Finds, at a position, the ContactGate and the request a generated guard can use.</summary>
internal static class ContactScope
{
    /// <summary>An expression naming a <c>ContactGate</c> in scope (field, property, parameter or local), or null.</summary>
    public static ExpressionSyntax? FindGate(SemanticModel model, int position)
        => FindOfType(model, position, KnownNames.ContactGate) is { } gate ? SyntaxFactory.IdentifierName(gate.Name) : null;

    /// <summary>
    /// An expression of type <c>ContactRequest</c> for <paramref name="contact"/>: a request in
    /// scope, else <c>new ContactRequest(x.Contact)</c> for the contact's root variable when it
    /// has a <c>Contact</c>, else <c>new ContactRequest(contact)</c> for a <c>Contact</c> in scope.
    /// </summary>
    public static ExpressionSyntax? FindRequest(SemanticModel model, int position, ExpressionSyntax? contact)
    {
        if (FindOfType(model, position, "ContactRequest") is { } request)
        {
            return SyntaxFactory.IdentifierName(request.Name);
        }

        var root = contact?.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().FirstOrDefault();
        if (root is not null && model.GetSymbolInfo(root).Symbol is { } symbol && TypeOf(symbol) is { } type)
        {
            if (KnownNames.IsContactRulesType(type, "Contact"))
            {
                return NewRequest(SyntaxFactory.IdentifierName(root.Identifier.ValueText));
            }

            var property = type.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => KnownNames.IsContactRulesType(p.Type, "Contact"));
            if (property is not null)
            {
                return NewRequest(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(root.Identifier.ValueText), SyntaxFactory.IdentifierName(property.Name)));
            }
        }

        if (FindOfType(model, position, "Contact") is { } contactSymbol)
        {
            return NewRequest(SyntaxFactory.IdentifierName(contactSymbol.Name));
        }

        // No contact expression (a clock comparison): a parameter or local that carries a Contact.
        foreach (var candidate in model.LookupSymbols(position).Where(s => s is ILocalSymbol or IParameterSymbol))
        {
            var carried = TypeOf(candidate)?.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => KnownNames.IsContactRulesType(p.Type, "Contact"));
            if (carried is not null)
            {
                return NewRequest(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(candidate.Name), SyntaxFactory.IdentifierName(carried.Name)));
            }
        }

        return null;
    }

    private static ExpressionSyntax NewRequest(ExpressionSyntax contact)
        => SyntaxFactory.ObjectCreationExpression(SyntaxFactory.IdentifierName("ContactRequest"))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(contact))));

    private static ISymbol? FindOfType(SemanticModel model, int position, string typeName)
        => model.LookupSymbols(position)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
            .FirstOrDefault(s => KnownNames.IsContactRulesType(TypeOf(s), typeName));

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
