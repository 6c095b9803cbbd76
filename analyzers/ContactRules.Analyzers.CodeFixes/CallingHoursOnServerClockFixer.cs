using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactRules.Analyzers.Configuration;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// CR0004: replace a server-clock comparison by the gate's answer for the person about to be
/// contacted, whose calling window (<c>CallingWindow</c>) is evaluated in their own zone. A
/// comparison that holds outside the window becomes <c>!...IsAllowed</c>, one that holds inside it
/// <c>...IsAllowed</c> (<see cref="CallingHoursPolarity"/>), so that the fixed code refuses exactly
/// when the gate refuses. No fix is offered when the polarity, the person or the channel cannot be
/// told; fix-all merges <c>!allowed || !allowed</c> into one check.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallingHoursOnServerClockFixer))]
[Shared]
public sealed class CallingHoursOnServerClockFixer : ContactRulesCodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string Key = "UseCallingWindow";

    private static readonly SyntaxAnnotation Replaced = new(nameof(CallingHoursOnServerClockFixer));

    /// <summary>Creates the fix.</summary>
    public CallingHoursOnServerClockFixer()
        : base(DiagnosticIds.CallingHoursOnServerClock)
    {
    }

    private protected override async Task RegisterFixesAsync(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (Comparison(root, diagnostic) is not { } comparison || Replacement(model, comparison) is not { } replacement)
        {
            return;
        }

        var fixedRoot = WithContactRulesUsing(root.ReplaceNode(comparison, replacement), model, comparison.SpanStart, "ContactRequest");
        if (await CompilesAsWellAsync(context.Document, fixedRoot, context.CancellationToken).ConfigureAwait(false))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use the calling window of the ContactRules policy (called person's local time)",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)),
                    Key),
                diagnostic);
        }
    }

    private protected override async Task<Document> FixAllAsync(Document document, SyntaxNode root, SemanticModel model, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Comparison(root, diagnostic) is { } comparison && !replacements.ContainsKey(comparison) && Replacement(model, comparison) is { } replacement)
            {
                replacements.Add(comparison, replacement);
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var fixedRoot = Merge(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        fixedRoot = WithContactRulesUsing(fixedRoot, model, replacements.Keys.First().SpanStart, "ContactRequest");
        return await CompilesAsWellAsync(document, fixedRoot, cancellationToken).ConfigureAwait(false) ? document.WithSyntaxRoot(fixedRoot) : document;
    }

    /// <summary><c>!gate.Check(r).IsAllowed || !gate.Check(r).IsAllowed</c> becomes one check.</summary>
    private static SyntaxNode Merge(SyntaxNode root)
    {
        while (root.DescendantNodes().OfType<BinaryExpressionSyntax>().FirstOrDefault(b =>
                   b.Kind() is SyntaxKind.LogicalOrExpression or SyntaxKind.LogicalAndExpression
                   && b.Left.HasAnnotation(Replaced) && b.Right.HasAnnotation(Replaced)
                   && SyntaxFactory.AreEquivalent(b.Left, b.Right, topLevel: false)) is { } duplicate)
        {
            root = root.ReplaceNode(duplicate, duplicate.Left.WithTriviaFrom(duplicate));
        }

        return root;
    }

    private static ExpressionSyntax? Comparison(SyntaxNode root, Diagnostic diagnostic)
        => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .FirstAncestorOrSelf<ExpressionSyntax>(e => e is IsPatternExpressionSyntax
                || (e is BinaryExpressionSyntax binary && binary.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
                    or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression));

    private static ExpressionSyntax? Replacement(SemanticModel model, ExpressionSyntax comparison)
    {
        if (CallingHoursPolarity.HoldsOutsideWindow(comparison, model) is not { } outside || Allowed(model, comparison) is not { } allowed)
        {
            return null;
        }

        var replacement = outside ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, allowed) : allowed;
        return replacement.WithTriviaFrom(comparison).WithAdditionalAnnotations(Formatter.Annotation, Replaced);
    }

    /// <summary>
    /// "The gate allows contacting this person now": the decision already made for them, else
    /// <c>gate.Check(request).IsAllowed</c>. The person is the one contact in scope; the channel
    /// that of the dials in the enclosing member (a call when there is none).
    /// </summary>
    private static ExpressionSyntax? Allowed(SemanticModel model, ExpressionSyntax comparison)
    {
        var position = comparison.SpanStart;
        var member = comparison.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        var channel = member is null ? DialChannel.Unknown : ChannelOfDials(model, member);
        if (channel == DialChannel.Unknown)
        {
            return null;
        }

        var artifacts = ContactScope.Artifacts(model, position).Where(a => a.Root is not null).ToArray();
        var people = model.LookupSymbols(position)
            .Where(s => s is IParameterSymbol || (s is ILocalSymbol local && local.DeclaringSyntaxReferences.All(r => r.Span.End <= position)))
            .Where(s => ContactScope.ContactOf(s) is not null)
            .Concat(artifacts.Select(a => a.Root!))
            .Distinct(SymbolEqualityComparer.Default)
            .ToArray();
        if (people.Length != 1)
        {
            return null;
        }

        var person = people[0]!;
        if (artifacts.FirstOrDefault(a => a.Kind == ConsentArtifactKind.Decision && a.IsFor(person) && a.Channel == channel) is { } decision)
        {
            return Member(SyntaxFactory.IdentifierName(decision.Variable.Name), KnownNames.IsAllowed);
        }

        if (ContactScope.FindGate(model, position) is not { } gate)
        {
            return null;
        }

        ExpressionSyntax? request = artifacts.FirstOrDefault(a => a.Kind == ConsentArtifactKind.Request && a.IsFor(person) && a.Channel == channel) is { } existing
            ? SyntaxFactory.IdentifierName(existing.Variable.Name)
            : ContactScope.ContactOf(person) is { } contact
                ? SyntaxFactory.ObjectCreationExpression(SyntaxFactory.IdentifierName("ContactRequest")).WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(contact),
                    SyntaxFactory.Argument(Member(SyntaxFactory.IdentifierName("ContactChannel"), channel == DialChannel.Sms ? "Sms" : "Voice")),
                })))
                : null;
        return request is null
            ? null
            : Member(
                SyntaxFactory.InvocationExpression(Member(gate, "Check"), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(request)))),
                KnownNames.IsAllowed);
    }

    private static DialChannel ChannelOfDials(SemanticModel model, MemberDeclarationSyntax member)
    {
        var channels = new HashSet<DialChannel>();
        foreach (var node in member.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
                && model.GetSymbolInfo(node).Symbol is IMethodSymbol method
                && IsDial(method))
            {
                channels.Add(DialChannels.ForCheck(method));
            }
        }

        return channels.Count switch
        {
            0 => DialChannel.Voice,
            1 => channels.First(),
            _ => DialChannel.Unknown,
        };
    }

    private static bool IsDial(IMethodSymbol method)
        => BuiltInDialApis.Find(method) is not null
           || KnownNames.HasAttribute(method.OriginalDefinition, KnownNames.DialApiAttribute)
           || KnownNames.HasAttribute(method.OriginalDefinition, KnownNames.RequiresConsentAttribute);

    private static MemberAccessExpressionSyntax Member(ExpressionSyntax owner, string name)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, owner, SyntaxFactory.IdentifierName(name));
}
