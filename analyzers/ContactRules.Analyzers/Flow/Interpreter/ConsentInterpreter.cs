using System;
using System.Linq;
using System.Runtime.CompilerServices;
using ContactRules.Analyzers.Flow.Engine;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Flow.Rules;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// The meaning of operations for consent: who a value is about, what a successful check proves,
/// which permits are open, which decisions are unread. It turns one basic block and its entry
/// state into the states on its edges (for <see cref="GraphSolver"/>), and tells the
/// <see cref="IFlowRules"/> what happens in the fixed point (see <see cref="Run"/>).
/// </summary>
/// <remarks>
/// This file holds the walk; the other parts hold variables, conditions, calls, permits and
/// sequences.
/// </remarks>
internal sealed partial class ConsentInterpreter : IBlockTransfer
{
    private readonly ConsentModel model;
    private readonly ILambdaHost host;
    private readonly IFlowRules? rules;

    // Keyed as the state's values are (see KeyComparer): a symbol's own hash is its identity's,
    // which the runtime computes slowly for a symbol the compiler has locked; with the symbols'
    // equality hashing that was about a sixth of the walk on the dial-heavy benchmark.
    private readonly System.Collections.Generic.Dictionary<object, AbstractValue> unassigned = new(KeyComparer.Instance);
    private FlowState state = FlowState.Initial();
    private ControlFlowGraph? graph;
    private bool replaying;
    private Action<FlowState, AbstractValue>? onReturn;

    /// <param name="model">What is a dial, a check, a decision in this compilation.</param>
    /// <param name="host">Who analyses lambdas and local functions.</param>
    /// <param name="rules">Who is told of contacts and exits in the replay; null when only the values matter (a lambda's summary).</param>
    public ConsentInterpreter(ConsentModel model, ILambdaHost host, IFlowRules? rules)
    {
        this.model = model;
        this.host = host;
        this.rules = rules;
    }

    public BlockOutcome Transfer(ControlFlowGraph graph, BasicBlock block, FlowState incoming)
    {
        this.graph = graph;
        if (block.Kind == BasicBlockKind.Exit && replaying)
        {
            rules?.OnExit(incoming);
        }

        state = incoming.Clone();
        foreach (var operation in block.Operations)
        {
            Eval(operation);
        }

        if (block.BranchValue is null)
        {
            return new BlockOutcome(state, null, state);
        }

        var branch = Eval(block.BranchValue);
        if (replaying && onReturn is not null && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
        {
            onReturn(state, branch);
        }

        if (block.ConditionKind == ControlFlowConditionKind.None)
        {
            return new BlockOutcome(state, null, state);
        }

        var conditionalWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        return new BlockOutcome(state, Apply(state, branch, conditionalWhen), Apply(state, branch, !conditionalWhen));
    }

    /// <summary>
    /// Analyses <paramref name="graph"/> from <paramref name="entry"/>, telling the rules of
    /// contacts and exits, the host of lambdas and local functions, and
    /// <paramref name="returned"/> of each value returned, as they are in the fixed point: an
    /// acyclic graph in its single round, any other in one more pass once it has converged.
    /// </summary>
    public void Run(GraphSolver solver, ControlFlowGraph graph, FlowState entry, Action<FlowState, AbstractValue>? returned, System.Threading.CancellationToken cancellationToken)
    {
        var acyclic = GraphSolver.IsAcyclic(graph);
        replaying = acyclic;
        onReturn = acyclic ? returned : null;
        FlowState?[]? inStates;
        try
        {
            inStates = solver.Solve(graph, entry, this, cancellationToken);
        }
        finally
        {
            replaying = false;
            onReturn = null;
        }

        if (acyclic || inStates is null)
        {
            return;
        }

        replaying = true;
        onReturn = returned;
        try
        {
            var blocks = graph.Blocks;
            for (var i = 0; i < blocks.Length; i++)
            {
                if (inStates[i] is { } incoming)
                {
                    Transfer(graph, blocks[i], incoming);
                }
            }
        }
        finally
        {
            replaying = false;
            onReturn = null;
        }
    }

    /// <summary>
    /// The replay of a block with no evidence of consent anywhere (see
    /// <see cref="ConsentDataFlow.RunWithoutEvidence"/>): the operation tree in order, with the
    /// initial state throughout.
    /// </summary>
    public void ReplayTree(IOperation root)
    {
        replaying = true;
        graph = null;
        state = FlowState.Initial();
        try
        {
            Eval(root);
        }
        finally
        {
            replaying = false;
        }
    }

    /// <summary>The state on the edge where <paramref name="condition"/> evaluated to <paramref name="truth"/>; null when it cannot.</summary>
    [MethodImpl(Jit.Optimized)]
    private static FlowState? Apply(FlowState from, AbstractValue condition, bool truth)
    {
        var facts = truth ? condition.WhenTrue : condition.WhenFalse;
        if (facts is null)
        {
            return null;
        }

        var nulls = truth ? condition.NullWhenTrue : condition.NullWhenFalse;
        var newFacts = facts.Count > 0 && !facts.IsSubsetOf(from.Consented);
        if (!newFacts && (nulls.Count == 0 || from.OpenPermits.Count == 0))
        {
            return from;
        }

        var result = from.Clone();
        if (newFacts)
        {
            result.Consented = Sets.Union(result.Consented, facts);
            result.Stale = Sets.NoKeys;
        }

        if (nulls.Count > 0)
        {
            result.OpenPermits = result.OpenPermits.RemoveWhere(s => nulls.Contains(s.Variable));
        }

        return result;
    }

    private AbstractValue Eval(IOperation? operation)
    {
        if (operation is null)
        {
            return AbstractValue.Empty;
        }

        var kind = operation.Kind;
        if (kind == OperationKind.Literal)
        {
            // A literal number, string or null is nobody in particular. Only a bool's constant is
            // read: a string literal's is a string built again at each read.
            return operation.Type?.SpecialType != SpecialType.System_Boolean ? AbstractValue.Empty
                : operation.ConstantValue is { HasValue: true, Value: bool constant } ? (constant ? AbstractValue.True : AbstractValue.False)
                : AbstractValue.Empty;
        }

        if (operation.ConstantValue is { HasValue: true, Value: not bool })
        {
            // An enum constant, a constant field: nobody in particular.
            return AbstractValue.Empty;
        }

        // On the operation's kind, then one cast: a switch on the interfaces would test them one
        // after the other (an interface cast each) for every operation.
        switch (kind)
        {
            case OperationKind.Conversion:
                return Eval(((IConversionOperation)operation).Operand);
            case OperationKind.Argument:
                return Eval(((IArgumentOperation)operation).Value);
            case OperationKind.LocalReference:
                return ReadVariable(((ILocalReferenceOperation)operation).Local, operation);
            case OperationKind.ParameterReference:
                return ReadVariable(((IParameterReferenceOperation)operation).Parameter, operation);
            case OperationKind.FlowCaptureReference:
                return ReadCapture((IFlowCaptureReferenceOperation)operation);
            case OperationKind.FlowCapture:
                {
                    var capture = (IFlowCaptureOperation)operation;
                    var value = Eval(capture.Value);
                    var stored = value.Stored(state.Consented, capture.Value.Type?.SpecialType == SpecialType.System_Boolean) with { Alias = value.Alias };
                    state.Values = state.Values.SetItem(capture.Id, stored);
                    return AbstractValue.Empty;
                }

            case OperationKind.FieldReference:
                return ReadField((IFieldReferenceOperation)operation);
            case OperationKind.PropertyReference:
                return ReadProperty((IPropertyReferenceOperation)operation);
            case OperationKind.ArrayElementReference:
                {
                    var element = (IArrayElementReferenceOperation)operation;
                    var array = Eval(element.ArrayReference);
                    foreach (var index in element.Indices)
                    {
                        Eval(index);
                    }

                    return Extract(element.Syntax, array, element.Indices.Length == 1 ? element.Indices[0] : null);
                }

            case OperationKind.SimpleAssignment:
                {
                    var assignment = (ISimpleAssignmentOperation)operation;
                    var value = Eval(assignment.Value);
                    AssignTo(assignment.Target, value);
                    return value with { Alias = null };
                }

            case OperationKind.CompoundAssignment:
                {
                    var compound = (ICompoundAssignmentOperation)operation;
                    var value = Eval(compound.Value);
                    var target = Eval(compound.Target);
                    AssignTo(compound.Target, AbstractValue.FromRoots(Sets.Union(value.Roots, target.Roots)));
                    return AbstractValue.Empty;
                }

            case OperationKind.Increment or OperationKind.Decrement:
                {
                    var increment = (IIncrementOrDecrementOperation)operation;
                    Eval(increment.Target);
                    AssignTo(increment.Target, AbstractValue.Empty);
                    return AbstractValue.Empty;
                }

            case OperationKind.DeconstructionAssignment:
                {
                    var deconstruction = (IDeconstructionAssignmentOperation)operation;
                    Deconstruct(deconstruction.Target, Eval(deconstruction.Value));
                    return AbstractValue.Empty;
                }

            case OperationKind.Tuple:
                return Tuple((ITupleOperation)operation);
            case OperationKind.Unary when ((IUnaryOperation)operation).OperatorKind == UnaryOperatorKind.Not:
                return Eval(((IUnaryOperation)operation).Operand).Negate();
            case OperationKind.Binary:
                return Binary((IBinaryOperation)operation);
            case OperationKind.IsPattern:
                {
                    var isPattern = (IIsPatternOperation)operation;
                    return Pattern(Eval(isPattern.Value), isPattern.Pattern);
                }

            case OperationKind.IsNull:
                {
                    var isNull = (IIsNullOperation)operation;
                    return IsNull(Eval(isNull.Operand), isNull.Operand.Type);
                }

            case OperationKind.Invocation:
                return Invoke((IInvocationOperation)operation);
            case OperationKind.ObjectCreation:
                return Create((IObjectCreationOperation)operation);
            case OperationKind.Await:
                return Eval(((IAwaitOperation)operation).Operation);
            case OperationKind.FlowAnonymousFunction:
                if (graph is not null)
                {
                    LambdaCreated(new LambdaCode(graph, (IFlowAnonymousFunctionOperation)operation));
                }

                return AbstractValue.Empty;
            case OperationKind.AnonymousFunction when walking:
                // The structured walk (see StructuredCode): the lambda's body is walked on its own.
                LambdaCreated(new LambdaCode((IAnonymousFunctionOperation)operation));
                return AbstractValue.Empty;
            case OperationKind.MethodReference when ((IMethodReferenceOperation)operation).Method.MethodKind == MethodKind.LocalFunction:
                {
                    var reference = (IMethodReferenceOperation)operation;
                    Eval(reference.Instance);
                    LocalFunctionCalled(reference.Method);
                    return AbstractValue.Empty;
                }

            case OperationKind.MethodReference when model.GetDialTarget(((IMethodReferenceOperation)operation).Method) is { } target:
                return MethodGroup((IMethodReferenceOperation)operation, target);
            case OperationKind.DelegateCreation:
                return Eval(((IDelegateCreationOperation)operation).Target);
            case OperationKind.VariableDeclarator when graph is null && ((IVariableDeclaratorOperation)operation).Initializer is { } initializer:
                {
                    // The tree replay (no graph): a local that is given a dial API's method group keeps it.
                    var value = Eval(initializer.Value);
                    if (value.Dials is not null)
                    {
                        StoreVariable(((IVariableDeclaratorOperation)operation).Symbol, value);
                    }

                    return value;
                }

            default:
                {
                    // Whom an unknown operation is about: whom its parts are about. One part that
                    // says only that is passed on as is, without a copy.
                    AbstractValue? single = null;
                    var roots = Sets.NoSubjects;
                    var channels = Channels.None;
                    DelegateDial? dials = null;
                    var parts = 0;
                    foreach (var child in operation.ChildOperations)
                    {
                        var value = Eval(child);
                        dials ??= value.Dials;
                        if (value.Roots.Count == 0 && value.Channels == Channels.None)
                        {
                            continue;
                        }

                        parts++;
                        single = value;
                        roots = Sets.Union(roots, value.Roots);
                        channels |= value.Channels;
                    }

                    // A choice between method groups (c ? sms.SendAsync : other) may be a dial API's.
                    return dials is not null ? new AbstractValue { Roots = roots, Channels = channels, Dials = dials }
                        : parts == 0 ? AbstractValue.Empty
                        : parts == 1 && single!.IsPlain ? single
                        : new AbstractValue { Roots = roots, Channels = channels };
                }
        }
    }
}
