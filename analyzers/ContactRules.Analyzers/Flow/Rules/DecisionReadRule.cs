using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Model;

namespace ContactRules.Analyzers.Flow.Rules;

/// <summary>CR0002 at a contact: a decision about that person stored earlier and still unread decided nothing.</summary>
internal sealed class DecisionReadRule
{
    private readonly Findings findings;
    private readonly PhoneNumberMembers numbers;

    public DecisionReadRule(Findings findings, PhoneNumberMembers numbers)
    {
        this.findings = findings;
        this.numbers = numbers;
    }

    public void OnDial(DialSite dial, FlowState state)
    {
        foreach (var unread in state.UnreadDecisions)
        {
            if (state.Values.TryGetValue(unread.Variable, out var decision) && decision.Grants is { } grants && (dial.Contact.Count == 0 || About(grants, dial)))
            {
                findings.Add(Descriptors.CR0002ConsentDecisionIgnored, unread.Node, CallNames.Of(unread.Node), "is read only after the contact is made");
            }
        }
    }

    private bool About(SmallSet<Consent> grants, DialSite dial)
    {
        foreach (var consent in grants)
        {
            foreach (var contact in dial.Contact)
            {
                if (Coverage.SamePerson(consent, contact, numbers))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
