using System.Collections.Generic;
using System.Collections.Immutable;
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
/// CR0001: dial only when the consent for that person and channel allows it (see
/// <see cref="ConsentGuard"/>), or move the obligation to the callers with <c>[RequiresConsent]</c>
/// where every caller can still be checked (see <see cref="RequiresConsentEligibility"/>). A fix
/// that would not compile as well as the code it replaces is not offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DialWithoutConsentFixer))]
[Shared]
public sealed class DialWithoutConsentFixer : ContactRulesCodeFixProvider
{
    /// <summary>The equivalence key of the guard fix.</summary>
    public const string GuardKey = "GuardWithConsent";

    /// <summary>The equivalence key of the <c>[RequiresConsent]</c> fix.</summary>
    public const string RequiresConsentKey = "RequiresConsent";

    /// <summary>Creates the fix.</summary>
    public DialWithoutConsentFixer()
        : base(DiagnosticIds.DialWithoutConsent)
    {
    }

    private protected override async Task RegisterFixesAsync(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (Dial(root, diagnostic) is not { } call)
        {
            return;
        }

        if (ConsentGuard.Plan(model, call) is { } guard)
        {
            var guarded = WithContactRulesUsing(ConsentGuard.Apply(root, new[] { guard }), model, call.SpanStart, "ContactRequest");
            if (await CompilesAsWellAsync(context.Document, guarded, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title(guard), _ => Task.FromResult(context.Document.WithSyntaxRoot(guarded)), GuardKey),
                    diagnostic);
            }
        }

        if (await DelegatingMethodAsync(context.Document, model, call, context.CancellationToken).ConfigureAwait(false) is { } method)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark the method [RequiresConsent]: every caller checks",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(AddRequiresConsent(root, model, new[] { method }))),
                    RequiresConsentKey),
                diagnostic);
        }
    }

    private protected override async Task<Document> FixAllAsync(Document document, SyntaxNode root, SemanticModel model, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var calls = diagnostics.Select(d => Dial(root, d)).OfType<ExpressionSyntax>().ToArray();
        if (equivalenceKey == RequiresConsentKey)
        {
            var methods = new List<MethodDeclarationSyntax>();
            foreach (var call in calls)
            {
                if (await DelegatingMethodAsync(document, model, call, cancellationToken).ConfigureAwait(false) is { } method && !methods.Contains(method))
                {
                    methods.Add(method);
                }
            }

            return methods.Count == 0 ? document : document.WithSyntaxRoot(AddRequiresConsent(root, model, methods));
        }

        if (equivalenceKey != GuardKey)
        {
            return document;
        }

        // Each guard is planned on the original code and kept only if it compiles on its own; the
        // kept ones are applied together, in document order (a dial already inside a guard for the
        // same person and channel gets none).
        var guards = new List<ConsentGuard>();
        foreach (var call in calls)
        {
            if (ConsentGuard.Plan(model, call) is { } guard
                && await CompilesAsWellAsync(document, ConsentGuard.Apply(root, new[] { guard }), cancellationToken).ConfigureAwait(false))
            {
                guards.Add(guard);
            }
        }

        if (guards.Count == 0)
        {
            return document;
        }

        var fixedRoot = WithContactRulesUsing(ConsentGuard.Apply(root, guards), model, calls[0].SpanStart, "ContactRequest");
        return await CompilesAsWellAsync(document, fixedRoot, cancellationToken).ConfigureAwait(false) ? document.WithSyntaxRoot(fixedRoot) : document;
    }

    private static string Title(ConsentGuard guard) => guard.Condition switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsReserved" } => "Dial only when the reservation was granted",
        IsPatternExpressionSyntax => "Dial only when the permit was granted",
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } => "Dial only when the decision in scope allows it",
        _ => $"Dial only when ContactGate.Check allows it ({(guard.Channel == Configuration.DialChannel.Sms ? "SMS" : "voice")})",
    };

    private static ExpressionSyntax? Dial(SyntaxNode root, Diagnostic diagnostic)
        => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .FirstAncestorOrSelf<ExpressionSyntax>(e => e is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);

    /// <summary>The method whose callers could take over the check: the one the dial is directly in (not in a lambda or local function of it), when eligible.</summary>
    private static async Task<MethodDeclarationSyntax?> DelegatingMethodAsync(Document document, SemanticModel model, ExpressionSyntax call, CancellationToken cancellationToken)
    {
        var function = call.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax);
        return function is MethodDeclarationSyntax method
               && model.GetDeclaredSymbol(method, cancellationToken) is { } symbol
               && !KnownNames.HasAttribute(symbol, KnownNames.RequiresConsentAttribute)
               && await RequiresConsentEligibility.IsEligibleAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false)
            ? method
            : null;
    }

    private static SyntaxNode AddRequiresConsent(SyntaxNode root, SemanticModel model, IReadOnlyCollection<MethodDeclarationSyntax> methods)
    {
        var marked = root.ReplaceNodes(methods, (original, _) =>
        {
            var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("RequiresConsent"))));
            return original.AttributeLists.Count == 0
                ? original.WithoutLeadingTrivia()
                    .WithAttributeLists(SyntaxFactory.SingletonList(attribute.WithLeadingTrivia(original.GetLeadingTrivia())))
                    .WithAdditionalAnnotations(Formatter.Annotation)
                : original.WithAttributeLists(original.AttributeLists.Add(attribute.WithAdditionalAnnotations(Formatter.Annotation)));
        });
        return WithContactRulesUsing(marked, model, methods.First().SpanStart, KnownNames.RequiresConsentAttribute);
    }
}
