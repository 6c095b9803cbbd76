using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow;

/// <summary>
/// Which code blocks the interpreter can run on their operation tree, statement by statement,
/// instead of on Roslyn's control-flow graph: statements, <c>if</c>/<c>else</c> (their conditions
/// may combine <c>!</c>, <c>&amp;&amp;</c> and <c>||</c>), <c>return</c>, <c>throw</c>, <c>foreach</c>
/// with <c>continue</c> and <c>break</c>, <c>try</c>/<c>finally</c>, and lambdas made of the same,
/// whose expressions the graph would keep whole.
/// </summary>
/// <remarks>
/// <para>
/// Everything else sends the block to the graph: other loops, <c>catch</c>, <c>using</c>,
/// <c>lock</c>, <c>switch</c>, <c>goto</c> and labels, local functions, and every expression the
/// graph lowers into flow captures (<c>?.</c>, <c>??</c>, <c>?:</c>, <c>&amp;&amp;</c> and <c>||</c>
/// outside a condition, <c>throw</c> expressions, <c>switch</c> expressions, <c>with</c>, object,
/// collection and array initializers, <c>out var</c>). On what is allowed, the walk gives the
/// interpreter the operations the graph would, in the same order, with the same joins and the
/// same approximation of <c>finally</c>, so the two give the same findings; the tests run both on
/// every sample and compare them (<c>ConsentFlowAnalyzer.CompareWithGraph</c>).
/// </para>
/// <para>
/// The reason is cost: building the graph was about a third of the consent analysis's time in a
/// build (docs/benchmarks-analyzers.md), and most methods that dial are this simple.
/// </para>
/// </remarks>
internal static class StructuredCode
{
    /// <summary>True when <paramref name="root"/> is a root the tree walk starts from.</summary>
    public static bool IsRoot(IOperation root)
        => root switch
        {
            IMethodBodyOperation body => body.BlockBody is null || body.ExpressionBody is null,
            IBlockOperation => true,
            _ => false,
        };

    /// <summary>True when <paramref name="operation"/>, as a node of a block's tree, keeps the block structured.</summary>
    public static bool Allows(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.MethodBody:
            case OperationKind.Block:
            case OperationKind.ExpressionStatement:
            case OperationKind.VariableDeclarationGroup:
            case OperationKind.VariableDeclaration:
            case OperationKind.VariableInitializer:
            case OperationKind.Empty:
            case OperationKind.Return:
            case OperationKind.Invocation:
            case OperationKind.Argument:
            case OperationKind.Conversion:
            case OperationKind.Literal:
            case OperationKind.LocalReference:
            case OperationKind.ParameterReference:
            case OperationKind.FieldReference:
            case OperationKind.PropertyReference:
            case OperationKind.InstanceReference:
            case OperationKind.Unary:
            case OperationKind.SimpleAssignment:
            case OperationKind.CompoundAssignment:
            case OperationKind.Increment:
            case OperationKind.Decrement:
            case OperationKind.Await:
            case OperationKind.ArrayElementReference:
            case OperationKind.TypeOf:
            case OperationKind.NameOf:
            case OperationKind.DefaultValue:
            case OperationKind.InterpolatedString:
            case OperationKind.Interpolation:
            case OperationKind.InterpolatedStringText:
            case OperationKind.IsType:
            case OperationKind.IsPattern:
            case OperationKind.ConstantPattern:
            case OperationKind.DeclarationPattern:
            case OperationKind.TypePattern:
            case OperationKind.RecursivePattern:
            case OperationKind.PropertySubpattern:
            case OperationKind.NegatedPattern:
            case OperationKind.BinaryPattern:
            case OperationKind.RelationalPattern:
            case OperationKind.DiscardPattern:
            case OperationKind.Discard:
            case OperationKind.AnonymousFunction:
            case OperationKind.Tuple:
            case OperationKind.DeconstructionAssignment:
                return true;
            case OperationKind.DeclarationExpression:
                // var (c, d) = pair; foreach (var (c, d) in pairs) (an out var is the graph's).
                return operation.Parent is IDeconstructionAssignmentOperation or IForEachLoopOperation;
            case OperationKind.Loop:
                return operation is IForEachLoopOperation { IsAsynchronous: false };
            case OperationKind.Branch:
                // continue and break, in a foreach (a switch or another loop sends the block to the graph).
                return ((IBranchOperation)operation).BranchKind is BranchKind.Continue or BranchKind.Break;
            case OperationKind.Try:
                {
                    var @try = (ITryOperation)operation;
                    return @try.Catches.IsEmpty && @try.Finally is not null;
                }

            case OperationKind.VariableDeclarator:
                return !((IVariableDeclaratorOperation)operation).Symbol.IsRef;
            case OperationKind.ObjectCreation:
                return ((IObjectCreationOperation)operation).Initializer is null;
            case OperationKind.Conditional:
                // An if statement (an expression ?: has a type, and the graph lowers it).
                return operation.Type is null && !((IConditionalOperation)operation).IsRef;
            case OperationKind.Throw:
                // A throw statement (a throw expression is lowered by the graph).
                return operation.Parent is IBlockOperation or IConditionalOperation { Type: null };
            case OperationKind.Binary:
                {
                    var binary = (IBinaryOperation)operation;
                    return binary.OperatorKind is not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
                        || (IsPlainBoolean(binary) && IsInCondition(binary));
                }

            case OperationKind.MethodReference:
                return ((IMethodReferenceOperation)operation).Method.MethodKind != MethodKind.LocalFunction;
            case OperationKind.DelegateCreation:
                return ((IDelegateCreationOperation)operation).Target is IMethodReferenceOperation or IAnonymousFunctionOperation;
            default:
                return false;
        }
    }

    /// <summary>True for a condition operator of the walk: <c>!</c>, or <c>&amp;&amp;</c>/<c>||</c> on plain booleans.</summary>
    public static bool IsConditionOperator(IOperation operation)
        => operation switch
        {
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not => not.Type?.SpecialType == SpecialType.System_Boolean,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary => IsPlainBoolean(binary),
            _ => false,
        };

    private static bool IsPlainBoolean(IBinaryOperation binary)
        => binary.OperatorMethod is null && !binary.IsLifted && binary.Type?.SpecialType == SpecialType.System_Boolean;

    /// <summary>
    /// True when the operator is (part of) an if statement's condition through condition operators
    /// only: the graph turns it into branches, and so does the walk.
    /// </summary>
    private static bool IsInCondition(IOperation operation)
    {
        var child = operation;
        var parent = operation.Parent;
        while (parent is not null && IsConditionOperator(parent))
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent is IConditionalOperation { Type: null } conditional && conditional.Condition == child;
    }
}
