using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContactRules.Analyzers.Configuration;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// The guard the CR0001 fix puts around a dial: <c>if (condition) { ... }</c> around the dialing
/// statement (with the statements after it that use what it declares), or around the body of a
/// void expression-bodied function. The condition is, in order of preference, the reservation or
/// permit already taken for that person (never a second check after a reservation, which would
/// count the reserved attempt against them), the decision already made for that person and
/// channel, or <c>gate.Check(request).IsAllowed</c> for a request on the dial's own channel.
/// </summary>
internal sealed class ConsentGuard
{
    private ConsentGuard(ImmutableArray<StatementSyntax> statements, SyntaxNode? expressionBody, ExpressionSyntax condition, ISymbol root, DialChannel channel)
    {
        Statements = statements;
        ExpressionBody = expressionBody;
        Condition = condition;
        Root = root;
        Channel = channel;
    }

    /// <summary>The contiguous statements to wrap (empty for an expression body).</summary>
    public ImmutableArray<StatementSyntax> Statements { get; }

    /// <summary>The arrow clause or lambda whose expression body becomes a guarded block; null for statements.</summary>
    public SyntaxNode? ExpressionBody { get; }

    /// <summary>The condition under which the dial may happen.</summary>
    public ExpressionSyntax Condition { get; }

    /// <summary>The person the dial contacts.</summary>
    public ISymbol Root { get; }

    /// <summary>The channel the dial contacts them on.</summary>
    public DialChannel Channel { get; }

    /// <summary>The guard for the dial <paramref name="call"/>, or null when no guard can be written that keeps the code's meaning and compiles.</summary>
    public static ConsentGuard? Plan(SemanticModel model, ExpressionSyntax call)
    {
        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var channel = DialChannels.ForCheck(method);
        var root = ContactScope.RootOf(ContactArgument(call, method), model);
        if (channel == DialChannel.Unknown || root is null)
        {
            return null;
        }

        var (statements, expressionBody) = Target(model, call);
        if (statements.IsDefaultOrEmpty && expressionBody is null)
        {
            return null;
        }

        var position = statements.IsDefaultOrEmpty ? expressionBody!.SpanStart : statements[0].SpanStart;
        var condition = BuildCondition(model, position, root, channel);
        if (condition is null || AlreadyGuardedBy(call, condition))
        {
            return null;
        }

        return new ConsentGuard(statements.IsDefault ? ImmutableArray<StatementSyntax>.Empty : statements, expressionBody, condition, root, channel);
    }

    /// <summary>Applies <paramref name="guards"/> (planned on <paramref name="root"/>) in document order; a guard already covered by an earlier one for the same person and channel, or no longer applicable, is left out.</summary>
    public static SyntaxNode Apply(SyntaxNode root, IReadOnlyList<ConsentGuard> guards)
    {
        var ordered = guards.OrderBy(g => g.Start).ToArray();
        var tracked = root.TrackNodes(ordered.SelectMany(g => g.Statements.Cast<SyntaxNode>().Concat(g.ExpressionBody is null ? Enumerable.Empty<SyntaxNode>() : new[] { g.ExpressionBody })));
        var applied = new List<(ConsentGuard Guard, SyntaxAnnotation Block)>();
        foreach (var guard in ordered)
        {
            // Inside a block already guarded for the same person and channel: nothing to add.
            if (applied.Any(a => a.Guard.Covers(guard) && guard.CurrentFirst(tracked) is { } first && first.Ancestors().Any(n => n.HasAnnotation(a.Block))))
            {
                continue;
            }

            var block = new SyntaxAnnotation();
            var updated = guard.ApplyTo(tracked, block);
            if (updated is not null)
            {
                tracked = updated;
                applied.Add((guard, block));
            }
        }

        return tracked;
    }

    private int Start => Statements.IsDefaultOrEmpty ? ExpressionBody!.SpanStart : Statements[0].SpanStart;

    private bool Covers(ConsentGuard other) => Channel == other.Channel && SymbolEqualityComparer.Default.Equals(Root, other.Root);

    private SyntaxNode? CurrentFirst(SyntaxNode root)
        => Statements.IsDefaultOrEmpty ? root.GetCurrentNode(ExpressionBody!) : root.GetCurrentNode(Statements[0]);

    private SyntaxNode? ApplyTo(SyntaxNode root, SyntaxAnnotation blockAnnotation)
    {
        if (ExpressionBody is not null)
        {
            var current = root.GetCurrentNode(ExpressionBody);
            return current switch
            {
                ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => root.ReplaceNode(method, method
                    .WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(GuardedBlock(method.ExpressionBody!.Expression, blockAnnotation))
                    .WithAdditionalAnnotations(Formatter.Annotation)),
                ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax function } => root.ReplaceNode(function, function
                    .WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(GuardedBlock(function.ExpressionBody!.Expression, blockAnnotation))
                    .WithAdditionalAnnotations(Formatter.Annotation)),
                LambdaExpressionSyntax lambda => root.ReplaceNode(lambda, lambda
                    .WithExpressionBody(null)
                    .WithBlock(GuardedBlock((ExpressionSyntax)lambda.Body, blockAnnotation))
                    .WithAdditionalAnnotations(Formatter.Annotation)),
                _ => null,
            };
        }

        var statements = Statements.Select(s => root.GetCurrentNode(s)).ToArray();
        if (statements.Any(s => s is null))
        {
            return null;
        }

        var first = statements[0]!;
        var guarded = SyntaxFactory.IfStatement(Condition, SyntaxFactory.Block(statements.Select((s, i) => i == 0 ? s!.WithoutLeadingTrivia() : s!)).WithAdditionalAnnotations(blockAnnotation))
            .WithLeadingTrivia(first.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (statements.Length == 1)
        {
            return root.ReplaceNode(first, guarded);
        }

        // Several statements: they must still be neighbours in one block.
        if (first.Parent is not BlockSyntax block)
        {
            return null;
        }

        var index = block.Statements.IndexOf(first);
        if (index < 0 || index + statements.Length > block.Statements.Count || statements.Where((s, i) => block.Statements[index + i] != s).Any())
        {
            return null;
        }

        var list = block.Statements.Take(index).Append(guarded).Concat(block.Statements.Skip(index + statements.Length));
        return root.ReplaceNode(block, block.WithStatements(SyntaxFactory.List(list)));
    }

    /// <summary>
    /// <c>{ if (condition) { expression; } }</c>, laid out on lines with elastic trivia (the
    /// formatter keeps a block written on one line on one line, as it keeps a user's).
    /// </summary>
    private BlockSyntax GuardedBlock(ExpressionSyntax expression, SyntaxAnnotation blockAnnotation)
        => SyntaxFactory.Block(
                SyntaxFactory.IfStatement(Condition, SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())).WithAdditionalAnnotations(blockAnnotation)))
            .NormalizeWhitespace(elasticTrivia: true);

    /// <summary>True when the dial already sits in the true branch of an <c>if</c> on this very condition: a second one would change nothing.</summary>
    private static bool AlreadyGuardedBy(SyntaxNode call, ExpressionSyntax condition)
        => call.Ancestors().OfType<IfStatementSyntax>().Any(i => SyntaxFactory.AreEquivalent(i.Condition, condition, topLevel: false) && i.Statement.Span.Contains(call.Span));

    /// <summary>The argument that names whom the dial contacts (the analyzer's own reading).</summary>
    private static ExpressionSyntax? ContactArgument(ExpressionSyntax call, IMethodSymbol method)
    {
        var arguments = call switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments ?? default,
            _ => default,
        };
        if (arguments.Count == 0)
        {
            return call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression : null;
        }

        var contactParameter = method.Parameters.FirstOrDefault(p => LooksLikeContact(p.Name));
        if (contactParameter is not null)
        {
            var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == contactParameter.Name);
            if (named is not null)
            {
                return named.Expression;
            }

            if (contactParameter.Ordinal < arguments.Count && arguments[contactParameter.Ordinal].NameColon is null)
            {
                return arguments[contactParameter.Ordinal].Expression;
            }
        }

        return arguments[0].Expression;
    }

    private static bool LooksLikeContact(string name)
    {
        if (name == "to" || (name.Length > 2 && name.StartsWith("to", System.StringComparison.Ordinal) && char.IsUpper(name[2])))
        {
            return true;
        }

        var lower = name.ToLowerInvariant();
        return lower.Contains("phone") || lower.Contains("number") || lower.Contains("contact") || lower.Contains("customer") || lower.Contains("recipient");
    }

    private static ExpressionSyntax? BuildCondition(SemanticModel model, int position, ISymbol root, DialChannel channel)
    {
        var artifacts = ContactScope.Artifacts(model, position).Where(a => a.IsFor(root)).ToArray();

        // A reservation or permit for this person: branch on it; a second check after it would
        // count the reserved attempt against them (and is a second question, not the answer).
        var reserved = artifacts.Where(a => a.Kind is ConsentArtifactKind.Reservation or ConsentArtifactKind.Permit).ToArray();
        if (reserved.Length > 0)
        {
            var held = reserved.FirstOrDefault(a => a.Channel == channel);
            return held switch
            {
                null => null,
                { Kind: ConsentArtifactKind.Reservation } => Member(held.Variable.Name, "IsReserved"),
                _ => SyntaxFactory.IsPatternExpression(
                    SyntaxFactory.IdentifierName(held.Variable.Name),
                    SyntaxFactory.UnaryPattern(SyntaxFactory.Token(SyntaxKind.NotKeyword), SyntaxFactory.ConstantPattern(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)))),
            };
        }

        if (artifacts.FirstOrDefault(a => a.Kind == ConsentArtifactKind.Decision && a.Channel == channel) is { } decision)
        {
            return Member(decision.Variable.Name, KnownNames.IsAllowed);
        }

        if (ContactScope.FindGate(model, position) is not { } gate)
        {
            return null;
        }

        ExpressionSyntax? request = artifacts.FirstOrDefault(a => a.Kind == ConsentArtifactKind.Request && a.Channel == channel) is { } existing
            ? SyntaxFactory.IdentifierName(existing.Variable.Name)
            : ContactScope.ContactOf(root) is { } contact
                ? SyntaxFactory.ObjectCreationExpression(SyntaxFactory.IdentifierName("ContactRequest"))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        SyntaxFactory.Argument(contact),
                        SyntaxFactory.Argument(Member("ContactChannel", channel == DialChannel.Sms ? "Sms" : "Voice")),
                    })))
                : null;
        return request is null
            ? null
            : SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, gate, SyntaxFactory.IdentifierName("Check")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(request)))),
                SyntaxFactory.IdentifierName(KnownNames.IsAllowed));
    }

    private static MemberAccessExpressionSyntax Member(string owner, string member)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(owner), SyntaxFactory.IdentifierName(member));

    /// <summary>What to wrap: the dialing statement (with what depends on it), or a void expression body.</summary>
    private static (ImmutableArray<StatementSyntax> Statements, SyntaxNode? ExpressionBody) Target(SemanticModel model, ExpressionSyntax call)
    {
        // The statement or expression body of the function the call is in, never one outside a lambda.
        for (SyntaxNode? node = call; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ExpressionStatementSyntax statement:
                    return (ImmutableArray.Create<StatementSyntax>(statement), null);
                case LocalDeclarationStatementSyntax declaration:
                    return (WithDependents(model, declaration), null);
                case StatementSyntax:
                    return default;
                case ArrowExpressionClauseSyntax arrow when IsBodyOfVoidFunction(model, arrow, arrow.Expression, call):
                    return (default, arrow);
                case LambdaExpressionSyntax lambda when lambda.ExpressionBody is { } body && IsBodyOfVoidFunction(model, lambda, body, call):
                    return (default, lambda);
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return default;
            }
        }

        return default;
    }

    private static bool IsBodyOfVoidFunction(SemanticModel model, SyntaxNode function, ExpressionSyntax body, ExpressionSyntax call)
    {
        var expression = body is AwaitExpressionSyntax awaited ? awaited.Expression : body;
        if (expression != call)
        {
            return false;
        }

        var symbol = function switch
        {
            ArrowExpressionClauseSyntax { Parent: var owner } => model.GetDeclaredSymbol(owner!),
            _ => model.GetSymbolInfo(function).Symbol,
        };
        return symbol is IMethodSymbol method
               && (method.ReturnsVoid || (method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" }));
    }

    /// <summary>The declaration and the statements after it in its block that use what it declares, transitively.</summary>
    private static ImmutableArray<StatementSyntax> WithDependents(SemanticModel model, LocalDeclarationStatementSyntax declaration)
    {
        if (declaration.Parent is not BlockSyntax block)
        {
            return ImmutableArray.Create<StatementSyntax>(declaration);
        }

        var statements = block.Statements;
        var start = statements.IndexOf(declaration);
        var end = start;
        var changed = true;
        while (changed)
        {
            changed = false;
            var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            for (var i = start; i <= end; i++)
            {
                foreach (var node in statements[i].DescendantNodesAndSelf())
                {
                    if (node is VariableDeclaratorSyntax or SingleVariableDesignationSyntax && model.GetDeclaredSymbol(node) is ILocalSymbol local)
                    {
                        declared.Add(local);
                    }
                }
            }

            for (var j = statements.Count - 1; j > end; j--)
            {
                if (statements[j].DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => model.GetSymbolInfo(n).Symbol is ILocalSymbol used && declared.Contains(used)))
                {
                    end = j;
                    changed = true;
                    break;
                }
            }
        }

        return ImmutableArray.CreateRange(Enumerable.Range(start, end - start + 1).Select(i => statements[i]));
    }
}
