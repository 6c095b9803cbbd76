using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers;

/// <summary>
/// CR0004: the server clock's hour (<c>Now.Hour &lt; 8</c> on <c>DateTime</c>) in a type that contacts people. The law's calling
/// hours are the called person's local time; the server's clock is another zone, or UTC.
/// </summary>
/// <remarks>
/// <para>
/// "A type that contacts people" is one that calls a dial API or declares a member marked
/// <c>[DialApi]</c> or <c>[RequiresConsent]</c>: clock arithmetic elsewhere (batch windows,
/// log rotation) is none of this rule's business.
/// </para>
/// <para>
/// Cost model: the only syntax looked at is an identifier spelled <c>Now</c>, <c>UtcNow</c> or
/// <c>Today</c> (a string comparison per identifier); only a member that reads the server's clock
/// is walked for comparisons, and only at the end of a type that has one, and contacts people.
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
            var model = ConsentModel.Create(start.Compilation, start.Options, start.CancellationToken);
            if (!model.IsEnabled)
            {
                return;
            }

            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = new TypeAnalysis(model, (INamedTypeSymbol)symbolStart.Symbol);
                    symbolStart.RegisterSyntaxNodeAction(type.OnIdentifier, SyntaxKind.IdentifierName);
                    symbolStart.RegisterOperationAction(type.OnInvocation, OperationKind.Invocation);
                    symbolStart.RegisterSymbolEndAction(type.OnEnd);
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>One type: does it read the server's clock (where), and does it contact people.</summary>
    private sealed class TypeAnalysis
    {
        private readonly ConsentModel model;
        private readonly INamedTypeSymbol type;
        private ConcurrentDictionary<SyntaxNode, SemanticModel>? scopes;
        private volatile bool contacts;

        public TypeAnalysis(ConsentModel model, INamedTypeSymbol type)
        {
            this.model = model;
            this.type = type;
        }

        public void OnIdentifier(SyntaxNodeAnalysisContext context)
        {
            var identifier = (IdentifierNameSyntax)context.Node;
            var name = identifier.Identifier.ValueText;
            if (name != "Now" && name != "UtcNow" && name != "Today")
            {
                return;
            }

            if (context.SemanticModel.GetSymbolInfo(identifier, context.CancellationToken).Symbol is not IPropertySymbol { IsStatic: true } property
                || !IsDateType(property.ContainingType))
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
            if (!contacts && model.GetDialTarget(((IInvocationOperation)context.Operation).TargetMethod) is not null)
            {
                contacts = true;
            }
        }

        public void OnEnd(SymbolAnalysisContext context)
        {
            if (scopes is null)
            {
                return;
            }

            if (!contacts)
            {
                foreach (var member in type.GetMembers())
                {
                    if (model.IsConsentDelegated(member))
                    {
                        contacts = true;
                        break;
                    }
                }
            }

            if (!contacts)
            {
                return;
            }

            foreach (var scope in scopes)
            {
                if (scope.Key is CompilationUnitSyntax unit)
                {
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax)
                        {
                            ReportComparisons(context, member, scope.Value);
                        }
                    }
                }
                else
                {
                    ReportComparisons(context, scope.Key, scope.Value);
                }
            }
        }

        private static void ReportComparisons(SymbolAnalysisContext context, SyntaxNode scope, SemanticModel semanticModel)
        {
            foreach (var node in scope.DescendantNodesAndSelf())
            {
                if (node.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
                        or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or SyntaxKind.IsPatternExpression
                    && semanticModel.GetOperation(node, context.CancellationToken) is { } operation
                    && IsServerClockComparison(operation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR0004CallingHoursOnServerClock, node.GetLocation(), node.ToString()));
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

    private static bool IsServerClockComparison(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                return (IsServerClockPart(binary.LeftOperand) && binary.RightOperand.ConstantValue.HasValue)
                       || (IsServerClockPart(binary.RightOperand) && binary.LeftOperand.ConstantValue.HasValue);
            case IIsPatternOperation pattern:
                return IsServerClockPart(pattern.Value);
            default:
                return false;
        }
    }

    /// <summary>The <c>Hour</c> of <c>DateTime</c>'s <c>Now</c>, or <c>now.DayOfWeek</c> where <c>now</c> is <c>DateTimeOffset</c>'s <c>UtcNow</c>, and the like.</summary>
    private static bool IsServerClockPart(IOperation operation)
    {
        operation = Unwrap(operation);
        return operation is IPropertyReferenceOperation { Property.Name: "Hour" or "DayOfWeek", Instance: { } instance } part
               && IsDateType(part.Property.ContainingType)
               && IsServerNow(instance, allowLocal: true);
    }

    private static bool IsServerNow(IOperation operation, bool allowLocal)
    {
        operation = Unwrap(operation);
        if (operation is IPropertyReferenceOperation { Instance: null, Property.Name: "Now" or "UtcNow" or "Today" } now)
        {
            return IsDateType(now.Property.ContainingType);
        }

        if (allowLocal && operation is ILocalReferenceOperation local && operation.SemanticModel is { } semanticModel)
        {
            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                    && semanticModel.SyntaxTree == initializer.SyntaxTree
                    && semanticModel.GetOperation(initializer) is { } value
                    && IsServerNow(value, allowLocal: false))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsDateType(INamedTypeSymbol type)
        => type is { Name: "DateTime" or "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
