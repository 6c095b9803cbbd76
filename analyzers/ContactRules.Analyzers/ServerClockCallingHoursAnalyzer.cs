using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ContactRules.Analyzers.CallingHours;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
/// contacting type are reported at the end of that type; those of a helper, at the end of the
/// compilation, once it is known who calls it.
/// </para>
/// <para>
/// Cost model: the only syntax looked at is an identifier spelled <c>Now</c>, <c>UtcNow</c>,
/// <c>Today</c>, <c>GetLocalNow</c> or <c>GetUtcNow</c> (a string comparison per identifier); only a
/// member that reads the server's clock is walked for comparisons; each call to a method of
/// another source type costs one set insertion (property reads are not followed: one callback
/// per property read of the whole compilation costs more than the rule is worth); whether a type
/// contacts anyone is asked only of a type with a comparison and, at the end, of the types that
/// call a helper with one.
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

            var compilation = new CompilationAnalysis(model, start.Compilation.Assembly);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = new TypeAnalysis(compilation, (INamedTypeSymbol)symbolStart.Symbol);
                    symbolStart.RegisterSyntaxNodeAction(type.OnIdentifier, SyntaxKind.IdentifierName);
                    symbolStart.RegisterOperationAction(type.OnInvocation, OperationKind.Invocation);
                    symbolStart.RegisterSymbolEndAction(type.OnEnd);
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(compilation.OnEnd);
        });
    }

    /// <summary>What the types of one compilation tell each other: who contacts, whom they call, which helpers read the clock.</summary>
    /// <remarks>
    /// Whether a type contacts anyone is decided at the end, and only for a type that calls a
    /// helper: most compilations have no helper comparing the clock, and asking every type of a
    /// large one whether one of its members is a dial API (as before) was most of this analyzer's
    /// time on the 1,000-file benchmark.
    /// </remarks>
    private sealed class CompilationAnalysis
    {
        private readonly ConcurrentBag<TypeAnalysis> callers = new();
        private readonly ConcurrentBag<(INamedTypeSymbol Type, ImmutableArray<Diagnostic> Diagnostics)> helpers = new();

        public CompilationAnalysis(ConsentModel model, IAssemblySymbol assembly)
        {
            Model = model;
            Assembly = assembly;
        }

        public ConsentModel Model { get; }

        public IAssemblySymbol Assembly { get; }

        /// <summary>A type that calls methods of other source types: one of them may be a helper.</summary>
        public void Caller(TypeAnalysis type) => callers.Add(type);

        public void Helper(INamedTypeSymbol type, ImmutableArray<Diagnostic> diagnostics) => helpers.Add((type, diagnostics));

        public void OnEnd(CompilationAnalysisContext context)
        {
            if (helpers.IsEmpty)
            {
                return;
            }

            var contacting = new Dictionary<TypeAnalysis, bool>();
            foreach (var (type, diagnostics) in helpers)
            {
                if (IsCalled(type, contacting, context.CancellationToken))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
        }

        /// <summary>Called by a contacting type: itself, or through an interface it implements or a base it derives from (DI).</summary>
        private bool IsCalled(INamedTypeSymbol type, Dictionary<TypeAnalysis, bool> contacting, CancellationToken cancellationToken)
        {
            var names = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { type };
            foreach (var @interface in type.AllInterfaces)
            {
                names.Add(@interface.OriginalDefinition);
            }

            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                names.Add(baseType.OriginalDefinition);
            }

            foreach (var caller in callers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!caller.CallsAny(names))
                {
                    continue;
                }

                if (!contacting.TryGetValue(caller, out var contacts))
                {
                    contacting[caller] = contacts = caller.Contacts();
                }

                if (contacts)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One type: does it read the server's clock (where), does it contact people, whose methods does it call.</summary>
    private sealed class TypeAnalysis
    {
        private readonly CompilationAnalysis compilation;
        private readonly INamedTypeSymbol type;
        private readonly HashSet<INamedTypeSymbol> called = new(SymbolEqualityComparer.Default);
        private ConcurrentDictionary<SyntaxNode, SemanticModel>? scopes;
        private volatile bool dials;

        public TypeAnalysis(CompilationAnalysis compilation, INamedTypeSymbol type)
        {
            this.compilation = compilation;
            this.type = type;
        }

        public void OnIdentifier(SyntaxNodeAnalysisContext context)
        {
            var identifier = (IdentifierNameSyntax)context.Node;
            if (!ServerClock.IsClockIdentifier(identifier.Identifier.ValueText)
                || !ServerClock.IsClockSymbol(context.SemanticModel.GetSymbolInfo(identifier, context.CancellationToken).Symbol))
            {
                return;
            }

            if (scopes is null)
            {
                Interlocked.CompareExchange(ref scopes, new ConcurrentDictionary<SyntaxNode, SemanticModel>(), null);
            }

            scopes!.TryAdd(Scope(identifier), context.SemanticModel);
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var method = ((IInvocationOperation)context.Operation).TargetMethod;
            if (!dials && compilation.Model.GetDialTarget(method) is not null)
            {
                dials = true;
            }

            var callee = method.ContainingType;
            if (callee is not null && ReferenceEquals(callee.ContainingAssembly, compilation.Assembly) && !SymbolEqualityComparer.Default.Equals(callee, type))
            {
                // The methods of one type can be analysed on several threads at once.
                lock (called)
                {
                    called.Add(callee.OriginalDefinition);
                }
            }
        }

        /// <summary>Whether this type calls a method of one of <paramref name="types"/> (read once every action has run).</summary>
        public bool CallsAny(HashSet<INamedTypeSymbol> types) => called.Overlaps(types);

        /// <summary>Calls a dial API, or declares a member that is one (a wrapper): read at the end of the compilation.</summary>
        public bool Contacts()
        {
            if (dials)
            {
                return true;
            }

            foreach (var member in type.GetMembers())
            {
                if (compilation.Model.IsConsentDelegated(member))
                {
                    return true;
                }
            }

            return false;
        }

        public void OnEnd(SymbolAnalysisContext context)
        {
            if (called.Count > 0)
            {
                compilation.Caller(this);
            }

            if (scopes is null)
            {
                return;
            }

            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var scope in scopes)
            {
                if (scope.Key is CompilationUnitSyntax unit)
                {
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax)
                        {
                            Comparisons(member, scope.Value, diagnostics, context.CancellationToken);
                        }
                    }
                }
                else
                {
                    Comparisons(scope.Key, scope.Value, diagnostics, context.CancellationToken);
                }
            }

            if (diagnostics.Count == 0)
            {
                return;
            }

            if (Contacts())
            {
                foreach (var diagnostic in diagnostics)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
            else
            {
                compilation.Helper(type, diagnostics.ToImmutable());
            }
        }

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
