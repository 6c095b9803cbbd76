using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContactRules.Analyzers.CallingHours;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers;

/// <summary>
/// CR0004: the server clock's time of day (the <c>Hour</c> of <c>DateTime</c>'s static <c>Now</c>
/// below 8, the <c>TimeOfDay</c> of <c>DateTimeOffset</c>'s static <c>UtcNow</c> at or after a
/// configured start) compared with a bound in code that
/// contacts people. The law's calling hours are the called person's local time; the server's
/// clock is another zone, or UTC.
/// </summary>
/// <remarks>
/// <para>
/// "Code that contacts people" is a type that calls a dial API or declares a member that is one
/// (or is <c>[RequiresConsent]</c>), and the helper types such a type calls (a
/// <c>CallingHours</c> class, an injected <c>IBusinessHours</c>'s implementation) through a
/// method call: clock arithmetic
/// elsewhere (batch windows, log rotation) is none of this rule's business. Comparisons in a
/// contacting type are reported with their file; those of a helper, at the end of the
/// compilation, once it is known who calls it.
/// </para>
/// <para>
/// Cost model: one action per file; a file whose text never spells <c>Now</c> or <c>Today</c> costs
/// a text search. In the others, only an identifier spelled <c>Now</c>, <c>UtcNow</c>, <c>Today</c>,
/// <c>GetLocalNow</c> or <c>GetUtcNow</c> is bound, and only a member that reads the server's clock
/// is walked for comparisons. Whether a type contacts anyone is asked only of a type with a
/// comparison and, at the end of the compilation, of the types that call a helper with one (a
/// search of the files that spell one of the helper's method names).
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServerClockCallingHoursAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CR0004CallingHoursOnServerClock);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var model = ConsentModel.For(start.Compilation, start.Options, start.CancellationToken);
            if (!model.IsEnabled)
            {
                return;
            }

            var compilation = new CompilationAnalysis(model, start.Compilation);
            start.RegisterSemanticModelAction(compilation.OnSemanticModel);
            start.RegisterCompilationEndAction(compilation.OnEnd);
        });
    }

    /// <summary>What the types of one compilation tell each other: which read the clock, which contact, which helpers they call.</summary>
    /// <remarks>
    /// One action per file, and nothing more for a file whose text never spells a clock's member:
    /// one callback per identifier and per invocation of the whole compilation (as before) cost
    /// more than everything else this analyzer does. Whether a type contacts anyone is decided
    /// from its own syntax, and only for a type with a comparison and for the types that call a
    /// helper with one.
    /// </remarks>
    private sealed class CompilationAnalysis
    {
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> contacting = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<(INamedTypeSymbol Type, ImmutableArray<Diagnostic> Diagnostics)> helpers = new();

        public CompilationAnalysis(ConsentModel model, Compilation compilation)
        {
            Model = model;
            this.compilation = compilation;
        }

        private ConsentModel Model { get; }

        public void OnSemanticModel(SemanticModelAnalysisContext context)
        {
            var semanticModel = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            if (!ServerClock.MaySpellClock(semanticModel.SyntaxTree.GetText(cancellationToken).ToString()))
            {
                return;
            }

            // The scopes of this file's clock readings, by the type they are read in.
            var scopes = new Dictionary<INamedTypeSymbol, List<SyntaxNode>>(SymbolEqualityComparer.Default);
            foreach (var node in semanticModel.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier
                    || !ServerClock.IsClockIdentifier(identifier.Identifier.ValueText)
                    || !ServerClock.IsClockSymbol(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol)
                    || TypeAt(semanticModel, identifier, cancellationToken) is not { } type)
                {
                    continue;
                }

                if (!scopes.TryGetValue(type, out var list))
                {
                    scopes[type] = list = new List<SyntaxNode>();
                }

                var scope = Scope(identifier);
                if (!list.Contains(scope))
                {
                    list.Add(scope);
                }
            }

            foreach (var pair in scopes)
            {
                var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
                foreach (var scope in pair.Value)
                {
                    if (scope is CompilationUnitSyntax unit)
                    {
                        foreach (var member in unit.Members)
                        {
                            if (member is GlobalStatementSyntax)
                            {
                                Comparisons(member, semanticModel, diagnostics, cancellationToken);
                            }
                        }
                    }
                    else
                    {
                        Comparisons(scope, semanticModel, diagnostics, cancellationToken);
                    }
                }

                if (diagnostics.Count == 0)
                {
                    continue;
                }

                if (Contacts(pair.Key, cancellationToken))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
                else
                {
                    helpers.Add((pair.Key, diagnostics.ToImmutable()));
                }
            }
        }

        public void OnEnd(CompilationAnalysisContext context)
        {
            if (helpers.IsEmpty)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var found = helpers.ToArray();
            var callees = new HashSet<INamedTypeSymbol>[found.Length];
            var allCallees = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            for (var i = 0; i < found.Length; i++)
            {
                callees[i] = CalleesOf(found[i].Type);
                allCallees.UnionWith(callees[i]);
            }

            var callers = CallersOf(allCallees, cancellationToken);
            for (var i = 0; i < found.Length; i++)
            {
                if (callees[i].Any(callee => callers.TryGetValue(callee, out var types) && types.Any(caller => Contacts(caller, cancellationToken))))
                {
                    foreach (var diagnostic in found[i].Diagnostics)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
        }

        /// <summary>
        /// Whom a call to <paramref name="helper"/> can name: the helper, the interfaces it
        /// implements and the bases it derives from (DI), when declared in this compilation.
        /// </summary>
        private HashSet<INamedTypeSymbol> CalleesOf(INamedTypeSymbol helper)
        {
            var callees = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { helper };
            foreach (var @interface in helper.AllInterfaces)
            {
                callees.Add(@interface.OriginalDefinition);
            }

            for (var baseType = helper.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                callees.Add(baseType.OriginalDefinition);
            }

            callees.RemoveWhere(t => !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly));
            return callees;
        }

        /// <summary>
        /// For each of <paramref name="callees"/>, the other types whose code calls one of its
        /// methods: one pass over the compilation, binding only the calls spelled with one of
        /// those methods' names (and, when the names are few, only in the files that spell one).
        /// </summary>
        private Dictionary<INamedTypeSymbol, HashSet<INamedTypeSymbol>> CallersOf(HashSet<INamedTypeSymbol> callees, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var callee in callees)
            {
                foreach (var member in callee.GetMembers())
                {
                    if (member is IMethodSymbol)
                    {
                        names.Add(member.Name);
                    }
                }
            }

            var callers = new Dictionary<INamedTypeSymbol, HashSet<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (names.Count <= 16)
                {
                    var text = tree.GetText(cancellationToken).ToString();
                    if (!names.Any(name => text.IndexOf(name, StringComparison.Ordinal) >= 0))
                    {
                        continue;
                    }
                }

                SemanticModel? semanticModel = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation || InvokedName(invocation.Expression) is not { } name || !names.Contains(name))
                    {
                        continue;
                    }

                    semanticModel ??= compilation.GetSemanticModel(tree);
                    if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } calledType }
                        && callees.Contains(calledType.OriginalDefinition)
                        && TypeAt(semanticModel, invocation, cancellationToken) is { } caller
                        && !SymbolEqualityComparer.Default.Equals(calledType, caller))
                    {
                        if (!callers.TryGetValue(calledType.OriginalDefinition, out var types))
                        {
                            callers[calledType.OriginalDefinition] = types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                        }

                        types.Add(caller);
                    }
                }
            }

            return callers;
        }

        /// <summary>
        /// Calls a dial API in its own code (not that of its nested types), or declares a member
        /// that is one or is <c>[RequiresConsent]</c> (a wrapper). Decided once per type.
        /// </summary>
        private bool Contacts(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (contacting.TryGetValue(type, out var known))
            {
                return known;
            }

            var contacts = false;
            foreach (var member in type.GetMembers())
            {
                if (Model.IsConsentDelegated(member))
                {
                    contacts = true;
                    break;
                }
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (contacts)
                {
                    break;
                }

                var declaration = reference.GetSyntax(cancellationToken);
                var semanticModel = compilation.GetSemanticModel(declaration.SyntaxTree);
                foreach (var node in declaration.DescendantNodes(n => n == declaration || n is not BaseTypeDeclarationSyntax))
                {
                    if (node is InvocationExpressionSyntax invocation
                        && semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                        && Model.GetDialTarget(method) is not null)
                    {
                        contacts = true;
                        break;
                    }
                }
            }

            return contacting.GetOrAdd(type, contacts);
        }

        /// <summary>The type whose code <paramref name="node"/> is: of its member, lambda or local function, or the top-level statements' type.</summary>
        private static INamedTypeSymbol? TypeAt(SemanticModel semanticModel, SyntaxNode node, CancellationToken cancellationToken)
        {
            var symbol = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            return symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        }

        private static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static void Comparisons(SyntaxNode scope, SemanticModel semanticModel, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
        {
            foreach (var node in scope.DescendantNodesAndSelf())
            {
                if ((node.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
                        or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or SyntaxKind.IsPatternExpression
                     || node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsBetween" or "CompareTo" } })
                    && semanticModel.GetOperation(node, cancellationToken) is { } operation
                    && ServerClock.IsServerClockComparison(operation))
                {
                    diagnostics.Add(Diagnostic.Create(Descriptors.CR0004CallingHoursOnServerClock, node.GetLocation(), node.ToString()));
                }
            }
        }

        /// <summary>
        /// Where a comparison that uses this clock reading can be: its member (a local holding the
        /// reading lives no longer), all top-level statements, or the part of a type declaration
        /// outside members (primary-constructor base arguments).
        /// </summary>
        private static SyntaxNode Scope(SyntaxNode node)
        {
            var previous = node;
            for (var current = node.Parent; current is not null; previous = current, current = current.Parent)
            {
                switch (current)
                {
                    case GlobalStatementSyntax:
                        return current.Parent ?? current;
                    case BaseTypeDeclarationSyntax:
                        return previous;
                    case MemberDeclarationSyntax:
                        return current;
                }
            }

            return previous;
        }
    }
}
