using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>
/// A lambda as the analysis meets it: in a control-flow graph (its own graph is taken from the
/// enclosing one), or in the operation tree of a structured block (its body is walked).
/// </summary>
internal readonly struct LambdaCode
{
    public LambdaCode(ControlFlowGraph owner, IFlowAnonymousFunctionOperation lambda)
    {
        Owner = owner;
        InGraph = lambda;
        InTree = null;
    }

    public LambdaCode(IAnonymousFunctionOperation lambda)
    {
        Owner = null;
        InGraph = null;
        InTree = lambda;
    }

    /// <summary>The graph the lambda is created in; null for a lambda of the tree.</summary>
    public ControlFlowGraph? Owner { get; }

    public IFlowAnonymousFunctionOperation? InGraph { get; }

    public IAnonymousFunctionOperation? InTree { get; }

    public IMethodSymbol Symbol => InGraph?.Symbol ?? InTree!.Symbol;

    public SyntaxNode Syntax => InGraph?.Syntax ?? InTree!.Syntax;
}
