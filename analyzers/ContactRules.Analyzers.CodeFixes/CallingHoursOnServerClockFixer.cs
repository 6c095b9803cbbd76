using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// CR0004: replace a server-clock comparison by the policy's answer, <c>gate.Check(request).IsAllowed</c>,
/// whose calling window (<c>CallingWindow</c>) is evaluated in the called person's zone.
/// </summary>
/// <remarks>
/// A comparison that is true outside the window (<c>Hour &lt; 8</c>, <c>Hour &gt;= 20</c>,
/// <c>DayOfWeek == Sunday</c>) becomes <c>!...IsAllowed</c>; one that is true inside it
/// (<c>Hour &gt;= 8</c>, <c>Hour &lt; 20</c>, <c>is &gt;= 9 and &lt; 21</c>) becomes <c>...IsAllowed</c>.
/// Hours before noon open the window, hours from noon close it.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallingHoursOnServerClockFixer))]
[Shared]
public sealed class CallingHoursOnServerClockFixer : ContactRulesCodeFixProvider
{
    /// <summary>Creates the fix.</summary>
    public CallingHoursOnServerClockFixer()
        : base(DiagnosticIds.CallingHoursOnServerClock)
    {
    }

    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax comparison
            || ContactScope.FindGate(model, comparison.SpanStart) is not { } gate
            || ContactScope.FindRequest(model, comparison.SpanStart, null) is not { } request
            || TrueOutsideWindow(comparison) is not { } outside)
        {
            return;
        }

        ExpressionSyntax allowed = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, gate, SyntaxFactory.IdentifierName("Check")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(request)))),
            SyntaxFactory.IdentifierName(KnownNames.IsAllowed));
        var replacement = (outside ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, allowed) : allowed)
            .WithTriviaFrom(comparison)
            .WithAdditionalAnnotations(Formatter.Annotation);

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use the calling window of the ContactRules policy (called person's local time)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(comparison, replacement))),
                equivalenceKey: "UseCallingWindow"),
            diagnostic);
    }

    /// <summary>True when the comparison holds outside the calling window, false inside, null when unclear.</summary>
    private static bool? TrueOutsideWindow(ExpressionSyntax comparison)
    {
        switch (comparison)
        {
            case IsPatternExpressionSyntax:
                return false;
            case BinaryExpressionSyntax binary:
                {
                    var constantOnRight = binary.Right is LiteralExpressionSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "DayOfWeek" } };
                    var constant = constantOnRight ? binary.Right : binary.Left;
                    var kind = binary.Kind();
                    if (!constantOnRight)
                    {
                        kind = kind switch
                        {
                            SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
                            SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
                            SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
                            SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
                            _ => kind,
                        };
                    }

                    var morning = constant is LiteralExpressionSyntax { Token.Value: int hour } && hour < 12;
                    return kind switch
                    {
                        SyntaxKind.EqualsExpression => true,
                        SyntaxKind.NotEqualsExpression => false,
                        SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression => morning,
                        SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression => !morning,
                        _ => null,
                    };
                }

            default:
                return null;
        }
    }
}
