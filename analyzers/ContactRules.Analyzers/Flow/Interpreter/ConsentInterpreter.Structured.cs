using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// The walk of a structured block's operation tree (see <see cref="StructuredCode"/>), which
/// computes what <see cref="Engine.GraphSolver"/> computes on the block's control-flow graph:
/// each statement in order, the two sides of an <c>if</c> from the states its condition leaves and
/// met where they join, a <c>foreach</c> body walked until the state at its head no longer changes
/// (then once more, telling the rules), and every <c>return</c> met at the exit.
/// </summary>
/// <remarks>
/// A <c>try</c> region (an explicit <c>try</c>/<c>finally</c>, and the one the graph puts around a
/// <c>foreach</c> for its enumerator's <c>Dispose</c>) is approximated as the solver does: the
/// <c>finally</c> starts from the meet of the states at the boundaries of the region's basic
/// blocks, and every path that leaves the region keeps only what the <c>finally</c>'s exit keeps
/// (<see cref="FlowState.ThroughFinally"/>). The walk records the states where the graph's
/// blocks begin and end: at the region's entry, at the end of each condition, branch, body and
/// block of locals, at each jump, and after each loop and <c>try</c>.
/// </remarks>
internal sealed partial class ConsentInterpreter
{
    private const int MaxLoopRounds = 40;

    /// <summary>The loops and <c>try</c> regions around the statement being walked, innermost last.</summary>
    private readonly List<Region> regions = new();

    /// <summary>The meet of the states at every <c>return</c> that reached the exit; null: none.</summary>
    private FlowState? returned;

    /// <summary>True while a structured block is walked: the tree's lambdas are lambdas then.</summary>
    private bool walking;

    /// <summary>
    /// The first region whose boundary states are recorded: a loop's rounds record only into the
    /// loop and what it contains (the regions around it see the round that is kept).
    /// </summary>
    private int recordFrom;

    private enum Jump
    {
        Return,
        Break,
        Continue,
    }

    /// <summary>
    /// Analyses the structured code <paramref name="root"/> (a block, or a lambda's body) from
    /// <paramref name="entry"/>, telling the rules of contacts and of the exit, and
    /// <paramref name="onReturned"/> of each value returned. False when the walk met what it does
    /// not model at run time (the rules were then told part of it).
    /// </summary>
    public bool RunStructured(IOperation root, FlowState entry, Action<FlowState, AbstractValue>? onReturned)
    {
        replaying = true;
        walking = true;
        graph = null;
        returned = null;
        onReturn = onReturned;
        regions.Clear();
        recordFrom = 0;
        state = entry.Clone();
        try
        {
            var end = Execute(root) ? state : null;
            if (FlowState.Meet(returned, end) is { } exit)
            {
                rules?.OnExit(exit);
            }

            return true;
        }
        catch (StructuredWalkAbandoned)
        {
            return false;
        }
        finally
        {
            replaying = false;
            walking = false;
            returned = null;
            onReturn = null;
            regions.Clear();
        }
    }

    /// <summary>
    /// Runs <paramref name="statement"/> on <see cref="state"/>, which it owns; false when the
    /// statement does not complete normally (it jumps or throws), and the state is then dead.
    /// </summary>
    private bool Execute(IOperation? statement)
    {
        if (statement is null)
        {
            return true;
        }

        // On the operation's kind, then one cast: a switch on the interfaces would test them one
        // after the other (an interface cast each) for every statement.
        switch (statement.Kind)
        {
            case OperationKind.Empty:
                return true;
            case OperationKind.MethodBody:
                {
                    var body = (IMethodBodyOperation)statement;
                    return Execute(body.BlockBody ?? body.ExpressionBody);
                }

            case OperationKind.Block:
                {
                    var block = (IBlockOperation)statement;

                    // A block with locals is a region of the graph: its blocks start and end there.
                    var scoped = !block.Locals.IsEmpty;
                    if (scoped)
                    {
                        Record(state);
                    }

                    foreach (var inner in block.Operations)
                    {
                        if (!Execute(inner))
                        {
                            return false;
                        }
                    }

                    if (scoped)
                    {
                        Record(state);
                    }

                    return true;
                }

            case OperationKind.Conditional:
                {
                    var conditional = (IConditionalOperation)statement;
                    var (whenTrue, whenFalse) = Branch(conditional.Condition);
                    var afterTrue = ExecuteFrom(whenTrue, conditional.WhenTrue);
                    var afterFalse = conditional.WhenFalse is null ? whenFalse : ExecuteFrom(whenFalse, conditional.WhenFalse);
                    if (FlowState.Meet(afterTrue, afterFalse) is not { } joined)
                    {
                        return false;
                    }

                    // The meet may be one of the sides' own states, which nothing else reads any more.
                    state = joined;
                    return true;
                }

            case OperationKind.Return or OperationKind.YieldReturn or OperationKind.YieldBreak:
                {
                    var @return = (IReturnOperation)statement;
                    var value = Eval(@return.ReturnedValue);
                    if (replaying && onReturn is not null)
                    {
                        onReturn(state, value);
                    }

                    JumpOut(Jump.Return);
                    return false;
                }

            case OperationKind.Branch when ((IBranchOperation)statement).BranchKind == BranchKind.Continue:
                JumpOut(Jump.Continue);
                return false;
            case OperationKind.Branch when ((IBranchOperation)statement).BranchKind == BranchKind.Break:
                JumpOut(Jump.Break);
                return false;
            case OperationKind.Throw:
                Eval(((IThrowOperation)statement).Exception);
                Record(state);
                return false;
            case OperationKind.VariableDeclarationGroup:
                foreach (var declaration in ((IVariableDeclarationGroupOperation)statement).Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        // As the graph lowers it: the initializer's value assigned to the local.
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            StoreVariable(declarator.Symbol, Eval(initializer.Value));
                        }
                    }
                }

                return true;
            case OperationKind.Loop when statement is IForEachLoopOperation loop:
                return ForEach(loop);
            case OperationKind.Try:
                return TryFinally((ITryOperation)statement);
            default:
                Eval(statement);
                return true;
        }
    }

    /// <summary>Runs <paramref name="statement"/> from a copy of <paramref name="entry"/>; the state after it, or null.</summary>
    private FlowState? ExecuteFrom(FlowState? entry, IOperation statement)
    {
        if (entry is null)
        {
            return null;
        }

        state = entry.Clone();
        if (!Execute(statement))
        {
            return null;
        }

        Record(state);
        return state;
    }

    /// <summary>
    /// The states where <paramref name="condition"/>, evaluated from <see cref="state"/>, is true
    /// and where it is false (null: it cannot be), as the graph branches on it: <c>!</c> swaps
    /// them, and the right side of <c>&amp;&amp;</c> (<c>||</c>) runs only where the left is true (false).
    /// </summary>
    private (FlowState? WhenTrue, FlowState? WhenFalse) Branch(IOperation condition)
    {
        if (StructuredCode.IsConditionOperator(condition))
        {
            switch (condition)
            {
                case IUnaryOperation not:
                    {
                        var (whenTrue, whenFalse) = Branch(not.Operand);
                        return (whenFalse, whenTrue);
                    }

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    {
                        var (leftTrue, leftFalse) = Branch(and.LeftOperand);
                        if (leftTrue is null)
                        {
                            return (null, leftFalse);
                        }

                        state = leftTrue.Clone();
                        var (rightTrue, rightFalse) = Branch(and.RightOperand);
                        return (rightTrue, FlowState.Meet(leftFalse, rightFalse));
                    }

                case IBinaryOperation or:
                    {
                        var (leftTrue, leftFalse) = Branch(or.LeftOperand);
                        if (leftFalse is null)
                        {
                            return (leftTrue, null);
                        }

                        state = leftFalse.Clone();
                        var (rightTrue, rightFalse) = Branch(or.RightOperand);
                        return (FlowState.Meet(leftTrue, rightTrue), rightFalse);
                    }
            }
        }

        var value = Eval(condition);
        Record(state);
        return (Apply(state, value, truth: true), Apply(state, value, truth: false));
    }

    /// <summary>
    /// <c>foreach</c>, as the graph lowers it: the sequence's enumerator captured, then at the head
    /// <c>MoveNext</c>, and in the body the loop variable given <c>Current</c>, an element of its own
    /// each round; the loop inside a <c>try</c> whose <c>finally</c> disposes of the enumerator.
    /// </summary>
    private bool ForEach(IForEachLoopOperation loop)
    {
        if (loop.IsAsynchronous || !IsPlainEnumeration(loop))
        {
            throw new StructuredWalkAbandoned();
        }

        var sequence = Eval(loop.Collection);

        // GetEnumerator: the same elements (see Sequences); the graph keeps it in a capture, the
        // walk under the loop itself.
        state.Values = state.Values.SetItem(loop, Yielding(sequence, sequence.Element ?? AbstractValue.Empty));
        Record(state);
        var entry = state;
        var head = entry;

        // Each round tells the rules what it finds, and is taken back unless the state at the
        // head no longer changes: the round that reaches the fixed point is the replay. A lambda's
        // summary, told of each return as it happens, gets silent rounds and one more to replay.
        var speculate = replaying && onReturn is null;
        Func<object, bool>? inside = null;
        Region final;
        for (var round = 0; ; round++)
        {
            if (round == MaxLoopRounds)
            {
                // The graph's solver gives up too, and reports nothing.
                throw new StructuredWalkAbandoned();
            }

            var checkpoint = speculate ? (rules?.Checkpoint() ?? 0, host.LambdasCreated) : default;
            var wasReplaying = replaying;
            replaying = speculate;
            Region taken;
            try
            {
                taken = Round(loop, head);
            }
            finally
            {
                replaying = wasReplaying;
            }

            // The fixed point; or a head that differs only in what the body declares (its loop
            // variable, its locals), which each round assigns before it reads: the graph's solver
            // would walk the body once more from it and find what this round found.
            var next = FlowState.Meet(entry, taken.Continued)!;
            if (next.SameAs(head) || next.SameOutside(head, inside ??= DeclaredIn(loop)))
            {
                final = speculate || !replaying ? taken : Round(loop, head);
                break;
            }

            if (speculate)
            {
                rules?.RollBack(checkpoint.Item1);
                host.ForgetLambdasAfter(checkpoint.Item2);
            }

            head = next;
        }

        // The regions around the loop see its boundaries once, from the round that was kept.
        Record(final.Boundaries!);

        var finallyExit = final.Boundaries;
        var exit = head.ThroughFinally(finallyExit, Sets.NoKeys);
        foreach (var (leaving, jump) in final.Leaving)
        {
            var through = leaving.ThroughFinally(finallyExit, Sets.NoKeys);
            if (jump == Jump.Break)
            {
                exit = FlowState.Meet(exit, through)!;
            }
            else
            {
                Forward(through, jump, regions.Count - 1);
            }
        }

        state = exit.Clone();
        Record(state);
        return true;
    }

    /// <summary>The variables declared in <paramref name="loop"/>: its own and its body's locals.</summary>
    private static Func<object, bool> DeclaredIn(IForEachLoopOperation loop)
    {
        var span = loop.Syntax.Span;
        var tree = loop.Syntax.SyntaxTree;
        return key => key is ILocalSymbol { DeclaringSyntaxReferences: { IsEmpty: false } references }
            && references[0].SyntaxTree == tree && span.Contains(references[0].Span);
    }

    /// <summary>
    /// One round of a loop's body from <paramref name="head"/>: the region with its back edges and
    /// exits. Its boundaries are recorded into the loop's region only (see <see cref="ForEach"/>).
    /// </summary>
    private Region Round(IForEachLoopOperation loop, FlowState head)
    {
        var region = new Region(isLoop: true);
        regions.Add(region);
        var wasRecordingFrom = recordFrom;
        recordFrom = regions.Count - 1;

        try
        {
            // The head: MoveNext reads the capture, and changes nothing.
            Record(head);
            state = head.Clone();
            var current = Extract(CurrentSite(loop), state.Values.TryGetValue(loop, out var enumerator) ? enumerator : AbstractValue.Empty);
            switch (loop.LoopControlVariable)
            {
                case IVariableDeclaratorOperation declarator:
                    StoreVariable(declarator.Symbol, current);
                    break;
                case IDeclarationExpressionOperation deconstruction:
                    Deconstruct(deconstruction, current);
                    break;
                default:
                    throw new StructuredWalkAbandoned();
            }

            if (Execute(loop.Body))
            {
                Record(state);
                region.Continued = FlowState.Meet(region.Continued, state.Clone());
            }
        }
        finally
        {
            regions.RemoveAt(regions.Count - 1);
            recordFrom = wasRecordingFrom;
        }

        return region;
    }

    /// <summary>
    /// True when the loop enumerates a sequence with calls that mean nothing for consent (a
    /// collection's <c>GetEnumerator</c>, <c>MoveNext</c>, <c>Current</c> and <c>Dispose</c>): the
    /// walk then needs only what <c>GetEnumerator</c> and <c>Current</c> give.
    /// </summary>
    private bool IsPlainEnumeration(IForEachLoopOperation loop)
    {
        if (loop.Collection.Type is not { } type || !model.IsCollection(type))
        {
            return false;
        }

        if (model.IsFrameworkSequence(type))
        {
            return true;
        }

        if (loop.Syntax is not CommonForEachStatementSyntax syntax || loop.SemanticModel is not { } semantics)
        {
            return false;
        }

        var info = semantics.GetForEachStatementInfo(syntax);
        return info.GetEnumeratorMethod is { } getEnumerator && model.GetCallFacts(getEnumerator) == CallFacts.None
            && info.MoveNextMethod is { } moveNext && model.GetCallFacts(moveNext) == CallFacts.None
            && info.CurrentProperty is { } current && model.GetDialTarget(current) is null && model.GetCheckKind(current) == CheckKind.None
            && (info.DisposeMethod is null || (model.GetCallFacts(info.DisposeMethod) == CallFacts.None && !ConsentModel.IsPermitComplete(info.DisposeMethod)));
    }

    /// <summary>The node of the graph's implicit <c>Current</c> read: the loop's type, or its deconstruction.</summary>
    private static SyntaxNode CurrentSite(IForEachLoopOperation loop)
        => loop.Syntax switch
        {
            ForEachStatementSyntax statement => statement.Type,
            ForEachVariableStatementSyntax deconstruction => deconstruction.Variable,
            _ => loop.Syntax,
        };

    /// <summary><c>try</c>/<c>finally</c> (no <c>catch</c>; see <see cref="StructuredCode"/>).</summary>
    private bool TryFinally(ITryOperation @try)
    {
        var region = new Region(isLoop: false);
        regions.Add(region);
        FlowState? normalEnd;
        try
        {
            Record(state);
            normalEnd = Execute(@try.Body) ? state : null;
            if (normalEnd is not null)
            {
                Record(normalEnd);
            }
        }
        finally
        {
            regions.RemoveAt(regions.Count - 1);
        }

        FlowState? finallyExit = null;
        if (region.Boundaries is { } finallyEntry)
        {
            state = finallyEntry.Clone();
            Record(state);
            if (Execute(@try.Finally))
            {
                Record(state);
                finallyExit = state;
            }
        }

        var assigned = AssignedIn(@try.Finally);
        foreach (var (leaving, jump) in region.Leaving)
        {
            Forward(leaving.ThroughFinally(finallyExit, assigned), jump, regions.Count - 1);
        }

        if (normalEnd is null)
        {
            return false;
        }

        state = normalEnd.ThroughFinally(finallyExit, assigned).Clone();
        Record(state);
        return true;
    }

    /// <summary>A jump from the current state: recorded where its block ends, then taken.</summary>
    private void JumpOut(Jump jump)
    {
        Record(state);
        Forward(state, jump, regions.Count - 1);
    }

    /// <summary>
    /// Takes <paramref name="jump"/> with <paramref name="from"/> through the regions from
    /// <paramref name="index"/> outwards: a <c>try</c> holds it until its <c>finally</c> has run, a
    /// loop takes its <c>continue</c> and holds its <c>break</c> and <c>return</c> for its
    /// enumerator's <c>finally</c>; a <c>return</c> past every region reaches the exit.
    /// </summary>
    private void Forward(FlowState from, Jump jump, int index)
    {
        // A copy: the walk goes on changing the state it jumps from.
        from = from.Clone();
        if (index < 0)
        {
            returned = FlowState.Meet(returned, from);
            return;
        }

        var region = regions[index];
        if (region.IsLoop && jump == Jump.Continue)
        {
            region.Continued = FlowState.Meet(region.Continued, from);
        }
        else
        {
            region.Leaving.Add((from, jump));
        }
    }

    /// <summary>A state where a block of the graph begins or ends, for the <c>try</c> regions around it.</summary>
    [MethodImpl(Jit.Optimized)]
    private void Record(FlowState boundary)
    {
        for (var i = recordFrom; i < regions.Count; i++)
        {
            // The first one is copied: the walk goes on changing the state it records.
            regions[i].Boundaries = regions[i].Boundaries is { } known ? FlowState.Meet(known, boundary) : boundary.Clone();
        }
    }

    /// <summary>The variables a <c>finally</c> assigns (as <see cref="Engine.GraphSolver"/> counts them on the graph).</summary>
    private static SmallSet<object> AssignedIn(IOperation? block)
    {
        var assigned = Sets.NoKeys;
        if (block is null)
        {
            return assigned;
        }

        var pending = new Stack<IOperation>();
        pending.Push(block);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            var symbol = Engine.GraphSolver.AssignedBy(operation);
            if (operation is IVariableDeclaratorOperation declarator && declarator.GetVariableInitializer() is not null)
            {
                // The graph lowers an initialized declaration to an assignment.
                symbol = declarator.Symbol;
            }

            if (symbol is not null)
            {
                assigned = assigned.Add(symbol);
            }

            foreach (var child in operation.ChildOperations)
            {
                // A lambda's body is its own graph's.
                if (child is not IAnonymousFunctionOperation)
                {
                    pending.Push(child);
                }
            }
        }

        return assigned;
    }

    /// <summary>A loop, or a <c>try</c> region, around the statement being walked.</summary>
    private sealed class Region
    {
        public Region(bool isLoop)
        {
            IsLoop = isLoop;
        }

        public bool IsLoop { get; }

        /// <summary>The meet of the states where the region's blocks begin and end: where its <c>finally</c> starts.</summary>
        public FlowState? Boundaries { get; set; }

        /// <summary>For a loop: the meet of the states that go back to its head.</summary>
        public FlowState? Continued { get; set; }

        /// <summary>The jumps out of the region, held until its <c>finally</c> has run.</summary>
        public List<(FlowState State, Jump Jump)> Leaving { get; } = new();
    }
}
