using ContactRules.Analyzers.Flow.Lattice;

namespace ContactRules.Analyzers.Flow.Engine;

/// <summary>The states a block leaves: after its operations, and on its conditional and fall-through edges (null when that edge cannot be taken).</summary>
internal readonly struct BlockOutcome
{
    public BlockOutcome(FlowState after, FlowState? whenConditional, FlowState? whenFallThrough)
    {
        After = after;
        WhenConditional = whenConditional;
        WhenFallThrough = whenFallThrough;
    }

    public FlowState After { get; }

    public FlowState? WhenConditional { get; }

    public FlowState? WhenFallThrough { get; }
}
