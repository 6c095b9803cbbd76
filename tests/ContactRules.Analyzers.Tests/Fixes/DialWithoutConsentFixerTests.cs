using System.Threading.Tasks;
using ContactRules.Analyzers.CodeFixes;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Fixes;

/// <summary>The CR0001 fixes: guard the dial on ContactGate.Check, or mark the method [RequiresConsent].</summary>
public class DialWithoutConsentFixerTests
{
    [Fact]
    public Task Dial_is_wrapped_in_a_guard_on_the_gate_in_scope()
        => Verify.FixAsync<DialWithoutConsentFixer>(
            """
            using ContactRules;
            using Crm;

            public class Campaign
            {
                private readonly ContactGate gate = new ContactGate();

                public void Run(IDialer dialer, Customer c)
                {
                    // Renewal reminder.
                    {|CR0001:dialer.Dial(c.Phone)|};
                }
            }
            """,
            """
            using ContactRules;
            using Crm;

            public class Campaign
            {
                private readonly ContactGate gate = new ContactGate();

                public void Run(IDialer dialer, Customer c)
                {
                    // Renewal reminder.
                    if (gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            }
            """);

    [Fact]
    public Task Method_is_marked_RequiresConsent()
        => Verify.FixAsync<DialWithoutConsentFixer>(
            """
            using Crm;

            public class Campaign
            {
                public void Run(IDialer dialer, Customer c)
                {
                    {|CR0001:dialer.Dial(c.Phone)|};
                }
            }
            """,
            """
            using Crm;
            using ContactRules;

            public class Campaign
            {
                [RequiresConsent]
                public void Run(IDialer dialer, Customer c)
                {
                    dialer.Dial(c.Phone);
                }
            }
            """);
}
