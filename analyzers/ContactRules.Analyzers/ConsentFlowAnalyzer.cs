using System.Collections.Generic;
using System.Collections.Immutable;
using ContactRules.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers;

/// <summary>
/// CR0001, CR0002, CR0003 and CR0005: one analyzer because the four rules read the same
/// control-flow analysis. Dial calls, permits and decisions are collected cheaply per operation
/// block; only a block that contains a dial or a permit pays for the control-flow graph.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsentFlowAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CR0001DialWithoutConsent,
        Descriptors.CR0002ConsentDecisionIgnored,
        Descriptors.CR0003ConsentForOtherContact,
        Descriptors.CR0005PermitNotCompleted);

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

            start.RegisterOperationBlockStartAction(block =>
            {
                var collector = new BlockCollector(model, block.OwningSymbol);
                block.RegisterOperationAction(collector.OnInvocation, OperationKind.Invocation);
                block.RegisterOperationAction(collector.OnObjectCreation, OperationKind.ObjectCreation);
                if (model.RequiresConsentAttributeExists)
                {
                    block.RegisterOperationAction(collector.OnPropertyReference, OperationKind.PropertyReference);
                }

                block.RegisterOperationBlockEndAction(collector.OnBlockEnd);
            });
        });
    }

    /// <summary>What one operation block contains that the flow rules care about.</summary>
    private sealed class BlockCollector
    {
        private readonly ConsentModel model;
        private readonly ISymbol owner;
        private readonly object gate = new();
        private readonly List<Site> storedDecisions = new();
        private readonly HashSet<SyntaxNode> reportedDecisions = new();
        private bool hasDial;
        private bool hasPermit;

        public BlockCollector(ConsentModel model, ISymbol owner)
        {
            this.model = model;
            this.owner = owner;
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (model.GetDialTarget(method) is not null)
            {
                hasDial = true;
            }

            if (model.IsPermit(method.ReturnType))
            {
                hasPermit = true;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { RefKind: RefKind.Out } parameter && model.IsPermit(parameter.Type))
                {
                    hasPermit = true;
                }
            }

            var producesDecision = model.IsDecision(method.ReturnType);
            if (!producesDecision && !ConsentModel.IsTryReserve(method) && !model.IsConsentCheck(method))
            {
                return;
            }

            var (consumer, child) = Consumer(invocation);
            if (consumer is IExpressionStatementOperation || consumer is ISimpleAssignmentOperation { Target: IDiscardOperation })
            {
                lock (gate)
                {
                    reportedDecisions.Add(invocation.Syntax);
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR0002ConsentDecisionIgnored, invocation.Syntax.GetLocation(), method.Name, "is discarded"));
                return;
            }

            if (!producesDecision)
            {
                return;
            }

            ILocalSymbol? local = consumer switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == child => target.Local,
                _ => null,
            };
            if (local is not null)
            {
                lock (gate)
                {
                    storedDecisions.Add(new Site(local, invocation.Syntax));
                }
            }
        }

        public void OnObjectCreation(OperationAnalysisContext context)
        {
            if (((IObjectCreationOperation)context.Operation).Constructor is { } constructor && model.GetDialTarget(constructor) is not null)
            {
                hasDial = true;
            }
        }

        public void OnPropertyReference(OperationAnalysisContext context)
        {
            if (model.GetDialTarget(((IPropertyReferenceOperation)context.Operation).Property) is not null)
            {
                hasDial = true;
            }
        }

        public void OnBlockEnd(OperationBlockAnalysisContext context)
        {
            var reported = new HashSet<(string, SyntaxNode)>();
            lock (gate)
            {
                foreach (var node in reportedDecisions)
                {
                    reported.Add((DiagnosticIds.ConsentDecisionIgnored, node));
                }
            }

            ReportNeverRead(context, reported);
            if (!hasDial && !hasPermit)
            {
                return;
            }

            var reportDials = !model.IsConsentDelegated(owner);
            var analyzed = new HashSet<IOperation>();
            foreach (var block in context.OperationBlocks)
            {
                // A method's blocks may be given as its body block, whose graph is its parent's.
                var root = block;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                if (!HasGraph(root) || !analyzed.Add(root))
                {
                    continue;
                }

                var flow = new ConsentDataFlow(model, reportDials, context.CancellationToken);
                foreach (var finding in flow.Run(context.GetControlFlowGraph(block)))
                {
                    if (reported.Add(finding.Key))
                    {
                        context.ReportDiagnostic(finding.ToDiagnostic());
                    }
                }
            }
        }

        private void ReportNeverRead(OperationBlockAnalysisContext context, HashSet<(string, SyntaxNode)> reported)
        {
            Site[] stored;
            lock (gate)
            {
                stored = storedDecisions.ToArray();
            }

            if (stored.Length == 0)
            {
                return;
            }

            var read = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (operation is ILocalReferenceOperation { IsDeclaration: false } reference
                        && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                    {
                        read.Add(reference.Local);
                    }
                }
            }

            foreach (var site in stored)
            {
                if (!read.Contains(site.Variable) && reported.Add((DiagnosticIds.ConsentDecisionIgnored, site.Node)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR0002ConsentDecisionIgnored, site.Node.GetLocation(), CallName(site.Node), "is never read"));
                }
            }
        }

        private static string CallName(SyntaxNode node)
            => node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access }
                ? access.Name.Identifier.ValueText
                : node.ToString();

        /// <summary>The operation that consumes the invocation's value, past awaits and conversions.</summary>
        private static (IOperation? Consumer, IOperation Child) Consumer(IOperation operation)
        {
            var child = operation;
            var parent = operation.Parent;
            while (parent is IAwaitOperation or IConversionOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            return (parent, child);
        }

        private static bool HasGraph(IOperation block)
            => block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;
    }
}
