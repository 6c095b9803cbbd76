using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using ContactRules.Analyzers.Flow;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Flow.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers;

/// <summary>
/// CR0001, CR0002, CR0003, CR0005, CR0006 and CR0007 (and CR1003 for the exemptions they
/// read): one analyzer because the rules read the same control-flow analysis.
/// </summary>
/// <remarks>
/// Cost model: the ContactRules types and configured dial APIs are resolved once per compilation,
/// and nothing is registered when the compilation can contact nobody. Every invocation then costs
/// one identity-keyed cache lookup of its method's <see cref="CallFacts"/>; only a code block that
/// contains a dial, a permit, a decision or a consent check is walked, and only a block with a
/// dial or a permit is analysed for consent: on its operation tree when it is structured (see
/// <see cref="StructuredCode"/>), else on its control-flow graph.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsentFlowAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Set by the tests: every structured block (see <see cref="StructuredCode"/>) is also analysed
    /// on its control-flow graph, and a difference in findings fails the analyzer.
    /// </summary>
    internal static volatile bool CompareWithGraph;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CR0001DialWithoutConsent,
        Descriptors.CR0002ConsentDecisionIgnored,
        Descriptors.CR0003ConsentForOtherContact,
        Descriptors.CR0005PermitNotCompleted,
        Descriptors.CR0006ConsentForOtherChannel,
        Descriptors.CR0007RequestedContact,
        Descriptors.CR1003InvalidRequestedContact);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Generated code is skipped by the actions themselves (context.IsGeneratedCode, which the
        // driver knows from the file and the [GeneratedCode] attributes before it calls them): with
        // GeneratedCodeAnalysisFlags.None the driver would also check every reported diagnostic's
        // location by scanning its whole file for a GeneratedCode identifier, a cost charged to
        // this analyzer in every file it reports in.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var model = ConsentModel.For(start.Compilation, start.Options, start.CancellationToken);
            if (!model.IsEnabled)
            {
                return;
            }

            var analyzer = new CompilationAnalyzer(model);
            start.RegisterOperationAction(analyzer.OnInvocation, OperationKind.Invocation);
            if (model.ConstructorTargetsPossible)
            {
                start.RegisterOperationAction(analyzer.OnObjectCreation, OperationKind.ObjectCreation);
            }

            start.RegisterOperationAction(analyzer.OnMethodReference, OperationKind.MethodReference);
            if (model.MarkedPropertiesPossible)
            {
                start.RegisterOperationAction(analyzer.OnPropertyReference, OperationKind.PropertyReference);
            }
        });
    }

    /// <summary>
    /// The per-compilation state: candidates are found by cheap operation actions, and each code
    /// block (the root of the operation tree, the unit of a control-flow graph) that contains one
    /// is analysed once, by whichever candidate is seen first.
    /// </summary>
    private sealed class CompilationAnalyzer
    {
        private static int lastId;

        /// <summary>
        /// The block this thread last found analysed or claimed, and whose analyzer (<see cref="id"/>)
        /// it was: a syntax node, which keeps its tree alive but no compilation.
        /// </summary>
        [System.ThreadStatic]
        private static SyntaxNode? lastBlock;

        [System.ThreadStatic]
        private static int lastOwner;

        private readonly ConsentModel model;
        // Sized for a large project from the start: growing it takes every lock of the table while
        // the build's other threads wait to add theirs.
        private readonly ConcurrentDictionary<SyntaxNode, bool> analyzedBlocks = new(concurrencyLevel: 64, capacity: 4096);

        /// <summary>This analyzer's number, for <see cref="lastOwner"/> (a reference would keep the compilation alive).</summary>
        private readonly int id = Interlocked.Increment(ref lastId);

        public CompilationAnalyzer(ConsentModel model)
        {
            this.model = model;
        }

        [MethodImpl(Jit.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            if (context.IsGeneratedCode)
            {
                return;
            }

            if (model.GetCallFacts(((IInvocationOperation)context.Operation).TargetMethod) != CallFacts.None)
            {
                AnalyzeBlockOnce(context);
            }
        }

        public void OnObjectCreation(OperationAnalysisContext context)
        {
            if (context.IsGeneratedCode)
            {
                return;
            }

            if (((IObjectCreationOperation)context.Operation).Constructor is { } constructor && model.GetDialTarget(constructor) is not null)
            {
                AnalyzeBlockOnce(context);
            }
        }

        /// <summary>A dial API's method group (<c>numbers.ForEach(dialer.Dial)</c>): calling the delegate dials.</summary>
        public void OnMethodReference(OperationAnalysisContext context)
        {
            if (model.GetDialTarget(((IMethodReferenceOperation)context.Operation).Method) is not null)
            {
                AnalyzeBlockOnce(context);
            }
        }

        public void OnPropertyReference(OperationAnalysisContext context)
        {
            if (context.IsGeneratedCode)
            {
                return;
            }

            if (model.GetDialTarget(((IPropertyReferenceOperation)context.Operation).Property) is not null)
            {
                AnalyzeBlockOnce(context);
            }
        }

        private void AnalyzeBlockOnce(OperationAnalysisContext context)
        {
            var root = context.Operation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            // The driver runs a block's actions one after the other on one thread: the block this
            // thread last claimed answers for the block's later candidates without the table.
            var block = root.Syntax;
            if (ReferenceEquals(lastBlock, block) && lastOwner == id)
            {
                return;
            }

            // A lookup first: adding takes a lock even when the block is there, and every
            // candidate of a block after the first finds it there.
            var claimed = !analyzedBlocks.ContainsKey(block) && analyzedBlocks.TryAdd(block, true);
            lastBlock = block;
            lastOwner = id;
            if (claimed)
            {
                new BlockAnalysis(model, context.ContainingSymbol, root).Run(context);
            }
        }
    }

    /// <summary>One code block that contains a candidate: one walk to collect, then the rules.</summary>
    private sealed class BlockAnalysis
    {
        private readonly ConsentModel model;
        private readonly ISymbol owner;
        private readonly IOperation root;
        private static readonly ISet<SyntaxNode> NoFunctions = ImmutableHashSet<SyntaxNode>.Empty;

        /// <summary>The scan's stack, one per thread: a block's scan runs to its end before another starts on the thread.</summary>
        [System.ThreadStatic]
        private static Stack<IOperation.OperationList.Enumerator>? scanStack;

        // The sets and lists below are made when first needed: most blocks fill few of them.
        private List<Site>? storedDecisions;
        // Keyed as the analysis keys variables (a name's hash, the symbols' equality): a symbol's
        // own hash is its identity's, which the runtime computes slowly for a symbol the compiler
        // has locked.
        private HashSet<object>? read;
        private HashSet<(string Id, SyntaxNode Node)>? reported;
        private HashSet<SyntaxNode>? contactingFunctions;
        private bool hasDial;
        private bool hasPermit;
        private bool hasEvidence;
        private bool marketing;

        public BlockAnalysis(ConsentModel model, ISymbol owner, IOperation root)
        {
            this.model = model;
            this.owner = owner;
            this.root = root;
        }

        public void Run(OperationAnalysisContext context)
        {
            bool structured;
            var pending = scanStack ??= new Stack<IOperation.OperationList.Enumerator>(32);
            pending.Clear();
            try
            {
                structured = Scan(context, pending);
            }
            finally
            {
                // Left filled only by an exception: it would hold this block's operations, and
                // through them its compilation, until the thread's next scan.
                pending.Clear();
            }

            ReportNeverRead(context);
            if ((!hasDial && !hasPermit) || !HasGraph(root))
            {
                return;
            }

            var delegated = model.IsConsentDelegated(owner);
            var exemption = ValidExemption(context, delegated);
            if (delegated && !hasPermit)
            {
                // A wrapper's dials are its callers' business, and it holds no permit to complete.
                return;
            }

            Findings findings;
            if (!hasEvidence)
            {
                // No check, decision or permit anywhere in the block: no path can hold consent, so
                // the control-flow graph would say what one walk of the tree says.
                findings = new Findings();
                Flow(context, findings, delegated, exemption).RunWithoutEvidence(root);
            }
            else if (structured && Walk(context, delegated, exemption) is { } walked)
            {
                findings = walked;
                if (CompareWithGraph)
                {
                    CompareFindings(context, delegated, exemption, findings);
                }
            }
            else
            {
                findings = OnGraph(context, delegated, exemption);
            }

            foreach (var finding in findings.All)
            {
                if (FirstReport(finding.Descriptor.Id, finding.Node))
                {
                    context.ReportDiagnostic(finding.ToDiagnostic());
                }
            }
        }

        /// <summary>
        /// The tree in pre-order (as DescendantsAndSelf, without its iterator), on a stack of
        /// child enumerators: a long expression nests deeper than recursion should. Collects the
        /// block's candidates, reads and discarded decisions; true when the block is structured.
        /// </summary>
        private bool Scan(OperationAnalysisContext context, Stack<IOperation.OperationList.Enumerator> pending)
        {
            var structured = StructuredCode.IsRoot(root);
            var operation = root;
            while (true)
            {
                structured = structured && StructuredCode.Allows(operation);
                // On the operation's kind, then one cast (an interface test per case otherwise).
                switch (operation.Kind)
                {
                    case OperationKind.Invocation:
                        OnInvocation(context, (IInvocationOperation)operation);
                        break;
                    case OperationKind.ObjectCreation when ((IObjectCreationOperation)operation).Constructor is { } constructor && model.GetDialTarget(constructor) is not null:
                        Contacts(operation);
                        break;
                    case OperationKind.MethodReference when model.GetDialTarget(((IMethodReferenceOperation)operation).Method) is not null:
                        Contacts(operation);
                        break;
                    case OperationKind.PropertyReference when model.GetDialTarget(((IPropertyReferenceOperation)operation).Property) is not null:
                        Contacts(operation);
                        break;
                    case OperationKind.PropertyReference when model.GetCheckKind(((IPropertyReferenceOperation)operation).Property) != CheckKind.None:
                        hasEvidence = true;
                        break;
                    case OperationKind.LocalReference when operation is ILocalReferenceOperation { IsDeclaration: false } reference
                        && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference):
                        (read ??= new HashSet<object>(KeyComparer.Instance)).Add(reference.Local);
                        break;
                    case OperationKind.FieldReference when ((IFieldReferenceOperation)operation).Field is { Name: KnownNames.Marketing } field && KnownNames.IsContactRulesType(field.ContainingType, KnownNames.ContactPurpose):
                        marketing = true;
                        break;
                }

                pending.Push(operation.ChildOperations.GetEnumerator());
                IOperation? next = null;
                while (next is null && pending.Count > 0)
                {
                    var children = pending.Pop();
                    if (children.MoveNext())
                    {
                        next = children.Current;
                        pending.Push(children);
                    }
                }

                if (next is null)
                {
                    return structured;
                }

                operation = next;
            }
        }

        /// <summary>
        /// The check of <see cref="StructuredCode"/> that the tests run on every sample: the graph's
        /// findings for the same block must be the walk's, or the analyzer fails (AD0001).
        /// </summary>
        private void CompareFindings(OperationAnalysisContext context, bool delegated, Exemption? exemption, Findings walked)
        {
            var expected = Describe(OnGraph(context, delegated, exemption));
            var actual = Describe(walked);
            if (expected != actual)
            {
                throw new System.InvalidOperationException($"The structured walk of '{owner.Name}' found [{actual}] where the control-flow graph finds [{expected}].");
            }
        }

        /// <summary>The findings of the structured walk (see <see cref="StructuredCode"/>); null when it gave up.</summary>
        private Findings? Walk(OperationAnalysisContext context, bool delegated, Exemption? exemption)
        {
            var findings = new Findings();
            return Flow(context, findings, delegated, exemption).RunStructured(root) ? findings : null;
        }

        /// <summary>The findings of the analysis on the block's control-flow graph.</summary>
        private Findings OnGraph(OperationAnalysisContext context, bool delegated, Exemption? exemption)
        {
            var findings = new Findings();
            Flow(context, findings, delegated, exemption).Run(context.GetControlFlowGraph());
            return findings;
        }

        private ConsentDataFlow Flow(OperationAnalysisContext context, Findings findings, bool delegated, Exemption? exemption)
            => new(model, new ConsentRules(findings, model.Numbers, reportDials: !delegated, exemption), contactingFunctions ?? NoFunctions, context.CancellationToken);

        private static string Describe(Findings findings)
        {
            var all = new List<string>();
            foreach (var finding in findings.All)
            {
                all.Add(finding.Descriptor.Id + "@" + finding.Node.SpanStart + ":" + finding.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            all.Sort(System.StringComparer.Ordinal);
            return string.Join("; ", all);
        }

        /// <summary>A dial or a permit: it and the lambdas and local functions around it need the flow rules.</summary>
        private void Contacts(IOperation operation)
        {
            hasDial |= operation is not IInvocationOperation invocation || (model.GetCallFacts(invocation.TargetMethod) & CallFacts.Dial) != 0;
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation && !(contactingFunctions ??= new HashSet<SyntaxNode>()).Add(parent.Syntax))
                {
                    return;
                }
            }
        }

        /// <summary>
        /// The owner's <c>[RequestedContact]</c> declaration when it may exempt: it gives a reason,
        /// builds no marketing request, and is not itself a dial API (whose callers would then
        /// contact unchecked). A refused declaration is CR1003, and its contacts are checked.
        /// </summary>
        private Exemption? ValidExemption(OperationAnalysisContext context, bool delegated)
        {
            if (model.GetExemption(owner) is not { } exemption)
            {
                return null;
            }

            string? refusal = exemption.Reason.Length == 0 ? "it gives no reason"
                : marketing ? "the method builds a ContactPurpose.Marketing request"
                : delegated ? "the method is itself a dial API or [RequiresConsent]: its callers would contact without a check"
                : null;
            if (refusal is null)
            {
                return exemption;
            }

            var node = exemption.Syntax ?? root.Syntax;
            if (FirstReport(DiagnosticIds.InvalidRequestedContact, node))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR1003InvalidRequestedContact, node.GetLocation(), owner.Name, refusal));
            }

            return null;
        }

        private void OnInvocation(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var facts = model.GetCallFacts(method);
            if ((facts & CallFacts.Dial) != 0)
            {
                Contacts(invocation);
            }

            if ((facts & CallFacts.Permit) != 0)
            {
                hasPermit = true;
                Contacts(invocation);
            }

            hasEvidence |= (facts & (CallFacts.Decision | CallFacts.Check | CallFacts.Permit)) != 0;
            if ((facts & (CallFacts.Decision | CallFacts.Check)) == 0)
            {
                return;
            }

            if (model.GetCheckKind(method) == CheckKind.Guard)
            {
                // A guard is called for its throw: a statement is how it is used.
                return;
            }

            var (consumer, child) = Consumer(invocation);
            if (consumer is IExpressionStatementOperation || consumer is ISimpleAssignmentOperation { Target: IDiscardOperation })
            {
                FirstReport(DiagnosticIds.ConsentDecisionIgnored, invocation.Syntax);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR0002ConsentDecisionIgnored, invocation.Syntax.GetLocation(), method.Name, "is discarded"));
                return;
            }

            if (!model.IsDecision(method.ReturnType))
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
                (storedDecisions ??= new List<Site>()).Add(new Site(local, invocation.Syntax));
            }
        }

        private void ReportNeverRead(OperationAnalysisContext context)
        {
            if (storedDecisions is null)
            {
                return;
            }

            foreach (var site in storedDecisions)
            {
                if (!(read?.Contains(site.Variable) ?? false) && FirstReport(DiagnosticIds.ConsentDecisionIgnored, site.Node))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CR0002ConsentDecisionIgnored, site.Node.GetLocation(), CallNames.Of(site.Node), "is never read"));
                }
            }
        }

        /// <summary>The operation that consumes the invocation's value, past awaits and conversions.</summary>
        private static (IOperation? Consumer, IOperation Child) Consumer(IOperation operation)
        {
            var child = operation;
            var parent = operation.Parent;
            while (parent is IAwaitOperation or IConversionOperation
                   || (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } plumbing && plumbing.Instance == child))
            {
                child = parent;
                parent = parent.Parent;
            }

            return (parent, child);
        }

        /// <summary>True the first time a diagnostic <paramref name="id"/> is reported at <paramref name="node"/> in this block.</summary>
        private bool FirstReport(string id, SyntaxNode node) => (reported ??= FindingKey.NewSet()).Add((id, node));

        private static bool HasGraph(IOperation block)
            => block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;
    }
}
