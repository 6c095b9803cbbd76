using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// The walk of a structured block's operation tree (see <see cref="StructuredCode"/>): each
/// statement once, in order, the two sides of an <c>if</c> from the states its condition leaves,
/// met where they join, and every <c>return</c> met at the exit. With no loop, that one pass is the
/// fixed point the graph's solver would reach, and it is the replay at the same time.
/// </summary>
internal sealed partial class ConsentInterpreter
{
    /// <summary>The meet of the states at every <c>return</c> seen so far in the walk; null: none.</summary>
    private FlowState? returned;

    /// <summary>Analyses the structured block <paramref name="root"/> from <paramref name="entry"/>, telling the rules of contacts and of the exit.</summary>
    public void RunStructured(IOperation root, FlowState entry)
    {
        replaying = true;
        graph = null;
        returned = null;
        state = entry.Clone();
        try
        {
            var end = Execute(root) ? state : null;
            if (FlowState.Meet(returned, end) is { } exit)
            {
                rules?.OnExit(exit);
            }
        }
        finally
        {
            replaying = false;
            returned = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="statement"/> on <see cref="state"/>, which it owns; false when the
    /// statement does not complete normally (it returns or throws), and the state is then dead.
    /// </summary>
    private bool Execute(IOperation? statement)
    {
        switch (statement)
        {
            case null:
            case IEmptyOperation:
                return true;
            case IMethodBodyOperation body:
                return Execute(body.BlockBody ?? body.ExpressionBody);
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    if (!Execute(inner))
                    {
                        return false;
                    }
                }

                return true;
            case IConditionalOperation conditional:
                {
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

            case IReturnOperation @return:
                Eval(@return.ReturnedValue);
                returned = FlowState.Meet(returned, state);
                return false;
            case IExpressionStatementOperation { Operation: IThrowOperation thrown }:
                Eval(thrown.Exception);
                return false;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
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
            case IExpressionStatementOperation expression:
                Eval(expression.Operation);
                return true;
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
        return Execute(statement) ? state : null;
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
        return (Apply(state, value, truth: true), Apply(state, value, truth: false));
    }
}
