using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContactRules.Analyzers.Flow.Lattice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Flow.Engine;

/// <summary>
/// The fixed point of a forward must-analysis over one of Roslyn's control-flow graphs, in the
/// manner of CA1416 and ILLink's feature guards: each block's entry state is the meet of its
/// predecessors' edge states, and the interpreter gives each block's edge states. It knows
/// nothing of consent; the interpreter knows nothing of graphs.
/// </summary>
/// <remarks>
/// Exceptional flow is approximated: a catch, filter or finally starts from what holds everywhere
/// in its try block, and a path that leaves through a finally keeps only what the finally's exit
/// keeps. A graph that does not converge within <see cref="MaxRounds"/> gives no result: silence
/// beats a guess.
/// </remarks>
internal sealed class GraphSolver
{
    private const int MaxRounds = 40;

    private readonly Dictionary<ControlFlowRegion, SmallSet<object>> assignedInRegion = new();

    /// <summary>
    /// True when every edge goes forward (no loop): blocks taken in order then see all their
    /// predecessors' final states, and one round is the fixed point.
    /// </summary>
    public static bool IsAcyclic(ControlFlowGraph graph)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var branch in block.Predecessors)
            {
                if (branch.Source.Ordinal >= block.Ordinal)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The entry state of every block of <paramref name="graph"/> (null: unreachable), or null when
    /// it does not converge. An acyclic graph (see <see cref="IsAcyclic"/>) is solved in one round,
    /// each block transferred once, from its final entry state.
    /// </summary>
    public FlowState?[]? Solve(ControlFlowGraph graph, FlowState entry, IBlockTransfer transfer, CancellationToken cancellationToken)
    {
        var acyclic = IsAcyclic(graph);
        cancellationToken.ThrowIfCancellationRequested();
        var blocks = graph.Blocks;
        var inStates = new FlowState?[blocks.Length];
        var outStates = new FlowState?[blocks.Length];
        var whenConditional = new FlowState?[blocks.Length];
        var whenFallThrough = new FlowState?[blocks.Length];
        var first = true;

        for (var round = 0; round < MaxRounds; round++)
        {
            var converged = true;
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

                var outcome = transfer.Transfer(graph, block, incoming);
                (outStates[i], whenConditional[i], whenFallThrough[i]) = (outcome.After, outcome.WhenConditional, outcome.WhenFallThrough);
            }

            if (converged || acyclic)
            {
                return inStates;
            }

            first = false;
        }

        return null;
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

    /// <summary>The variables a region assigns anywhere: what a finally can kill on every path through it.</summary>
    private SmallSet<object> AssignedIn(ControlFlowRegion region, ImmutableArray<BasicBlock> blocks)
    {
        if (assignedInRegion.TryGetValue(region, out var known))
        {
            return known;
        }

        var assigned = Sets.NoKeys;
        for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal; i++)
        {
            foreach (var operation in blocks[i].Operations)
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (AssignedBy(descendant) is { } symbol)
                    {
                        assigned = assigned.Add(symbol);
                    }
                }
            }
        }

        assignedInRegion[region] = assigned;
        return assigned;
    }

    /// <summary>The variable <paramref name="operation"/> assigns (an assignment, an increment, an <c>out</c> or <c>ref</c> argument), or null.</summary>
    public static ISymbol? AssignedBy(IOperation operation)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument => argument.Value,
            _ => null,
        };
        return target switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation p => p.Property,
            _ => null,
        };
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
}
