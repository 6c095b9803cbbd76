using ContactRules.Analyzers.Flow.Lattice;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>
/// What the rules are told while the interpreter replays a converged graph: each contact made,
/// each permit obtained again while the last one is open, and each exit. The rules read the
/// state; they never change it.
/// </summary>
internal interface IFlowRules
{
    void OnDial(DialSite dial, FlowState state);

    void OnPermitObtainedAgain(Site open);

    void OnExit(FlowState state);

    /// <summary>A mark of what the rules have found so far, to take back what follows (see <see cref="RollBack"/>).</summary>
    int Checkpoint();

    /// <summary>Forgets what the rules found after <paramref name="checkpoint"/>.</summary>
    void RollBack(int checkpoint);
}
