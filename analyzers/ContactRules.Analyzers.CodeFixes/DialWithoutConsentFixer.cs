using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// CR0001: wrap the dialing statement in <c>if (gate.Check(request).IsAllowed) { ... }</c>, or
/// move the obligation to the callers with <c>[RequiresConsent]</c> on the enclosing method.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DialWithoutConsentFixer))]
[Shared]
public sealed class DialWithoutConsentFixer : ContactRulesCodeFixProvider
{
    /// <summary>Creates the fix.</summary>
    public DialWithoutConsentFixer()
        : base(DiagnosticIds.DialWithoutConsent)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        var call = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionSyntax>(e => e is InvocationExpressionSyntax or ObjectCreationExpressionSyntax);
        if (call is null)
        {
            return;
        }

        if (call.FirstAncestorOrSelf<StatementSyntax>() is ExpressionStatementSyntax statement
            && statement.Parent is BlockSyntax
            && ContactScope.FindGate(model, statement.SpanStart) is { } gate
            && ContactScope.FindRequest(model, statement.SpanStart, ContactArgument(call)) is { } request)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Dial only when ContactGate.Check allows it",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, Guard(statement, gate, request)))),
                    equivalenceKey: "GuardWithCheck"),
                diagnostic);
        }

        if (call.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark the method [RequiresConsent]: its callers check",
                    cancellationToken => Task.FromResult(context.Document.WithSyntaxRoot(AddRequiresConsent(root, method, cancellationToken))),
                    equivalenceKey: "RequiresConsent"),
                diagnostic);
        }
    }

    private static ExpressionSyntax? ContactArgument(ExpressionSyntax call)
    {
        var arguments = call switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            ObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments ?? default,
            _ => default,
        };
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText is "to" or "phone" or "number" or "contact" or "customer");
        return (named ?? arguments.FirstOrDefault())?.Expression;
    }

    private static IfStatementSyntax Guard(ExpressionStatementSyntax statement, ExpressionSyntax gate, ExpressionSyntax request)
    {
        var check = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, gate, SyntaxFactory.IdentifierName("Check")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(request)))),
            SyntaxFactory.IdentifierName(KnownNames.IsAllowed));
        return SyntaxFactory.IfStatement(check, SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static SyntaxNode AddRequiresConsent(SyntaxNode root, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("RequiresConsent"))));
        var marked = method.WithAttributeLists(method.AttributeLists.Add(attribute.WithAdditionalAnnotations(Formatter.Annotation)))
            .WithLeadingTrivia(method.GetLeadingTrivia());
        if (method.AttributeLists.Count == 0)
        {
            marked = method.WithoutLeadingTrivia()
                .WithAttributeLists(SyntaxFactory.SingletonList(attribute.WithLeadingTrivia(method.GetLeadingTrivia())))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        var newRoot = root.ReplaceNode(method, marked);
        return newRoot is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == KnownNames.Namespace)
            ? unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(KnownNames.Namespace)).WithAdditionalAnnotations(Formatter.Annotation))
            : newRoot;
    }
}
