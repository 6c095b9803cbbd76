using System.Threading.Tasks;
using ContactRules.Analyzers.CodeFixes;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ServerClockCallingHoursAnalyzer>;

namespace ContactRules.Analyzers.Tests.Fixes;

/// <summary>The CR0004 fix: the policy's calling window, evaluated in the called person's zone, replaces the server clock.</summary>
public class CallingHoursOnServerClockFixerTests
{
    [Fact]
    public Task Comparisons_become_the_gate_decision_with_the_right_polarity()
        => Verify.FixAsync<CallingHoursOnServerClockFixer>(
            """
            using System;
            using ContactRules;
            using Crm;

            public class Campaign
            {
                private readonly ContactGate gate = new ContactGate();

                public void Run(IDialer dialer, Customer c)
                {
                    if ({|CR0004:DateTime.Now.Hour < 10|} || {|CR0004:DateTime.Now.Hour >= 20|}) return;
                    if ({|CR0004:DateTime.Now.Hour >= 10|}) dialer.Dial(c.Phone);
                }
            }
            """,
            """
            using System;
            using ContactRules;
            using Crm;

            public class Campaign
            {
                private readonly ContactGate gate = new ContactGate();

                public void Run(IDialer dialer, Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact)).IsAllowed || !gate.Check(new ContactRequest(c.Contact)).IsAllowed) return;
                    if (gate.Check(new ContactRequest(c.Contact)).IsAllowed) dialer.Dial(c.Phone);
                }
            }
            """);
}
