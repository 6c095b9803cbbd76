using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow;

/// <summary>
/// The forward must-analysis of one operation block over Roslyn's control-flow graph, in the
/// manner of CA1416 and ILLink's feature guards: a recognised consent check adds its contact to
/// the consented set only on the edge where it succeeded; paths meet by intersection; facts
/// about a variable die when it is assigned. Lambdas and local functions are analysed with their
/// own graphs, starting from the facts that hold where the lambda is created or the local
/// function is called.
/// </summary>
/// <remarks>
/// Exceptional flow is approximated: a catch or finally starts from what holds everywhere in its
/// try block, and a path that leaves through a finally keeps only what the finally's exit keeps.
/// A graph that does not converge within <see cref="MaxRounds"/> reports nothing: silence beats
/// a guess.
/// </remarks>
internal sealed class ConsentDataFlow
{
    private const int MaxRounds = 40;
    private const int MaxContactText = 60;

    private readonly ConsentModel model;
    private readonly bool reportDials;
    private readonly CancellationToken cancellationToken;
    private readonly Dictionary<ControlFlowGraph, List<Finding>> findings = new();
    private readonly Dictionary<IMethodSymbol, FlowState> localFunctionEntries = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, ControlFlowGraph> localFunctionOwners = new(SymbolEqualityComparer.Default);
    private readonly Queue<(ControlFlowGraph Owner, IFlowAnonymousFunctionOperation Lambda, FlowState State)> pendingLambdas = new();

    private FlowState state = FlowState.Initial();
    private bool reporting;
    private List<Finding>? current;

    public ConsentDataFlow(ConsentModel model, bool reportDials, CancellationToken cancellationToken)
    {
        this.model = model;
        this.reportDials = reportDials;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Analyses <paramref name="graph"/> with its lambdas and local functions.</summary>
    public IEnumerable<Finding> Run(ControlFlowGraph graph)
    {
        AnalyzeGraph(graph, FlowState.Initial());
        DrainLambdas();

        // Local functions start from the meet of the states at their calls; a call found while
        // analysing another local function can narrow it, so iterate a bounded number of times.
        var analyzed = new Dictionary<IMethodSymbol, FlowState>(SymbolEqualityComparer.Default);
        for (var round = 0; round < 4; round++)
        {
            var any = false;
            foreach (var pair in localFunctionOwners.ToArray())
            {
                var entry = EntryOf(localFunctionEntries.TryGetValue(pair.Key, out var called) ? called : FlowState.Initial(), pair.Key.Parameters);
                if (analyzed.TryGetValue(pair.Key, out var previous) && previous.SameAs(entry))
                {
                    continue;
                }

                analyzed[pair.Key] = entry;
                any = true;
                AnalyzeGraph(pair.Value.GetLocalFunctionControlFlowGraph(pair.Key, cancellationToken), entry);
                DrainLambdas();
            }

            if (!any)
            {
                break;
            }
        }

        var seen = new HashSet<(string, SyntaxNode)>();
        foreach (var list in findings.Values)
        {
            foreach (var finding in list)
            {
                if (seen.Add(finding.Key))
                {
                    yield return finding;
                }
            }
        }
    }

    private static FlowState EntryOf(FlowState outer, ImmutableArray<IParameterSymbol> parameters)
    {
        var entry = outer.Clone();
        foreach (var parameter in parameters)
        {
            entry.Stale = entry.Stale.Add(parameter);
            entry.Consented = entry.Consented.Remove(parameter);
        }

        // Permits and decisions of the enclosing code are the enclosing code's business.
        entry.OpenPermits = FlowState.NoSites;
        entry.UnreadDecisions = FlowState.NoSites;
        return entry;
    }

    private void DrainLambdas()
    {
        while (pendingLambdas.Count > 0)
        {
            var (owner, lambda, created) = pendingLambdas.Dequeue();
            AnalyzeGraph(owner.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), EntryOf(created, lambda.Symbol.Parameters));
        }
    }

    private void AnalyzeGraph(ControlFlowGraph graph, FlowState entry)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var localFunction in graph.LocalFunctions)
        {
            localFunctionOwners[localFunction] = graph;
        }

        var blocks = graph.Blocks;
        var inStates = new FlowState?[blocks.Length];
        var outStates = new FlowState?[blocks.Length];
        var whenConditional = new FlowState?[blocks.Length];
        var whenFallThrough = new FlowState?[blocks.Length];
        var first = true;
        var converged = false;
        reporting = false;

        for (var round = 0; round < MaxRounds && !converged; round++)
        {
            converged = true;
            for (var i = 0; i < blocks.Length; i++)
            {
                var block = blocks[i];
                var incoming = i == 0 ? entry : null;
                foreach (var branch in block.Predecessors)
                {
                    var edge = branch.IsConditionalSuccessor ? whenConditional[branch.Source.Ordinal] : whenFallThrough[branch.Source.Ordinal];
                    if (edge is not null)
                    {
                        foreach (var region in branch.FinallyRegions)
                        {
                            edge = edge.ThroughFinally(FinallyExit(region, blocks, whenFallThrough), AssignedIn(region, blocks));
                        }

                        incoming = FlowState.Meet(incoming, edge);
                    }
                }

                if (HandlerEntered(block) is { } tryRegion)
                {
                    for (var t = tryRegion.FirstBlockOrdinal; t <= tryRegion.LastBlockOrdinal; t++)
                    {
                        incoming = FlowState.Meet(FlowState.Meet(incoming, inStates[t]), outStates[t]);
                    }
                }

                if (!first && (incoming is null ? inStates[i] is null : incoming.SameAs(inStates[i])))
                {
                    continue;
                }

                converged = false;
                inStates[i] = incoming;
                if (incoming is null)
                {
                    outStates[i] = whenConditional[i] = whenFallThrough[i] = null;
                    continue;
                }

                (outStates[i], whenConditional[i], whenFallThrough[i]) = Transfer(graph, block, incoming);
            }

            first = false;
        }

        if (!converged)
        {
            return;
        }

        var list = new List<Finding>();
        findings[graph] = list;
        current = list;
        reporting = true;
        try
        {
            for (var i = 0; i < blocks.Length; i++)
            {
                if (inStates[i] is { } incoming)
                {
                    if (blocks[i].Kind == BasicBlockKind.Exit)
                    {
                        foreach (var open in incoming.OpenPermits)
                        {
                            Report(Descriptors.CR0005PermitNotCompleted, open.Node, CallName(open.Node), "before the method ends");
                        }
                    }
                    else
                    {
                        Transfer(graph, blocks[i], incoming);
                    }
                }
            }
        }
        finally
        {
            reporting = false;
            current = null;
        }
    }

    /// <summary>For the first block of a catch, filter or finally: the try region whose states flow into it.</summary>
    private static ControlFlowRegion? HandlerEntered(BasicBlock block)
    {
        var region = block.EnclosingRegion;
        while (region is not null && region.FirstBlockOrdinal == block.Ordinal)
        {
            switch (region.Kind)
            {
                case ControlFlowRegionKind.Finally:
                case ControlFlowRegionKind.Filter:
                case ControlFlowRegionKind.Catch when region.EnclosingRegion?.Kind != ControlFlowRegionKind.FilterAndHandler:
                    var tryAnd = region.EnclosingRegion?.Kind == ControlFlowRegionKind.FilterAndHandler ? region.EnclosingRegion.EnclosingRegion : region.EnclosingRegion;
                    return tryAnd?.NestedRegions.FirstOrDefault(r => r.Kind == ControlFlowRegionKind.Try);
            }

            region = region.EnclosingRegion;
        }

        return null;
    }

    private readonly Dictionary<ControlFlowRegion, ImmutableHashSet<ISymbol>> assignedInRegion = new();

    /// <summary>The variables a region assigns anywhere: what a finally can kill on every path through it.</summary>
    private ImmutableHashSet<ISymbol> AssignedIn(ControlFlowRegion region, ImmutableArray<BasicBlock> blocks)
    {
        if (assignedInRegion.TryGetValue(region, out var known))
        {
            return known;
        }

        var assigned = Sets.Empty;
        for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal; i++)
        {
            foreach (var operation in blocks[i].Operations)
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    var target = descendant switch
                    {
                        IAssignmentOperation assignment => assignment.Target,
                        IIncrementOrDecrementOperation increment => increment.Target,
                        IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument => argument.Value,
                        _ => null,
                    };
                    var symbol = target switch
                    {
                        ILocalReferenceOperation l => (ISymbol)l.Local,
                        IParameterReferenceOperation p => p.Parameter,
                        IFieldReferenceOperation f => f.Field,
                        IPropertyReferenceOperation p => p.Property,
                        _ => null,
                    };
                    if (symbol is not null)
                    {
                        assigned = assigned.Add(symbol);
                    }
                }
            }
        }

        assignedInRegion[region] = assigned;
        return assigned;
    }

    private static FlowState? FinallyExit(ControlFlowRegion region, ImmutableArray<BasicBlock> blocks, FlowState?[] whenFallThrough)
    {
        FlowState? exit = null;
        for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal; i++)
        {
            if (blocks[i].FallThroughSuccessor is { Destination: null, Semantics: ControlFlowBranchSemantics.StructuredExceptionHandling })
            {
                exit = FlowState.Meet(exit, whenFallThrough[i]);
            }
        }

        return exit;
    }

    private (FlowState Out, FlowState? WhenConditional, FlowState? WhenFallThrough) Transfer(ControlFlowGraph graph, BasicBlock block, FlowState incoming)
    {
        state = incoming.Clone();
        currentGraph = graph;
        foreach (var operation in block.Operations)
        {
            Eval(operation);
        }

        if (block.BranchValue is null)
        {
            return (state, null, state);
        }

        var branch = Eval(block.BranchValue);
        if (block.ConditionKind == ControlFlowConditionKind.None)
        {
            return (state, null, state);
        }

        var conditionalWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        return (state, Apply(state, branch, conditionalWhen), Apply(state, branch, !conditionalWhen));
    }

    private ControlFlowGraph? currentGraph;

    /// <summary>The state on the edge where <paramref name="condition"/> evaluated to <paramref name="truth"/>; null when it cannot.</summary>
    private static FlowState? Apply(FlowState from, AbstractValue condition, bool truth)
    {
        var facts = truth ? condition.WhenTrue : condition.WhenFalse;
        if (facts is null)
        {
            return null;
        }

        var nulls = truth ? condition.NullWhenTrue : condition.NullWhenFalse;
        if ((facts.Count == 0 || facts.IsSubsetOf(from.Consented)) && (nulls.Count == 0 || from.OpenPermits.Count == 0))
        {
            return from;
        }

        var result = from.Clone();
        if (facts.Count > 0 && !facts.IsSubsetOf(from.Consented))
        {
            result.Consented = Sets.Union(result.Consented, facts);
            result.Stale = Sets.Empty;
        }

        if (nulls.Count > 0)
        {
            result.OpenPermits = result.OpenPermits.Except(result.OpenPermits.Where(s => nulls.Contains(s.Variable)));
        }

        return result;
    }

    private AbstractValue Eval(IOperation? operation)
    {
        switch (operation)
        {
            case null:
                return AbstractValue.Empty;
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: bool constant } }:
                return constant ? AbstractValue.True : AbstractValue.False;
            case IConversionOperation conversion:
                return Eval(conversion.Operand);
            case IArgumentOperation argument:
                return Eval(argument.Value);
            case ILocalReferenceOperation local:
                return ReadVariable(local.Local, local);
            case IParameterReferenceOperation parameter:
                return ReadVariable(parameter.Parameter, parameter);
            case IFlowCaptureReferenceOperation captureReference:
                return ReadCapture(captureReference);
            case IFlowCaptureOperation capture:
                {
                    var value = Eval(capture.Value);
                    var stored = value.Stored(state.Consented, capture.Value.Type?.SpecialType == SpecialType.System_Boolean).WithAlias(value.Alias);
                    state.Values = state.Values.SetItem(capture.Id, stored);
                    return AbstractValue.Empty;
                }

            case IFieldReferenceOperation field:
                return IsThisOrStatic(field.Instance) ? ReadVariable(field.Field, field) : AbstractValue.FromRoots(Eval(field.Instance).Roots);
            case IPropertyReferenceOperation property:
                return ReadProperty(property);
            case ISimpleAssignmentOperation assignment:
                {
                    var value = Eval(assignment.Value);
                    AssignTo(assignment.Target, value);
                    return AbstractValue.FromRoots(value.Roots);
                }

            case ICompoundAssignmentOperation compound:
                {
                    var value = Eval(compound.Value);
                    var target = Eval(compound.Target);
                    AssignTo(compound.Target, AbstractValue.FromRoots(Sets.Union(value.Roots, target.Roots)));
                    return AbstractValue.Empty;
                }

            case IIncrementOrDecrementOperation increment:
                Eval(increment.Target);
                AssignTo(increment.Target, AbstractValue.Empty);
                return AbstractValue.Empty;
            case IDeconstructionAssignmentOperation deconstruction:
                {
                    var value = Eval(deconstruction.Value);
                    foreach (var target in deconstruction.Target.DescendantsAndSelf())
                    {
                        if (target is ILocalReferenceOperation or IParameterReferenceOperation)
                        {
                            AssignTo(target, AbstractValue.FromRoots(value.Roots));
                        }
                    }

                    return AbstractValue.Empty;
                }

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Eval(not.Operand).Negate();
            case IBinaryOperation binary:
                return Binary(binary);
            case IIsPatternOperation isPattern:
                return Pattern(Eval(isPattern.Value), isPattern.Pattern);
            case IIsNullOperation isNull:
                {
                    var value = Eval(isNull.Operand);
                    return Condition(value.Roots, Sets.Empty, Sets.Empty, AliasSet(value), Sets.Empty);
                }

            case IInvocationOperation invocation:
                return Invoke(invocation);
            case IObjectCreationOperation creation:
                return Create(creation);
            case IAwaitOperation await:
                return Eval(await.Operation);
            case IFlowAnonymousFunctionOperation lambda:
                EscapeInto(lambda.Syntax);
                if (reporting && currentGraph is not null)
                {
                    pendingLambdas.Enqueue((currentGraph, lambda, state.Clone()));
                }

                return AbstractValue.Empty;
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                Eval(reference.Instance);
                CalledLocalFunction(reference.Method);
                return AbstractValue.Empty;
            default:
                {
                    var roots = Sets.Empty;
                    foreach (var child in operation.ChildOperations)
                    {
                        roots = Sets.Union(roots, Eval(child).Roots);
                    }

                    return AbstractValue.FromRoots(roots);
                }
        }
    }

    private static AbstractValue Condition(ImmutableHashSet<ISymbol> roots, ImmutableHashSet<ISymbol>? whenTrue, ImmutableHashSet<ISymbol>? whenFalse, ImmutableHashSet<ISymbol> nullWhenTrue, ImmutableHashSet<ISymbol> nullWhenFalse)
        => new(roots, whenTrue, whenFalse, null, nullWhenTrue, nullWhenFalse, null, null);

    private static ImmutableHashSet<ISymbol> AliasSet(AbstractValue value) => value.Alias is null ? Sets.Empty : Sets.Of(value.Alias);

    private static bool IsThisOrStatic(IOperation? instance)
        => instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private AbstractValue ReadVariable(ISymbol variable, IOperation reference)
    {
        if (state.UnreadDecisions.Count > 0)
        {
            MarkRead(variable);
        }

        if (variable is ILocalSymbol && model.IsPermit(TypeOf(variable)))
        {
            UsePermit(variable, reference);
        }

        var roots = Sets.Of(variable);
        if (state.Values.TryGetValue(variable, out var known))
        {
            return known.WithRoots(Sets.Union(known.Roots, roots)).WithAlias(variable);
        }

        return AbstractValue.FromRoots(roots).WithAlias(variable);
    }

    private AbstractValue ReadCapture(IFlowCaptureReferenceOperation reference)
    {
        if (!state.Values.TryGetValue(reference.Id, out var value))
        {
            return AbstractValue.Empty;
        }

        if (value.Alias is ILocalSymbol alias && model.IsPermit(alias.Type))
        {
            UsePermit(alias, reference);
        }

        return value;
    }

    private void MarkRead(ISymbol variable)
    {
        var read = state.UnreadDecisions.Where(s => SymbolEqualityComparer.Default.Equals(s.Variable, variable)).ToArray();
        if (read.Length > 0)
        {
            state.UnreadDecisions = state.UnreadDecisions.Except(read);
        }
    }

    /// <summary>
    /// A permit that leaves the method's hands (passed to a method that is not a dial API, stored,
    /// returned, captured) is the receiver's to complete: it is no longer tracked.
    /// </summary>
    private void UsePermit(ISymbol variable, IOperation reference)
    {
        if (state.OpenPermits.Count == 0)
        {
            return;
        }

        var child = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation invocation when invocation.Instance == child:
            case IMemberReferenceOperation member when member.Instance == child:
            case IIsNullOperation:
            case IBinaryOperation:
            case IIsPatternOperation:
            case IFlowCaptureOperation:
            case IExpressionStatementOperation:
            case IArgumentOperation { Parent: IInvocationOperation dial } when model.GetDialTarget(dial.TargetMethod) is not null:
            case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } } when model.GetDialTarget(constructor) is not null:
                return;
            default:
                Close(variable);
                return;
        }
    }

    private void Close(ISymbol variable)
    {
        var closed = state.OpenPermits.Where(s => SymbolEqualityComparer.Default.Equals(s.Variable, variable)).ToArray();
        if (closed.Length > 0)
        {
            state.OpenPermits = state.OpenPermits.Except(closed);
        }
    }

    private void OpenPermit(ISymbol variable, SyntaxNode site)
    {
        var previous = state.OpenPermits.Where(s => SymbolEqualityComparer.Default.Equals(s.Variable, variable)).ToArray();
        foreach (var open in previous)
        {
            if (open.Node != site)
            {
                Report(Descriptors.CR0005PermitNotCompleted, open.Node, CallName(open.Node), "before it is obtained again");
            }
        }

        state.OpenPermits = state.OpenPermits.Except(previous).Add(new Site(variable, site));
    }

    /// <summary>Permits referenced inside a lambda escape into it; decisions read there count as read.</summary>
    private void EscapeInto(SyntaxNode body)
    {
        if (state.OpenPermits.Count == 0 && state.UnreadDecisions.Count == 0)
        {
            return;
        }

        var names = new HashSet<string>(body.DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        foreach (var open in state.OpenPermits.ToArray())
        {
            if (names.Contains(open.Variable.Name))
            {
                Close(open.Variable);
            }
        }

        foreach (var unread in state.UnreadDecisions.ToArray())
        {
            if (names.Contains(unread.Variable.Name))
            {
                MarkRead(unread.Variable);
            }
        }
    }

    private void CalledLocalFunction(IMethodSymbol method)
    {
        if (!reporting)
        {
            return;
        }

        var definition = method.OriginalDefinition;
        localFunctionEntries[definition] = localFunctionEntries.TryGetValue(definition, out var known)
            ? FlowState.Meet(known, state.Clone())!
            : state.Clone();
    }

    private AbstractValue ReadProperty(IPropertyReferenceOperation property)
    {
        var symbol = property.Property;
        if (ConsentModel.IsIsAllowed(symbol))
        {
            var decision = Eval(property.Instance);
            return Condition(decision.Roots, decision.Decision ?? Sets.Empty, Sets.Empty, Sets.Empty, Sets.Empty);
        }

        if (model.IsConsentCheck(symbol))
        {
            var owner = Eval(property.Instance);
            return Condition(owner.Roots, owner.Roots, Sets.Empty, Sets.Empty, Sets.Empty);
        }

        if (model.GetDialTarget(symbol) is { } target)
        {
            var receiver = Eval(property.Instance);
            CheckDial(property, target, receiver, ImmutableArray<IArgumentOperation>.Empty, System.Array.Empty<AbstractValue>(), symbol.ContainingType.Name + "." + symbol.Name);
            return AbstractValue.FromRoots(receiver.Roots);
        }

        if (property.Arguments.Length > 0)
        {
            var roots = Eval(property.Instance).Roots;
            foreach (var argument in property.Arguments)
            {
                roots = Sets.Union(roots, Eval(argument).Roots);
            }

            return AbstractValue.FromRoots(roots);
        }

        return IsThisOrStatic(property.Instance) ? ReadVariable(symbol, property) : AbstractValue.FromRoots(Eval(property.Instance).Roots);
    }

    private void AssignTo(IOperation target, AbstractValue value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                StoreVariable(local.Local, value);
                return;
            case IParameterReferenceOperation parameter:
                StoreVariable(parameter.Parameter, value);
                return;
            case IFieldReferenceOperation field when IsThisOrStatic(field.Instance):
                StoreVariable(field.Field, value);
                return;
            case IPropertyReferenceOperation property when property.Arguments.Length == 0 && IsThisOrStatic(property.Instance):
                if (model.GetDialTarget(property.Property) is { } setterTarget)
                {
                    CheckDial(property, setterTarget, AbstractValue.Empty, ImmutableArray<IArgumentOperation>.Empty, System.Array.Empty<AbstractValue>(), property.Property.ContainingType.Name + "." + property.Property.Name);
                }

                StoreVariable(property.Property, value);
                return;
            case IMemberReferenceOperation member:
                {
                    // A member of another object: that object now carries the value's identity too.
                    var owner = Eval(member.Instance);
                    if (member is IPropertyReferenceOperation { Property: var p } && model.GetDialTarget(p) is { } memberTarget)
                    {
                        CheckDial(member, memberTarget, owner, ImmutableArray<IArgumentOperation>.Empty, System.Array.Empty<AbstractValue>(), p.ContainingType.Name + "." + p.Name);
                    }

                    Enrich(owner, value.Roots);
                    return;
                }

            case IDiscardOperation:
                return;
            default:
                {
                    var owner = AbstractValue.Empty;
                    foreach (var child in target.ChildOperations)
                    {
                        var evaluated = Eval(child);
                        if (owner.Alias is null)
                        {
                            owner = evaluated;
                        }
                    }

                    Enrich(owner, value.Roots);
                    return;
                }
        }
    }

    /// <summary><c>options.To = c.Phone</c>: the options now derive from <c>c</c> as well.</summary>
    private void Enrich(AbstractValue owner, ImmutableHashSet<ISymbol> roots)
    {
        if (roots.Count == 0 || owner.Alias is null)
        {
            return;
        }

        var key = (object)owner.Alias;
        var known = state.Values.TryGetValue(key, out var value) ? value : AbstractValue.Empty;
        state.Values = state.Values.SetItem(key, known.WithRoots(Sets.Union(known.Roots, roots)));
    }

    private void StoreVariable(ISymbol variable, AbstractValue value)
    {
        Kill(variable);
        var type = TypeOf(variable);
        var stored = value.Without(variable).Stored(state.Consented, type?.SpecialType == SpecialType.System_Boolean);
        if (stored.Alias is not null)
        {
            stored = stored.WithAlias(null);
        }

        state.Values = state.Values.SetItem(variable, stored);
        if (variable is ILocalSymbol && value.Site is { } site)
        {
            if (value.Decision is null && model.IsPermit(type))
            {
                OpenPermit(variable, site);
            }
            else if (value.Decision is not null && model.IsDecision(type))
            {
                state.UnreadDecisions = state.UnreadDecisions.Add(new Site(variable, site));
            }
        }
    }

    /// <summary>The variable gets a new value: what was known of the old one dies.</summary>
    private void Kill(ISymbol variable)
    {
        var wasConsented = state.Consented.Contains(variable);
        var consented = state.Consented.Remove(variable);
        ImmutableDictionary<object, AbstractValue>.Builder? values = null;
        foreach (var entry in state.Values)
        {
            if (!entry.Value.Mentions(variable))
            {
                continue;
            }

            values ??= state.Values.ToBuilder();

            // What was derived from a consented contact stays consented after the contact moves on.
            if (wasConsented && entry.Key is ISymbol derived && entry.Value.Roots.Contains(variable) && !SymbolEqualityComparer.Default.Equals(derived, variable))
            {
                consented = consented.Add(derived);
            }

            values[entry.Key] = entry.Value.Without(variable);
        }

        if (values is not null)
        {
            values.Remove(variable);
            state.Values = values.ToImmutable();
        }
        else if (state.Values.ContainsKey(variable))
        {
            state.Values = state.Values.Remove(variable);
        }

        state.Consented = consented;
        state.Stale = state.Stale.Add(variable);
        if (state.UnreadDecisions.Count > 0)
        {
            MarkRead(variable);
        }
    }

    private AbstractValue Binary(IBinaryOperation binary)
    {
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            var negate = binary.OperatorKind == BinaryOperatorKind.NotEquals;
            if (ConstantOf(binary.RightOperand) is { } right)
            {
                return Compare(Eval(binary.LeftOperand), right, negate);
            }

            if (ConstantOf(binary.LeftOperand) is { } left)
            {
                return Compare(Eval(binary.RightOperand), left, negate);
            }
        }

        var roots = Sets.Union(Eval(binary.LeftOperand).Roots, Eval(binary.RightOperand).Roots);
        return AbstractValue.FromRoots(roots);
    }

    private static Optional<object?>? ConstantOf(IOperation operation)
    {
        var constant = operation.ConstantValue;
        return constant.HasValue && (constant.Value is null || constant.Value is bool) ? constant : null;
    }

    private static AbstractValue Compare(AbstractValue value, Optional<object?> constant, bool negate)
    {
        AbstractValue result;
        if (constant.Value is bool b)
        {
            result = b ? value : value.Negate();
        }
        else
        {
            result = Condition(value.Roots, Sets.Empty, Sets.Empty, AliasSet(value), Sets.Empty);
        }

        return negate ? result.Negate() : Condition(result.Roots, result.WhenTrue, result.WhenFalse, result.NullWhenTrue, result.NullWhenFalse);
    }

    private AbstractValue Pattern(AbstractValue value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                if (constant.Value.ConstantValue is { HasValue: true } c)
                {
                    return c.Value switch
                    {
                        bool b => b ? value : value.Negate(),
                        null => Condition(value.Roots, Sets.Empty, Sets.Empty, AliasSet(value), Sets.Empty),
                        _ => AbstractValue.FromRoots(value.Roots),
                    };
                }

                return AbstractValue.FromRoots(value.Roots);
            case INegatedPatternOperation negated:
                return Pattern(value, negated.Pattern).Negate();
            case IDeclarationPatternOperation declaration:
                if (declaration.DeclaredSymbol is ILocalSymbol declared)
                {
                    StoreVariable(declared, value);
                }

                return Condition(value.Roots, Sets.Empty, Sets.Empty, Sets.Empty, AliasSet(value));
            case ITypePatternOperation:
                return Condition(value.Roots, Sets.Empty, Sets.Empty, Sets.Empty, AliasSet(value));
            case IRecursivePatternOperation recursive:
                {
                    if (recursive.DeclaredSymbol is ILocalSymbol recursiveDeclared)
                    {
                        StoreVariable(recursiveDeclared, value);
                    }

                    ImmutableHashSet<ISymbol>? whenTrue = Sets.Empty;
                    ImmutableHashSet<ISymbol>? whenFalse = Sets.Empty;
                    var count = 0;
                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        var memberValue = sub.Member switch
                        {
                            IPropertyReferenceOperation { Property: var p } when ConsentModel.IsIsAllowed(p) => Condition(value.Roots, value.Decision ?? Sets.Empty, Sets.Empty, Sets.Empty, Sets.Empty),
                            IPropertyReferenceOperation { Property: var p } when model.IsConsentCheck(p) => Condition(value.Roots, value.Roots, Sets.Empty, Sets.Empty, Sets.Empty),
                            _ => AbstractValue.FromRoots(value.Roots),
                        };
                        var result = Pattern(memberValue, sub.Pattern);
                        whenTrue = Sets.Both(whenTrue, result.WhenTrue);
                        whenFalse = result.WhenFalse;
                        count++;
                    }

                    return Condition(value.Roots, whenTrue, count == 1 ? whenFalse : Sets.Empty, Sets.Empty, AliasSet(value));
                }

            case IBinaryPatternOperation binary:
                {
                    var left = Pattern(value, binary.LeftPattern);
                    var right = Pattern(value, binary.RightPattern);
                    return binary.OperatorKind == BinaryOperatorKind.And
                        ? Condition(value.Roots, Sets.Both(left.WhenTrue, right.WhenTrue), Sets.Either(left.WhenFalse, right.WhenFalse), Sets.Intersect(left.NullWhenTrue, right.NullWhenTrue), Sets.Union(left.NullWhenFalse, right.NullWhenFalse))
                        : Condition(value.Roots, Sets.Either(left.WhenTrue, right.WhenTrue), Sets.Both(left.WhenFalse, right.WhenFalse), Sets.Union(left.NullWhenTrue, right.NullWhenTrue), Sets.Intersect(left.NullWhenFalse, right.NullWhenFalse));
                }

            default:
                return AbstractValue.FromRoots(value.Roots);
        }
    }

    private AbstractValue Create(IObjectCreationOperation creation)
    {
        var arguments = EvalArguments(creation.Arguments);
        var roots = Sets.Empty;
        foreach (var argument in arguments)
        {
            roots = Sets.Union(roots, argument.Roots);
        }

        if (creation.Initializer is not null)
        {
            roots = Sets.Union(roots, Eval(creation.Initializer).Roots);
        }

        if (creation.Constructor is { } constructor && model.GetDialTarget(constructor) is { } target)
        {
            CheckDial(creation, target, AbstractValue.Empty, creation.Arguments, arguments, constructor.ContainingType.Name);
        }

        return AbstractValue.FromRoots(roots);
    }

    private AbstractValue[] EvalArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        var values = new AbstractValue[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            values[i] = argument.Parameter?.RefKind == RefKind.Out ? AbstractValue.Empty : Eval(argument.Value);
        }

        return values;
    }

    private AbstractValue Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var instance = invocation.Instance is null ? AbstractValue.Empty : Eval(invocation.Instance);
        var arguments = EvalArguments(invocation.Arguments);

        var subjects = Sets.Empty;
        for (var i = 0; i < arguments.Length; i++)
        {
            subjects = Sets.Union(subjects, arguments[i].Roots);
        }

        if (subjects.Count == 0)
        {
            subjects = instance.Roots;
        }

        var isDecision = model.IsDecision(method.ReturnType);
        ISymbol? outPermit = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (argument.Parameter?.RefKind is not (RefKind.Out or RefKind.Ref))
            {
                continue;
            }

            var variable = argument.Value switch
            {
                ILocalReferenceOperation l => (ISymbol)l.Local,
                IDeclarationExpressionOperation { Expression: ILocalReferenceOperation l } => l.Local,
                IParameterReferenceOperation p => p.Parameter,
                _ => null,
            };
            if (variable is null)
            {
                continue;
            }

            var type = TypeOf(variable);
            if (model.IsDecision(type))
            {
                StoreVariable(variable, new AbstractValue(subjects, Sets.Empty, Sets.Empty, subjects, Sets.Empty, Sets.Empty, null, null));
            }
            else
            {
                StoreVariable(variable, AbstractValue.FromRoots(subjects.Remove(variable)));
            }

            if (variable is ILocalSymbol && model.IsPermit(type))
            {
                OpenPermit(variable, invocation.Syntax);
                outPermit = variable;
            }
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            CalledLocalFunction(method);
        }

        if (model.GetDialTarget(method) is { } target)
        {
            CheckDial(invocation, target, instance, invocation.Arguments, arguments, method.ContainingType.Name + "." + method.Name);
        }

        if (ConsentModel.IsPermitComplete(method) && instance.Alias is { } completed)
        {
            Close(completed);
        }

        if (isDecision)
        {
            return new AbstractValue(subjects, Sets.Empty, Sets.Empty, subjects, Sets.Empty, Sets.Empty, null, invocation.Syntax);
        }

        if (ConsentModel.IsTryReserve(method))
        {
            var granted = outPermit is null ? subjects : subjects.Add(outPermit);
            return Condition(subjects, granted, Sets.Empty, Sets.Empty, outPermit is null ? Sets.Empty : Sets.Of(outPermit));
        }

        if (model.IsConsentCheck(method))
        {
            return Condition(subjects, subjects, Sets.Empty, Sets.Empty, Sets.Empty);
        }

        if (model.IsPermit(method.ReturnType))
        {
            return new AbstractValue(subjects, Sets.Empty, Sets.Empty, null, Sets.Empty, Sets.Empty, null, invocation.Syntax);
        }

        return AbstractValue.FromRoots(subjects);
    }

    private void CheckDial(IOperation dial, DialTarget target, AbstractValue receiver, ImmutableArray<IArgumentOperation> arguments, AbstractValue[] values, string name)
    {
        if (!reporting || !reportDials)
        {
            return;
        }

        SyntaxNode? contactSyntax = null;
        var contact = Sets.Empty;
        var permitHeld = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            var ordinal = arguments[i].Parameter?.Ordinal ?? -1;
            if (ordinal == target.PermitOrdinal && arguments[i].Value.ConstantValue is not { HasValue: true, Value: null })
            {
                permitHeld = true;
            }

            if (target.ContactOrdinals.IsEmpty || target.ContactOrdinals.Contains(ordinal))
            {
                contact = Sets.Union(contact, values[i].Roots);
                if (!arguments[i].IsImplicit)
                {
                    contactSyntax ??= arguments[i].Value.Syntax;
                }
            }
        }

        if (permitHeld)
        {
            return;
        }

        if (target.Requirement is { } requirement && !requirement.IsMet(arguments))
        {
            return;
        }

        if (arguments.Length == 0 || (contact.Count == 0 && target.ContactOrdinals.IsEmpty && contactSyntax is null))
        {
            contact = receiver.Roots;
            contactSyntax = dial switch
            {
                IMemberReferenceOperation { Instance: { IsImplicit: false } owner } => owner.Syntax,
                IInvocationOperation { Instance: { IsImplicit: false } owner } => owner.Syntax,
                _ => null,
            };
        }

        var consented = state.Consented;
        foreach (var unread in state.UnreadDecisions)
        {
            if (state.Values.TryGetValue(unread.Variable, out var decision) && decision.Decision is { } decided && (contact.Count == 0 || decided.Overlaps(contact)))
            {
                Report(Descriptors.CR0002ConsentDecisionIgnored, unread.Node, CallName(unread.Node), "is read only after the contact is made");
            }
        }

        if (contact.Overlaps(consented) || (contact.Count == 0 && consented.Count > 0))
        {
            return;
        }

        var who = contactSyntax is null ? "someone" : "'" + Shorten(contactSyntax.ToString()) + "'";
        if (consented.Count > 0 && contact.Count > 0 && !contact.Overlaps(state.Stale))
        {
            var others = string.Join(", ", consented.Select(s => "'" + s.Name + "'").OrderBy(s => s, System.StringComparer.Ordinal).Take(3));
            Report(Descriptors.CR0003ConsentForOtherContact, dial.Syntax, name, who, others);
        }
        else
        {
            Report(Descriptors.CR0001DialWithoutConsent, dial.Syntax, name, who, target.Message is null ? string.Empty : " (" + target.Message + ")");
        }
    }

    private static string Shorten(string text)
    {
        text = string.Join(" ", text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxContactText ? text : text.Substring(0, MaxContactText - 3) + "...";
    }

    private static string CallName(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } => name.Identifier.ValueText,
        _ => Shorten(node.ToString()),
    };

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode node, params object?[] arguments)
    {
        if (reporting)
        {
            current?.Add(new Finding(descriptor, node, arguments));
        }
    }
}
