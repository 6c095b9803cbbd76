using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>CR0005: a permit must be completed with an outcome on every path.</summary>
public class CR0005PermitNotCompletedTests
{
    [Fact]
    public Task Permit_never_completed_is_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    if (!{|#0:gate.TryReserve(new ContactRequest(c.Contact), out var permit)|}) return;
                    dialer.Dial(c.Phone, permit);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted).WithArguments("TryReserve", "before the method ends"));

    [Fact]
    public Task Permit_completed_after_the_dial_is_not_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    if (!gate.TryReserve(new ContactRequest(c.Contact), out var permit, out var decision))
                    {
                        Console.WriteLine(decision);
                        return;
                    }

                    dialer.Dial(c.Phone, permit);
                    permit.Complete(AttemptOutcome.Conversation);
                }
            """));

    [Fact]
    public Task Permit_completed_in_one_branch_only_is_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c, bool answered)
                {
                    if ({|#0:gate.TryReserve(new ContactRequest(c.Contact), out var permit)|})
                    {
                        dialer.Dial(c.Phone, permit);
                        if (answered)
                        {
                            permit.Complete(AttemptOutcome.Conversation);
                        }
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted));

    [Fact]
    public Task Early_return_between_obtaining_and_completing_is_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    if (!{|#0:gate.TryReserve(new ContactRequest(c.Contact), out var permit)|}) return;
                    if (c.Phone.Length == 0) return;
                    dialer.Dial(c.Phone, permit);
                    permit.Complete(AttemptOutcome.NoAnswer);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted));

    [Fact]
    public Task Permit_completed_in_finally_is_not_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public async Task Run(Customer c)
                {
                    if (!gate.TryReserve(new ContactRequest(c.Contact), out var permit)) return;
                    var outcome = AttemptOutcome.NotConnected;
                    try
                    {
                        await dialer.DialAsync(c.Phone);
                        outcome = AttemptOutcome.Conversation;
                    }
                    finally
                    {
                        permit.Complete(outcome);
                    }
                }
            """));

    [Fact]
    public Task Permit_handed_to_another_method_is_its_business()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c, Action<ContactPermit> enqueue)
                {
                    if (gate.TryReserve(new ContactRequest(c.Contact), out var permit))
                    {
                        enqueue(permit);
                    }
                }
            """));

    [Fact]
    public Task Permit_in_a_loop_is_checked_every_iteration()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(List<Customer> customers)
                {
                    foreach (var c in customers)
                    {
                        if (!{|#0:gate.TryReserve(new ContactRequest(c.Contact), out var permit)|}) continue;
                        dialer.Dial(c.Phone, permit);
                    }

                    foreach (var c in customers)
                    {
                        if (!gate.TryReserve(new ContactRequest(c.Contact), out var permit)) continue;
                        dialer.Dial(c.Phone, permit);
                        permit.Complete(AttemptOutcome.Voicemail);
                    }
                }
            """),
            Verify.Diagnostic(DiagnosticIds.PermitNotCompleted));

    [Fact]
    public Task Permit_null_checked_with_conditional_access_is_not_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    gate.TryReserve(new ContactRequest(c.Contact), out var permit).ToString();
                    permit?.Complete(AttemptOutcome.Busy);
                }
            """));
}
