using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>What the interpreter asks of the analysis that runs it about code with graphs of its own.</summary>
internal interface ILambdaHost
{
    /// <summary>
    /// A lambda was created, in the replay, with <paramref name="state"/>;
    /// <paramref name="element"/> is what its first parameter receives when it is handed the
    /// elements of a sequence (<c>ForEach(c =&gt; ...)</c>), about <see cref="ElementRoot.Self"/>.
    /// </summary>
    void LambdaCreated(LambdaCode lambda, FlowState state, AbstractValue? element);

    /// <summary>A local function is called (or referenced) with <paramref name="state"/>.</summary>
    void LocalFunctionCalled(IMethodSymbol method, FlowState state);

    /// <summary>
    /// What <paramref name="lambda"/> returns when its first parameter is an element of a sequence
    /// (<paramref name="element"/>): its value, and for a predicate the facts about the element when
    /// it returns true, both about <see cref="ElementRoot.Self"/>.
    /// </summary>
    LambdaSummary Summarize(LambdaCode lambda, AbstractValue? element);

    /// <summary>How many lambdas were reported created so far (see <see cref="ForgetLambdasAfter"/>).</summary>
    int LambdasCreated { get; }

    /// <summary>Forgets the lambdas reported created after the first <paramref name="count"/> (a loop round taken back).</summary>
    void ForgetLambdasAfter(int count);
}
