using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ContactRules.Analyzers.Flow.Engine;

/// <summary>What the solver asks of an interpreter: the state after one block, on each of its outgoing edges.</summary>
internal interface IBlockTransfer
{
    BlockOutcome Transfer(ControlFlowGraph graph, BasicBlock block, FlowState incoming);
}
