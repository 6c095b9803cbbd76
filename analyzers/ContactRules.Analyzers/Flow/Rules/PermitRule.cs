using ContactRules.Analyzers.Flow.Lattice;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>CR0005: a permit (or a reservation's permit) still open when the method ends, or when the next one is obtained.</summary>
internal sealed class PermitRule
{
    private readonly Findings findings;

    public PermitRule(Findings findings)
    {
        this.findings = findings;
    }

    public void OnPermitObtainedAgain(Site open)
        => findings.Add(Descriptors.CR0005PermitNotCompleted, open.Node, CallNames.Of(open.Node), "before it is obtained again");

    public void OnExit(FlowState state)
    {
        foreach (var open in state.OpenPermits)
        {
            findings.Add(Descriptors.CR0005PermitNotCompleted, open.Node, CallNames.Of(open.Node), "before the method ends");
        }
    }
}
