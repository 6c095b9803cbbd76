using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Model;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>The flow rules of one code block, fed by the interpreter's replay.</summary>
internal sealed class ConsentRules : IFlowRules
{
    private readonly DialRule? dials;
    private readonly DecisionReadRule decisions;
    private readonly PermitRule permits;
    private readonly Findings findings;

    /// <param name="findings">Where the diagnostics go.</param>
    /// <param name="numbers">The model's phone-number members.</param>
    /// <param name="reportDials">False inside a member whose callers are checked instead.</param>
    /// <param name="exemption">The block's <c>[RequestedContact]</c> declaration, when valid.</param>
    public ConsentRules(Findings findings, PhoneNumberMembers numbers, bool reportDials, Exemption? exemption)
    {
        this.findings = findings;
        dials = reportDials ? new DialRule(findings, numbers, exemption) : null;
        decisions = new DecisionReadRule(findings, numbers);
        permits = new PermitRule(findings);
    }

    public void OnDial(DialSite dial, FlowState state)
    {
        if (dials is null)
        {
            return;
        }

        decisions.OnDial(dial, state);
        dials.OnDial(dial, state);
    }

    public void OnPermitObtainedAgain(Site open) => permits.OnPermitObtainedAgain(open);

    public void OnExit(FlowState state) => permits.OnExit(state);

    public int Checkpoint() => findings.Count;

    public void RollBack(int checkpoint) => findings.Truncate(checkpoint);
}
