using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>How messages name the call that produced a decision or a permit: <c>TryReserve</c>.</summary>
internal static class CallNames
{
    public static string Of(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } => name.Identifier.ValueText,
        AwaitExpressionSyntax { Expression: { } awaited } => Of(awaited),
        _ => Text.Of(node),
    };
}
