using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>CR0002: a decision computed and never used to decide.</summary>
public class CR0002ConsentDecisionIgnoredTests
{
    [Fact]
    public Task Discarded_decision_is_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    {|#0:gate.Check(new ContactRequest(c.Contact))|};
                    _ = {|#1:gate.Check(new ContactRequest(c.Contact))|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 0).WithArguments("Check", "is discarded"),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 1));

    [Fact]
    public Task Discarded_TryReserve_and_consent_check_results_are_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    {|#0:gate.TryReserve(new ContactRequest(c.Contact), out var permit)|};
                    permit?.Complete(AttemptOutcome.NoAnswer);
                    {|#1:Consents.HasConsent(c)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 0),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 1));

    [Fact]
    public Task Decision_never_read_is_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    var decision = {|#0:gate.Check(new ContactRequest(c.Contact))|};
                    Console.WriteLine("checked");
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored).WithArguments("Check", "is never read"));

    [Fact]
    public Task Decision_read_only_after_the_dial_is_reported_with_the_dial()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c)
                {
                    var decision = {|#0:gate.Check(new ContactRequest(c.Contact))|};
                    {|#1:dialer.Dial(c.Phone)|};
                    Console.WriteLine(decision.IsAllowed);
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentDecisionIgnored, 0).WithArguments("Check", "is read only after the contact is made"),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));

    [Fact]
    public Task Decision_used_to_branch_is_not_reported()
        => Verify.AnalyzeAsync(Campaign("""
                public async Task Run(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact));
                    if (decision.IsAllowed) dialer.Dial(c.Phone);
                    var later = await Consents.CheckAsync(gate, new ContactRequest(c.Contact));
                    Console.WriteLine(later);
                    if (gate.TryReserve(new ContactRequest(c.Contact), out var permit)) permit.Complete(AttemptOutcome.Busy);
                }
            """));

    [Fact]
    public Task Decision_of_another_contact_unread_at_a_dial_is_not_blamed_on_it()
        => Verify.AnalyzeAsync(Campaign("""
                public void Run(Customer c, Customer other)
                {
                    var forOther = gate.Check(new ContactRequest(other.Contact));
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                    if (forOther.IsAllowed) dialer.Dial(other.Phone);
                }
            """));
}
