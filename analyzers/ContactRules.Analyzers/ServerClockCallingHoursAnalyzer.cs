using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers;

/// <summary>
/// CR0004: <c>DateTime.Now.Hour &lt; 8</c> in a type that contacts people. The law's calling
/// hours are the called person's local time; the server's clock is another zone, or UTC.
/// </summary>
/// <remarks>
/// "A type that contacts people" is one that calls a dial API or declares a member marked
/// <c>[DialApi]</c> or <c>[RequiresConsent]</c>: clock arithmetic elsewhere (batch windows,
/// log rotation) is none of this rule's business.
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
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    var contacts = new StrongBox();
                    foreach (var member in type.GetMembers())
                    {
                        if (model.IsConsentDelegated(member))
                        {
                            contacts.Value = true;
                        }
                    }

                    var candidates = new ConcurrentQueue<IOperation>();
                    symbolStart.RegisterOperationAction(
                        operation =>
                        {
                            if (!contacts.Value && model.GetDialTarget(((IInvocationOperation)operation.Operation).TargetMethod) is not null)
                            {
                                contacts.Value = true;
                            }
                        },
                        OperationKind.Invocation);
                    symbolStart.RegisterOperationAction(
                        operation =>
                        {
                            if (IsServerClockComparison(operation.Operation))
                            {
                                candidates.Enqueue(operation.Operation);
                            }
                        },
                        OperationKind.Binary,
                        OperationKind.IsPattern);
                    symbolStart.RegisterSymbolEndAction(end =>
                    {
                        if (!contacts.Value)
                        {
                            return;
                        }

                        foreach (var candidate in candidates)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.CR0004CallingHoursOnServerClock, candidate.Syntax.GetLocation(), candidate.Syntax.ToString()));
                        }
                    });
                },
                SymbolKind.NamedType);
        });
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

    /// <summary><c>DateTime.Now.Hour</c>, <c>now.DayOfWeek</c> where <c>now = DateTimeOffset.UtcNow</c>, and the like.</summary>
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

    /// <summary>A flag set from concurrent operation actions and read at the symbol's end.</summary>
    private sealed class StrongBox
    {
        private volatile bool value;

        public bool Value
        {
            get => value;
            set => this.value = value;
        }
    }
}
